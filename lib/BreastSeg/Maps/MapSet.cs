namespace BreastSeg.Maps;

/// <summary>Maps of one frame, each column-major samples x lines like the frame; null where not requested.</summary>
/// <param name="Samples">Rows (depth samples).</param>
/// <param name="Lines">Columns (scan lines).</param>
/// <param name="Envelope">Envelope amplitude (RF units).</param>
/// <param name="BMode">B-mode in [0, 1] (0 = -DR dB, 1 = 0 dB).</param>
/// <param name="Entropy">Shannon entropy (bits).</param>
/// <param name="Nakagami">Nakagami m (dimensionless).</param>
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
