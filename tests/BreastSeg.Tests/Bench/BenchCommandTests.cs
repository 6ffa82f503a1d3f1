using System.Text.Json;
using BreastSeg.Benchmarks;
using BreastSeg.Cli;

namespace BreastSeg.Tests.CoreBench;

/// <summary>`breastseg bench`: the JSON and table outputs name every operation with positive timings (no speed
/// thresholds), and bad options exit with code 2 and one line. Not in parallel with other tests: the training step
/// changes libtorch's process-wide thread count while it runs.</summary>
[Collection(SerialTorchCollection.Name)]
public class BenchCommandTests
{
    [Fact]
    public void QuickJsonListsEveryOperationAtEveryThreadCount()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["bench", "--json", "--quick", "--repeat", "1"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Equal("", stderr.ToString());

        using var doc = JsonDocument.Parse(stdout.ToString());
        var root = doc.RootElement;
        var machine = root.GetProperty("machine");
        Assert.Equal(Environment.ProcessorCount, machine.GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("os").GetString()));
        Assert.Contains(".NET", machine.GetProperty("runtime").GetString());

        var results = root.GetProperty("results").EnumerateArray().ToList();
        int[] parallelThreads = new[] { 1, Environment.ProcessorCount }.Distinct().ToArray();
        foreach (string name in CoreBenchmarks.Names)
        {
            var rows = results.Where(r => r.GetProperty("name").GetString() == name).ToList();
            int[] expected = name == CoreBenchmarks.Simulate ? [1] : parallelThreads;
            Assert.Equal(expected, rows.Select(r => r.GetProperty("threads").GetInt32()).Order().ToArray());
            foreach (var r in rows)
            {
                double median = r.GetProperty("medianMs").GetDouble(), best = r.GetProperty("bestMs").GetDouble();
                Assert.True(median > 0 && best > 0, $"{name}: median {median}, best {best}");
                Assert.True(best <= median, $"{name}: best {best} > median {median}");
                Assert.True(r.GetProperty("cpuMs").GetDouble() >= 0, name); // process CPU time ticks can round a short run to 0
                Assert.False(string.IsNullOrEmpty(r.GetProperty("size").GetString()));
                // The windowed maps carry the running-histogram limit of their window (2 x window lines ns per pixel).
                var limit = r.GetProperty("limitMs");
                if (name.StartsWith("entropy", StringComparison.Ordinal) || name.StartsWith("nakagami", StringComparison.Ordinal))
                {
                    int windowLines = int.Parse(r.GetProperty("size").GetString()!.Split(", ")[1].Split('x')[1]);
                    Assert.Equal(2.0 * windowLines * 256 * 64 * 1e-6, limit.GetDouble(), 12);
                    Assert.Equal(r.GetProperty("cpuMs").GetDouble() / limit.GetDouble(), r.GetProperty("cpuOverLimit").GetDouble(), 12);
                }
                else Assert.Equal(JsonValueKind.Null, limit.ValueKind);
            }
        }
        if (File.Exists("/proc/loadavg")) Assert.True(root.GetProperty("loadBefore").GetProperty("oneMinute").GetDouble() >= 0);
        Assert.Equal(1 + (CoreBenchmarks.Names.Count - 1) * parallelThreads.Length, results.Count);   // simulate runs on one thread only
        Assert.Contains(results, r => r.GetProperty("name").GetString() == CoreBenchmarks.Simulate && r.GetProperty("size").GetString() == "256x64");
        Assert.Contains(results, r => r.GetProperty("name").GetString() == CoreBenchmarks.TrainStep && r.GetProperty("size").GetString() == "2x1x32x32");
    }

    [Fact]
    public void TablePrintsEveryOperationWithTheRequestedThreads()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["bench", "--quick", "--repeat", "1", "--threads", "1"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        string text = stdout.ToString();
        foreach (string name in CoreBenchmarks.Names) Assert.Contains(name, text);
        Assert.Contains("median (ms)", text);
        Assert.Contains("CPU / limit", text);
        Assert.Contains("load average", text);
        Assert.Contains($"{Environment.ProcessorCount} cores", text);
    }

    [Theory]
    [InlineData("--repeat 0", "--repeat")]
    [InlineData("--repeat -3", "--repeat")]
    [InlineData("--repeat many", "many")]
    [InlineData("--threads 0", "--threads")]
    [InlineData("--threads x", "x")]
    [InlineData("--bogus", "--bogus")]
    public void BadOptionsExitWithCode2AndOneLine(string args, string named)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["bench", "--json", .. args.Split(' ')], stdout, stderr);
        Assert.Equal(CliApp.BadInput, code);
        string err = stderr.ToString().Trim();
        Assert.Single(err.Split('\n'));
        Assert.Contains(named, err);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void PeerExportWritesThePeersInputsAndTheKitsMapsOfThem()
    {
        using var dir = new Tests.Rf.MatTestData.TempDir();
        string folder = dir.File("peer");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["bench", "--peer-out", folder, "--quick", "--repeat", "1"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());

        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "meta.json")));
        int samples = meta.RootElement.GetProperty("samples").GetInt32(), lines = meta.RootElement.GetProperty("lines").GetInt32();
        // PyTorch is warmed up by the kit's count, so both sides time steps past the slow first ones.
        Assert.Equal(CoreBenchOptions.DefaultWarmup, meta.RootElement.GetProperty("train").GetProperty("warmup").GetInt32());
        var levels = Array.ConvertAll(File.ReadAllBytes(Path.Combine(folder, "levels.u8")), b => (int)b);
        Assert.Equal(samples * lines, levels.Length);
        Assert.Equal(samples * lines * sizeof(double), new FileInfo(Path.Combine(folder, "rf.f64")).Length);
        foreach (var window in meta.RootElement.GetProperty("windows").EnumerateArray())
        {
            var size = new BreastSeg.Maps.WindowSize(window.GetProperty("rows").GetInt32(), window.GetProperty("cols").GetInt32());
            var written = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(
                File.ReadAllBytes(Path.Combine(folder, $"kit-entropy-{window.GetProperty("name").GetString()}.f64"))).ToArray();
            Assert.Equal(BreastSeg.Maps.EntropyMap.FromLevels(levels, samples, lines, size, PeerBenchmark.Levels), written);
        }
        using var kit = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "kit.json")));
        var names = kit.RootElement.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("name").GetString(), r.GetProperty("threads").GetInt32())).ToList();
        Assert.Contains(("train step", 1), names);
        Assert.Contains(("train step", 2), names);
    }
}
