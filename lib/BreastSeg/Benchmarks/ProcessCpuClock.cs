using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BreastSeg.Benchmarks;

/// <summary>
/// Process CPU time (all threads). On Linux, Process.TotalProcessorTime counts in clock ticks (10 ms), too coarse for
/// maps of tens of milliseconds, so clock_gettime(CLOCK_PROCESS_CPUTIME_ID) (nanoseconds) is used there.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time used by this process so far (ms).</summary>
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var t) == 0) return t.Seconds * 1e3 + t.Nanoseconds * 1e-6;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}
