namespace BreastSeg.Maps;

/// <summary>How the entropy histogram's bin count is chosen (see <see cref="EntropyBins.Resolve"/>).</summary>
public enum EntropyBinRule
{
    /// <summary>Exactly <see cref="MapOptions.Bins"/> bins.</summary>
    Fixed,

    /// <summary>B = round(sqrt(N)), N = the window's pixel count (the square-root choice of spreadsheet histograms).</summary>
    SquareRoot,

    /// <summary>
    /// Freedman-Diaconis: bin width 2 IQR / N^(1/3) with N the window's pixel count and IQR the median interquartile
    /// range of the binned values inside windows of the frame; B = the span the bins cover (the median window range
    /// for <see cref="EntropyNormalization.Window"/>, the frame's range or percentile span otherwise) / width.
    /// </summary>
    FreedmanDiaconis,
}
