using System.Text.Json;
using BreastSeg.Maps;

namespace BreastSeg.Benchmarks;

/// <summary>
/// The kit's half of the peer benchmark (tools/peer_bench.py): times, in process, the work that scikit-image, scipy and
/// PyTorch are timed on in the Python half, and writes the same inputs for them: the RF frame (float64, column-major
/// samples x lines = numpy Fortran order), its envelope quantised to 256 levels (uint8, the image given to
/// skimage.filters.rank.entropy), the kit's entropy maps of that image for an equality check, and the timings.
/// </summary>
public static class PeerBenchmark
{
    /// <summary>Grey levels of the entropy comparison (uint8 image, one bin per level).</summary>
    public const int Levels = 256;

    /// <summary>Runs the kit's timings and writes rf.f64, levels.u8, kit-entropy-NAME.f64, meta.json and kit.json into <paramref name="folder"/>.</summary>
    /// <param name="folder">Output folder (created).</param>
    /// <param name="repeats">Timed runs per operation.</param>
    /// <param name="quick">Small sizes (a smoke test).</param>
    /// <param name="progress">Called with each operation's name.</param>
    public static BenchReport Export(string folder, int repeats, bool quick = false, Action<string>? progress = null)
    {
        Directory.CreateDirectory(folder);
        var loadBefore = LoadAverage.Read();
        var core = new CoreBenchOptions { Repeats = repeats, Quick = quick };
        int samples = core.FrameSamples, lines = core.FrameLines;
        var frame = BenchmarkFrame.Create(seed: 1, samples, lines);
        var envelope = Envelope.Compute(frame);
        var levels = EntropyMap.Quantize(envelope, Levels);
        var options = new MapOptions();
        var windows = new List<(string Name, WindowSize Size)>
        {
            ("default", options.EntropyWindow(frame.Acquisition, lines)),
            ("1pl", MapWindow.PulseLengths(1).Resolve(frame.Acquisition, lines)),
        };
        WriteDoubles(Path.Combine(folder, "rf.f64"), frame.Data);
        IO.AtomicFile.Write(Path.Combine(folder, "levels.u8"), s => s.Write(Array.ConvertAll(levels, l => (byte)l)));

        string size = $"{samples}x{lines}";
        var results = new List<BenchResult>();
        void Add(string name, int threads, Func<object?> run)
        {
            progress?.Invoke(name);
            results.Add(BenchTimer.Measure(name, size, threads, run, repeats, core.Warmup));
        }
        foreach (int t in new[] { 1, Environment.ProcessorCount }.Distinct())
            Add("envelope", t, () => Envelope.Compute(frame.Data, samples, lines, frame.Acquisition.SamplingFrequencyHz, maxDegreeOfParallelism: t));
        foreach (var (name, window) in windows)
        {
            WriteDoubles(Path.Combine(folder, $"kit-entropy-{name}.f64"), EntropyMap.FromLevels(levels, samples, lines, window, Levels, maxDegreeOfParallelism: 1));
            foreach (int t in new[] { 1, Environment.ProcessorCount }.Distinct())
                Add($"entropy {name} {window}", t, () => EntropyMap.FromLevels(levels, samples, lines, window, Levels, maxDegreeOfParallelism: t));
        }
        foreach (int t in new[] { 1, 2 })
        {
            progress?.Invoke($"train step, {t} threads");
            results.Add(TrainStepBenchmark.Measure("train step", core.BaseFilters, core.ImageSize, core.BatchSize, t, repeats, core.Warmup));
        }
        var report = new BenchReport(MachineInfo.Current(), results, loadBefore, LoadAverage.Read());
        var meta = new
        {
            samples, lines, levels = Levels, repeats,
            windows = windows.Select(w => new { name = w.Name, rows = w.Size.Samples, cols = w.Size.Lines }).ToArray(),
            train = new { baseFilters = core.BaseFilters, batch = core.BatchSize, size = core.ImageSize, lr = 1e-3, warmup = core.Warmup },
        };
        IO.AtomicFile.WriteAllText(Path.Combine(folder, "meta.json"), JsonSerializer.Serialize(meta));
        IO.AtomicFile.WriteAllText(Path.Combine(folder, "kit.json"), report.ToJson());
        return report;
    }

    private static void WriteDoubles(string path, double[] values) =>
        IO.AtomicFile.Write(path, s => s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())));
}
