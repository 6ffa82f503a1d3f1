namespace BreastSeg.Fuzzing;

/// <summary>How reading one mutated file ended.</summary>
public enum FuzzOutcome
{
    /// <summary>Read without complaint (the CLI's exit 0).</summary>
    Ok,
    /// <summary>Refused with one line naming the file (the CLI's exit 2).</summary>
    Refused,
    /// <summary>Any other exception, or a refusal of more than one line: a bug.</summary>
    Crash,
    /// <summary>Still running after the time limit.</summary>
    Timeout,
    /// <summary>The reading thread allocated more than the memory cap.</summary>
    OverCap,
}

/// <summary>One mutated file and how reading it ended.</summary>
/// <param name="Index">Case number in the campaign (0-based); with the seed it reproduces the file.</param>
/// <param name="Format">File format.</param>
/// <param name="How">The mutation applied.</param>
/// <param name="Outcome">How reading it ended.</param>
/// <param name="Seconds">Wall time of the read (s).</param>
/// <param name="AllocatedBytes">Bytes allocated by the reading thread (an upper bound of what it held at once).</param>
/// <param name="Message">The refusal or exception message, if any.</param>
public sealed record FuzzCase(int Index, FuzzFormat Format, string How, FuzzOutcome Outcome, double Seconds, long AllocatedBytes, string? Message);
