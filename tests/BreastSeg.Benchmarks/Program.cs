using BenchmarkDotNet.Running;
using BreastSeg.Benchmarks;

// Full run:  dotnet run -c Release --project tests/BreastSeg.Benchmarks -- --filter '*'
// Quick look (Stopwatch, best of 10 after 3 warm-up runs; `breastseg bench` times the same maps plus simulation and training): dotnet run -c Release --project tests/BreastSeg.Benchmarks -- --quick
if (args.Contains("--quick"))
{
    var b = new MapBenchmarks();
    b.Setup();
    var naive = new NaiveMapBenchmarks();
    naive.Setup();
    foreach (int threads in new[] { 1, -1 })
    {
        b.Threads = threads;
        Time($"envelope          threads={threads}", () => b.EnvelopeFrame(), threads: threads);
        Time($"b-mode            threads={threads}", () => b.BModeFrame(), threads: threads);
        Time($"entropy global    threads={threads}", () => b.EntropyGlobal(), threads: threads);
        Time($"entropy window    threads={threads}", () => b.EntropyWindow(), threads: threads);
        Time($"nakagami          threads={threads}", () => b.Nakagami(), threads: threads);
    }
    Time("naive envelope (1 FFT/line)", () => naive.NaiveEnvelopeOneFftPerLine(), 4);
    Time($"naive entropy global, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveEntropyGlobal64Lines(), 4);
    Time($"naive entropy window, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveEntropyWindow64Lines(), 4);
    Time($"naive nakagami, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveNakagami64Lines(), 4);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(MapBenchmarks).Assembly).Run(args);

// The same timing as `breastseg bench` (BreastSeg.Benchmarks.BenchTimer): best of N after 3 warm-up runs, with the
// median process CPU time per run.
static void Time(string name, Func<object> run, int repeats = 10, int threads = 1)
{
    var r = BenchTimer.Measure(name, $"{BenchmarkFrame.Samples}x{BenchmarkFrame.Lines}", threads, run, repeats, warmup: 3);
    Console.WriteLine($"{name,-40} wall {r.BestMs,8:F1} ms (median {r.MedianMs,8:F1})   cpu {r.CpuMs,8:F1} ms");
}
