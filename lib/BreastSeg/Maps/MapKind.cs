namespace BreastSeg.Maps;

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
