using BreastSeg.Maps;

namespace BreastSeg.Calibration;

/// <summary>
/// Where <see cref="SpeckleStatistics"/> looks for homogeneous speckle and which maps it measures there. The depth range
/// is cut into bands of <see cref="BandHeightMm"/>, each band into blocks of <see cref="BlockWidthMm"/> across the
/// scan lines (whole blocks only, centred on the frame). A block counts as homogeneous speckle unless it holds a
/// specular or point reflector (a pixel brighter than <see cref="SpecularFactor"/> times the block's median intensity)
/// or its mean intensity lies more than <see cref="MaxLevelDeviationDb"/> from the median block of its band (a
/// structure, shadow or dark region). Defaults: 8-28 mm in four 5 mm bands, 5 mm wide blocks, factor 20, 3 dB.
/// </summary>
public sealed record SpeckleStatisticsOptions
{
    /// <summary>Top of the measured depth range (mm from the first sample).</summary>
    public double MinDepthMm { get; init; } = 8;

    /// <summary>Bottom of the measured depth range (mm).</summary>
    public double MaxDepthMm { get; init; } = 28;

    /// <summary>Height of one depth band (mm).</summary>
    public double BandHeightMm { get; init; } = 5;

    /// <summary>Lateral width of one block (mm).</summary>
    public double BlockWidthMm { get; init; } = 5;

    /// <summary>
    /// A block holding a pixel whose intensity (envelope squared) exceeds this factor times the block's median intensity
    /// is rejected as specular. In Rayleigh speckle the intensity is exponential: P(I &gt; 20 median) = 2^-20, about
    /// 1e-6 per pixel, so fully developed speckle is almost never rejected; pre-Rayleigh speckle (heavier tails) is
    /// rejected more often, which biases the kept blocks towards m near 1.
    /// </summary>
    public double SpecularFactor { get; init; } = 20;

    /// <summary>Largest distance (dB) of a block's mean intensity from the median of its band's blocks.</summary>
    public double MaxLevelDeviationDb { get; init; } = 3;

    /// <summary>Map options: envelope band-pass, entropy bins and normalisation, Nakagami window (default: the kit's
    /// defaults, <see cref="MapOptions"/>).</summary>
    public MapOptions Maps { get; init; } = new();

    /// <summary>Entropy windows to measure the entropy map at (each with the bins and normalisation of
    /// <see cref="Maps"/>). Default: 1, 2 and 3 pulse lengths; the first, 1 pulse length, is the kit's default window.</summary>
    public IReadOnlyList<MapWindow> EntropyWindows { get; init; } = [MapWindow.PulseLengths(1), MapWindow.PulseLengths(2), MapWindow.PulseLengths(3)];

    /// <summary>Largest autocovariance lag as a fraction of the block (axially and laterally).</summary>
    internal const double MaxLagFraction = 0.5;

    /// <summary>Checks the options; every problem names its option.</summary>
    internal void Validate()
    {
        static void Positive(double v, string name)
        {
            if (!(v > 0) || double.IsInfinity(v)) throw new IO.BreastSegInputException(name, $"must be positive and finite, got {v}");
        }
        if (!(MinDepthMm >= 0) || !(MaxDepthMm > MinDepthMm) || double.IsInfinity(MaxDepthMm))
            throw new IO.BreastSegInputException("depth range", $"{MinDepthMm}-{MaxDepthMm} mm must satisfy 0 <= min < max");
        Positive(BandHeightMm, "band height");
        Positive(BlockWidthMm, "block width");
        Positive(MaxLevelDeviationDb, "level deviation");
        if (!(SpecularFactor > 1) || double.IsInfinity(SpecularFactor)) throw new IO.BreastSegInputException("specular factor", $"must be above 1, got {SpecularFactor}");
        if (EntropyWindows.Count == 0) throw new IO.BreastSegInputException("entropy windows", "at least one window is needed");
    }
}
