namespace BreastSeg.Simulation;

/// <summary>
/// A 2-D phantom on the RF grid: a tissue label per pixel (column-major samples x lines, like <see cref="Rf.RfFrame"/>),
/// the tissue table the labels index, optional per-pixel echogenicity offsets (smooth heterogeneity) and deterministic
/// point reflectors (specular sheets, wire targets). The simulator draws diffuse scatterers from the labels.
/// </summary>
public sealed class SlicePhantom
{
    /// <summary>Creates a phantom; arrays are used as given (not copied).</summary>
    /// <param name="samples">Depth samples (rows).</param>
    /// <param name="lines">Scan lines (columns).</param>
    /// <param name="labels">Tissue index per pixel into <paramref name="tissues"/>, column-major.</param>
    /// <param name="tissues">Tissue table.</param>
    /// <param name="reflectors">Point reflectors, or null.</param>
    /// <param name="echogenicityOffsetDb">Per-pixel echogenicity offset (dB) added to the tissue's, or null.</param>
    /// <param name="lossDb">Per-pixel frequency-independent one-way loss (dB) that everything deeper on the same line
    /// suffers (refraction and reflection at interfaces: edge shadows), or null.</param>
    public SlicePhantom(int samples, int lines, byte[] labels, IReadOnlyList<TissueAcoustics> tissues,
        IReadOnlyList<PointReflector>? reflectors = null, float[]? echogenicityOffsetDb = null, float[]? lossDb = null)
    {
        if (lossDb is not null && lossDb.Length != labels.Length)
            throw new ArgumentException("losses must match the labels", nameof(lossDb));
        if (samples <= 0 || lines <= 0) throw new ArgumentOutOfRangeException(nameof(samples), "a phantom needs at least one sample and one line");
        if (labels.Length != (long)samples * lines) throw new ArgumentException($"labels hold {labels.Length} values, expected {samples} x {lines}", nameof(labels));
        if (echogenicityOffsetDb is not null && echogenicityOffsetDb.Length != labels.Length)
            throw new ArgumentException("echogenicity offsets must match the labels", nameof(echogenicityOffsetDb));
        foreach (byte label in labels)
            if (label >= tissues.Count) throw new ArgumentException($"label {label} has no tissue (table of {tissues.Count})", nameof(labels));
        Samples = samples;
        Lines = lines;
        Labels = labels;
        Tissues = tissues;
        Reflectors = reflectors ?? [];
        EchogenicityOffsetDb = echogenicityOffsetDb;
        LossDb = lossDb;
    }

    /// <summary>Per-pixel one-way frequency-independent loss (dB) applied to everything deeper on the line, or null.</summary>
    public float[]? LossDb { get; }

    /// <summary>Depth samples (rows).</summary>
    public int Samples { get; }

    /// <summary>Scan lines (columns).</summary>
    public int Lines { get; }

    /// <summary>Tissue index per pixel, column-major.</summary>
    public byte[] Labels { get; }

    /// <summary>Tissue table indexed by <see cref="Labels"/>.</summary>
    public IReadOnlyList<TissueAcoustics> Tissues { get; }

    /// <summary>Deterministic point reflectors.</summary>
    public IReadOnlyList<PointReflector> Reflectors { get; }

    /// <summary>Per-pixel echogenicity offset (dB), or null.</summary>
    public float[]? EchogenicityOffsetDb { get; }

    /// <summary>A phantom of one tissue everywhere.</summary>
    public static SlicePhantom Homogeneous(int samples, int lines, TissueAcoustics tissue, IReadOnlyList<PointReflector>? reflectors = null) =>
        new(samples, lines, new byte[(long)samples * lines], [tissue], reflectors);
}
