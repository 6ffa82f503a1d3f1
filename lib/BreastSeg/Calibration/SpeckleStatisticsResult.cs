using BreastSeg.Maps;

namespace BreastSeg.Calibration;

/// <summary>Entropy map statistics inside a region for one window.</summary>
/// <param name="Window">The window as specified (for example "1pl").</param>
/// <param name="Pixels">The window in pixels (samples x lines) on this frame's grid.</param>
/// <param name="Mean">Mean entropy in the region (bits).</param>
/// <param name="Std">Standard deviation of the entropy map in the region (bits): its spread.</param>
public sealed record EntropyStatistics(string Window, WindowSize Pixels, double Mean, double Std);

/// <summary>Speckle statistics of one region (a block, or the median over the kept blocks of a band).</summary>
/// <param name="EnvelopeSnr">Envelope mean / standard deviation (Rayleigh: 1.91).</param>
/// <param name="NakagamiM">Nakagami m of the region's envelope by the moment estimator E[I]^2 / Var(I), I = R^2 (Rayleigh: 1).</param>
/// <param name="NakagamiMapMean">Mean of the kit's Nakagami map (its window, <see cref="MapOptions.NakagamiWindow"/>) in the region.</param>
/// <param name="Entropy">Entropy map mean and spread, one entry per window of <see cref="SpeckleStatisticsOptions.EntropyWindows"/>.</param>
/// <param name="AxialFwhmUm">Full width at half maximum of the envelope's autocovariance along depth (um).</param>
/// <param name="LateralFwhmMm">Full width at half maximum of the envelope's autocovariance across scan lines (mm).</param>
/// <param name="SpectralPeakMHz">Frequency of the maximum of the mean RF power spectrum (MHz).</param>
/// <param name="SpectralCentroidMHz">Power-weighted mean frequency of the mean RF power spectrum over (0, fs/2) (MHz).</param>
public sealed record SpeckleMeasures(
    double EnvelopeSnr,
    double NakagamiM,
    double NakagamiMapMean,
    IReadOnlyList<EntropyStatistics> Entropy,
    double AxialFwhmUm,
    double LateralFwhmMm,
    double SpectralPeakMHz,
    double SpectralCentroidMHz);

/// <summary>One candidate block of a band.</summary>
/// <param name="Band">Index of its depth band.</param>
/// <param name="FirstSample">First depth sample.</param>
/// <param name="Samples">Depth samples.</param>
/// <param name="FirstLine">First scan line.</param>
/// <param name="Lines">Scan lines.</param>
/// <param name="DepthMm">Depth of the block's centre (mm).</param>
/// <param name="LateralMm">Lateral position of the block's centre (mm, 0 = frame centre).</param>
/// <param name="LevelDb">Mean intensity relative to the median block of its band (dB).</param>
/// <param name="Rejection">Why the block is not homogeneous speckle ("specular", "level"), or null where kept.</param>
/// <param name="Measures">The block's statistics (also for rejected blocks, for inspection).</param>
public sealed record SpeckleBlock(int Band, int FirstSample, int Samples, int FirstLine, int Lines, double DepthMm, double LateralMm,
    double LevelDb, string? Rejection, SpeckleMeasures Measures)
{
    /// <summary>Whether the block counts as homogeneous speckle.</summary>
    public bool Kept => Rejection is null;
}

/// <summary>A depth band: the median of its kept blocks' statistics.</summary>
/// <param name="TopMm">Top of the band (mm).</param>
/// <param name="BottomMm">Bottom of the band (mm).</param>
/// <param name="BlocksKept">Blocks counted as homogeneous speckle.</param>
/// <param name="BlocksTotal">Candidate blocks.</param>
/// <param name="Median">Median of each statistic over the kept blocks, or null where none was kept.</param>
public sealed record SpeckleBand(double TopMm, double BottomMm, int BlocksKept, int BlocksTotal, SpeckleMeasures? Median);

/// <summary>What <see cref="SpeckleStatistics.Measure"/> found in one frame.</summary>
/// <param name="Bands">Depth bands, shallow to deep.</param>
/// <param name="Blocks">Every candidate block, kept or not.</param>
/// <param name="Options">The options used.</param>
public sealed record SpeckleStatisticsResult(IReadOnlyList<SpeckleBand> Bands, IReadOnlyList<SpeckleBlock> Blocks, SpeckleStatisticsOptions Options)
{
    /// <summary>Median of each statistic over every kept block of the frame, or null where none was kept.</summary>
    public SpeckleMeasures? Median => SpeckleStatistics.MedianOf(Blocks.Where(b => b.Kept).Select(b => b.Measures).ToList());

    /// <summary>Smallest and largest band value of a statistic (the range quoted as "188-235 um"), over bands with kept blocks.</summary>
    public (double Min, double Max) BandRange(Func<SpeckleMeasures, double> statistic)
    {
        var values = Bands.Where(b => b.Median is not null).Select(b => statistic(b.Median!)).Where(double.IsFinite).ToList();
        return values.Count == 0 ? (double.NaN, double.NaN) : (values.Min(), values.Max());
    }
}
