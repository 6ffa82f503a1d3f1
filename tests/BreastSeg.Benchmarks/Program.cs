using System.Diagnostics;
using BenchmarkDotNet.Running;
using BreastSeg.Benchmarks;

// Full run:  dotnet run -c Release --project tests/BreastSeg.Benchmarks -- --filter '*'
// Quick look (Stopwatch, best of 5): dotnet run -c Release --project tests/BreastSeg.Benchmarks -- --quick
if (args.Contains("--quick"))
{
    var b = new MapBenchmarks();
    b.Setup();
    var naive = new NaiveMapBenchmarks();
    naive.Setup();
    foreach (int threads in new[] { 1, -1 })
    {
        b.Threads = threads;
        Time($"envelope          threads={threads}", () => b.EnvelopeFrame());
        Time($"b-mode            threads={threads}", () => b.BModeFrame());
        Time($"entropy global    threads={threads}", () => b.EntropyGlobal());
        Time($"entropy window    threads={threads}", () => b.EntropyWindow());
        Time($"nakagami          threads={threads}", () => b.Nakagami());
    }
    Time("naive envelope (1 FFT/line)", () => naive.NaiveEnvelopeOneFftPerLine(), 3);
    Time($"naive entropy global, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveEntropyGlobal64Lines(), 3);
    Time($"naive entropy window, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveEntropyWindow64Lines(), 3);
    Time($"naive nakagami, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveNakagami64Lines(), 3);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(MapBenchmarks).Assembly).Run(args);

static void Time(string name, Func<object> run, int repeats = 5)
{
    run();
    double best = double.MaxValue;
    for (int r = 0; r < repeats; r++)
    {
        var sw = Stopwatch.StartNew();
        run();
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"{name,-40} {best,8:F1} ms");
}
