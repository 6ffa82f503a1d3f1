using System.Globalization;
using System.Text.Json;

namespace BreastSeg.Fuzzing;

/// <summary>The result of a campaign: every case, counts per format and outcome, the slowest case, the case that
/// allocated most, and the process's peak working set.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Cases">Every case, in order.</param>
/// <param name="Seconds">Wall time of the campaign (s).</param>
/// <param name="PeakWorkingSetBytes">Peak resident memory of the process (bytes), which includes the runtime and the
/// code of the readers, not only what the cases held.</param>
/// <param name="Interrupted">Whether the campaign was stopped before its last case.</param>
/// <param name="Resumed">How many of the cases were finished by an earlier run (taken from its journal, not re-run);
/// <paramref name="Seconds"/> and <paramref name="PeakWorkingSetBytes"/> are this run's.</param>
public sealed record FuzzReport(FuzzOptions Options, IReadOnlyList<FuzzCase> Cases, double Seconds, long PeakWorkingSetBytes, bool Interrupted, int Resumed = 0)
{
    /// <summary>Cases per format and outcome.</summary>
    public int Count(FuzzFormat format, FuzzOutcome outcome) => Cases.Count(c => c.Format == format && c.Outcome == outcome);

    /// <summary>Cases that are bugs: crashes, timeouts and cases over the cap.</summary>
    public IReadOnlyList<FuzzCase> Failures => Cases.Where(c => c.Outcome is FuzzOutcome.Crash or FuzzOutcome.Timeout or FuzzOutcome.OverCap).ToList();

    /// <summary>The case that took longest, or null for an empty campaign.</summary>
    public FuzzCase? Slowest => Cases.MaxBy(c => c.Seconds);

    /// <summary>The case whose reading thread allocated most, or null for an empty campaign.</summary>
    public FuzzCase? LargestAllocation => Cases.MaxBy(c => c.AllocatedBytes);

    /// <summary>The report as JSON: options, counts, slowest and largest cases, failures.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("count", Options.Count);
            w.WriteNumber("seed", Options.Seed);
            w.WriteNumber("timeoutSeconds", Options.Timeout.TotalSeconds);
            w.WriteNumber("capBytes", Options.CapBytes);
            w.WriteNumber("seconds", Seconds);
            w.WriteNumber("peakWorkingSetBytes", PeakWorkingSetBytes);
            w.WriteBoolean("interrupted", Interrupted);
            w.WriteNumber("resumed", Resumed);
            w.WriteStartObject("counts");
            foreach (var format in Options.Formats)
            {
                w.WriteStartObject(FuzzFormats.Name(format));
                foreach (var outcome in Enum.GetValues<FuzzOutcome>()) w.WriteNumber(Name(outcome), Count(format, outcome));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            WriteCase(w, "slowest", Slowest);
            WriteCase(w, "largestAllocation", LargestAllocation);
            w.WriteStartArray("failures");
            foreach (var c in Failures) WriteCase(w, null, c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A few lines for the terminal: counts per format, slowest case, largest allocation, peak memory.</summary>
    public IEnumerable<string> SummaryLines()
    {
        var outcomes = Enum.GetValues<FuzzOutcome>();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{Cases.Count} cases{(Resumed > 0 ? $" ({Resumed} resumed from {FuzzJournal.FileName})" : "")}, seed {Options.Seed}, {Seconds:0.#} s{(Interrupted ? " (interrupted)" : "")}; cap {IO.MemoryCap.Format(Options.CapBytes)}, timeout {Options.Timeout.TotalSeconds:0} s");
        yield return $"{"format",-7}" + string.Concat(outcomes.Select(o => $"{Name(o),10}"));
        foreach (var format in Options.Formats)
            yield return $"{FuzzFormats.Name(format),-7}" + string.Concat(outcomes.Select(o => $"{Count(format, o),10}"));
        if (Slowest is { } slow)
            yield return string.Create(CultureInfo.InvariantCulture, $"slowest: case {slow.Index} ({FuzzFormats.Name(slow.Format)}, {slow.How}) {slow.Seconds:0.###} s, {Name(slow.Outcome)}");
        if (LargestAllocation is { } big)
            yield return $"largest allocation: case {big.Index} ({FuzzFormats.Name(big.Format)}, {big.How}) {IO.MemoryCap.Format(big.AllocatedBytes)}, {Name(big.Outcome)}";
        yield return $"peak working set of the process: {IO.MemoryCap.Format(PeakWorkingSetBytes)}";
        foreach (var f in Failures.Take(20))
            yield return $"FAILED case {f.Index} ({FuzzFormats.Name(f.Format)}, {f.How}): {Name(f.Outcome)}: {f.Message}";
    }

    private static void WriteCase(Utf8JsonWriter w, string? name, FuzzCase? c)
    {
        if (c is null) { if (name is not null) w.WriteNull(name); return; }
        if (name is null) w.WriteStartObject(); else w.WriteStartObject(name);
        w.WriteNumber("index", c.Index);
        w.WriteString("format", FuzzFormats.Name(c.Format));
        w.WriteString("mutation", c.How);
        w.WriteString("outcome", Name(c.Outcome));
        w.WriteNumber("seconds", c.Seconds);
        w.WriteNumber("allocatedBytes", c.AllocatedBytes);
        if (c.Message is not null) w.WriteString("message", c.Message);
        w.WriteEndObject();
    }

    /// <summary>The outcome as the report spells it (ok, refused, crash, timeout, over-cap).</summary>
    public static string Name(FuzzOutcome outcome) => outcome == FuzzOutcome.OverCap ? "over-cap" : outcome.ToString().ToLowerInvariant();
}
