namespace BreastSeg.Benchmarks;

/// <summary>Timing of one operation.</summary>
/// <param name="Name">Operation, e.g. "entropy map (window)".</param>
/// <param name="Size">What one run processes, e.g. "2048x510" (samples x lines) or "4x1x128x128" (a batch).</param>
/// <param name="Threads">Threads the operation was allowed to use.</param>
/// <param name="MedianMs">Median wall time of the timed runs (ms).</param>
/// <param name="BestMs">Shortest wall time (ms).</param>
/// <param name="CpuMs">Median process CPU time per run, all threads (ms).</param>
/// <param name="LimitMs">For the windowed maps, the running-histogram limit of the work on one core (ms, see
/// <see cref="CoreBenchmarks.RunningHistogramLimitMs"/>); null for other operations.</param>
public sealed record BenchResult(string Name, string Size, int Threads, double MedianMs, double BestMs, double CpuMs, double? LimitMs = null)
{
    /// <summary>CPU time over the limit (all threads' CPU time, so the work's cost whatever the thread count), or null.</summary>
    public double? CpuOverLimit => LimitMs is { } limit ? CpuMs / limit : null;
}

/// <summary>The machine the timings were taken on.</summary>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Architecture">Process architecture (x64, arm64).</param>
public sealed record MachineInfo(int Cores, string Os, string Runtime, string Architecture)
{
    /// <summary>This machine.</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
}

/// <summary>All timings of a run and the machine they were taken on.</summary>
/// <param name="Machine">Cores, OS and runtime.</param>
/// <param name="Results">One entry per operation and thread count, in run order.</param>
/// <param name="LoadBefore">System load average when the run started (null where unavailable).</param>
/// <param name="LoadAfter">System load average when it ended.</param>
public sealed record BenchReport(MachineInfo Machine, IReadOnlyList<BenchResult> Results, LoadAverage? LoadBefore = null, LoadAverage? LoadAfter = null)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    /// <summary>{"machine":{...},"results":[{"name","size","threads","medianMs","bestMs","cpuMs","limitMs","cpuOverLimit"}],
    /// "loadBefore","loadAfter"} (times in ms).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);
}
