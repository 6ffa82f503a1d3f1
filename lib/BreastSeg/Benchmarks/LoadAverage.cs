using System.Globalization;

namespace BreastSeg.Benchmarks;

/// <summary>The system load average (runnable processes, averaged over 1, 5 and 15 minutes), recorded beside timings
/// because on a shared machine it says how far wall times are inflated.</summary>
/// <param name="OneMinute">1-minute average.</param>
/// <param name="FiveMinutes">5-minute average.</param>
/// <param name="FifteenMinutes">15-minute average.</param>
public sealed record LoadAverage(double OneMinute, double FiveMinutes, double FifteenMinutes)
{
    /// <summary>The current load average from /proc/loadavg, or null where there is none (not Linux).</summary>
    public static LoadAverage? Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new LoadAverage(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OneMinute:F2} {FiveMinutes:F2} {FifteenMinutes:F2}");
}
