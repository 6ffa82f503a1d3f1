using System.Diagnostics;
using BenchmarkDotNet.Running;
using BreastSeg.Benchmarks;

// Full run:  dotnet run -c Release --project tests/BreastSeg.Benchmarks -- --filter '*'
// Quick look (Stopwatch, best of 10 after 3 warm-up runs): dotnet run -c Release --project tests/BreastSeg.Benchmarks -- --quick
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
    Time("naive envelope (1 FFT/line)", () => naive.NaiveEnvelopeOneFftPerLine(), 4);
    Time($"naive entropy global, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveEntropyGlobal64Lines(), 4);
    Time($"naive entropy window, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveEntropyWindow64Lines(), 4);
    Time($"naive nakagami, {MapBenchmarks.NaiveLines} lines", () => naive.NaiveNakagami64Lines(), 4);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(MapBenchmarks).Assembly).Run(args);

// Best wall-clock time and the process CPU time of that run: on a shared machine the CPU time of a single-thread run
// is the better estimate of the work itself (time spent descheduled is not counted).
static void Time(string name, Func<object> run, int repeats = 10)
{
    for (int w = 0; w < 3; w++) run();
    double best = double.MaxValue, cpuOfBest = 0;
    var process = Process.GetCurrentProcess();
    for (int r = 0; r < repeats; r++)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        run();
        double wall = sw.Elapsed.TotalMilliseconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        if (wall < best) (best, cpuOfBest) = (wall, cpu);
    }
    Console.WriteLine($"{name,-40} wall {best,8:F1} ms   cpu {cpuOfBest,8:F1} ms");
}
