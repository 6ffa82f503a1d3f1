using BreastSeg.Rf;

namespace BreastSeg.Maps;

// CONTRACT STUB (issue 4): the maps work replaces this file with real implementations (split into small files);
// the simulator, models and notebooks code against these names.

/// <summary>The parametric maps the kit computes from an RF frame.</summary>
public enum MapKind
{
    /// <summary>Envelope amplitude |hilbert(rf)| (RF units).</summary>
    Envelope,
    /// <summary>Log-compressed envelope mapped to [0, 1] over the dynamic range.</summary>
    BMode,
    /// <summary>Shannon entropy of the envelope histogram in a sliding window (bits).</summary>
    Entropy,
    /// <summary>Nakagami m (moment estimator) in a sliding window (dimensionless).</summary>
    Nakagami,
}

/// <summary>Options of the map computation; defaults documented in the maps code.</summary>
public sealed record MapOptions
{
    /// <summary>B-mode dynamic range (dB).</summary>
    public double DynamicRangeDb { get; init; } = 50;
}

/// <summary>Maps of one frame, each column-major samples x lines like the frame; null where not requested.</summary>
public sealed record MapSet(int Samples, int Lines, double[]? Envelope, double[]? BMode, double[]? Entropy, double[]? Nakagami)
{
    /// <summary>The map of kind <paramref name="kind"/>, or null.</summary>
    public double[]? Get(MapKind kind) => kind switch
    {
        MapKind.Envelope => Envelope,
        MapKind.BMode => BMode,
        MapKind.Entropy => Entropy,
        MapKind.Nakagami => Nakagami,
        _ => null,
    };
}

/// <summary>Computes maps of an RF frame.</summary>
public static class ParametricMaps
{
    /// <summary>Computes the requested maps of <paramref name="frame"/>.</summary>
    public static MapSet Compute(RfFrame frame, MapOptions options, params MapKind[] kinds) => throw new NotImplementedException();
}

/// <summary>Envelope detection.</summary>
public static class Envelope
{
    /// <summary>Envelope |analytic signal| of every scan line (column-major, same shape as the frame).</summary>
    public static double[] Compute(RfFrame frame) => throw new NotImplementedException();
}
