using System.Diagnostics;

namespace BreastSeg.Benchmarks;

/// <summary>
/// Stopwatch timing for operations of tens of milliseconds to a few seconds: warm-up runs (JIT, caches, thread pool),
/// then repeats, reporting the best and median wall time and the median process CPU time. On a shared machine the best
/// wall time and the CPU time of a single-thread run are the better estimates of the work itself (time spent
/// descheduled is not counted).
/// </summary>
public static class BenchTimer
{
    /// <summary>Times <paramref name="run"/>.</summary>
    /// <param name="name">Operation name.</param>
    /// <param name="size">What was processed, e.g. "2048x510".</param>
    /// <param name="threads">Threads the operation was allowed to use.</param>
    /// <param name="run">The operation; its result is kept alive until timed so it cannot be optimised away.</param>
    /// <param name="repeats">Timed runs (at least 1).</param>
    /// <param name="warmup">Untimed runs first.</param>
    public static BenchResult Measure(string name, string size, int threads, Func<object?> run, int repeats, int warmup = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        for (int w = 0; w < warmup; w++) GC.KeepAlive(run());
        var wall = new double[repeats];
        var cpu = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            double cpu0 = ProcessCpuClock.Milliseconds();
            long t0 = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            wall[r] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            cpu[r] = ProcessCpuClock.Milliseconds() - cpu0;
        }
        return new BenchResult(name, size, threads, Median(wall), wall.Min(), Median(cpu));
    }

    /// <summary>Median (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
