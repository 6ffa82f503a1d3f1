namespace BreastSeg.Maps;

/// <summary>Options of the map computation; defaults documented in the maps code.</summary>
public sealed record MapOptions
{
    /// <summary>B-mode dynamic range (dB).</summary>
    public double DynamicRangeDb { get; init; } = 50;
}
