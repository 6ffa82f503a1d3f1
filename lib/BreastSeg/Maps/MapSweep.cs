using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>One entropy (or Nakagami) map of a sweep and its lesion/background separability.</summary>
/// <param name="Kind">Entropy or Nakagami.</param>
/// <param name="Window">The window as specified.</param>
/// <param name="Pixels">The window in pixels (samples x lines).</param>
/// <param name="Bins">Histogram bins (0 for Nakagami).</param>
/// <param name="Map">The map (column-major), or null when the sweep does not keep maps.</param>
/// <param name="Separability">Lesion versus background figures.</param>
public sealed record SweepCase(MapKind Kind, MapWindow Window, WindowSize Pixels, int Bins, double[]? Map, Separability Separability);

/// <summary>Result of a sweep over one frame: the B-mode reference and every case.</summary>
/// <param name="BMode">Separability of the B-mode image (the reference the entropy maps are compared with).</param>
/// <param name="Cases">Entropy cases (every window x bins) followed by Nakagami cases (every window).</param>
public sealed record SweepReport(Separability BMode, IReadOnlyList<SweepCase> Cases);

/// <summary>What a sweep varies and measures.</summary>
public sealed record MapSweepOptions
{
    /// <summary>Windows to try (default 0.5, 1, 2 and 3 pulse lengths).</summary>
    public IReadOnlyList<MapWindow> Windows { get; init; } =
        [MapWindow.PulseLengths(0.5), MapWindow.PulseLengths(1), MapWindow.PulseLengths(2), MapWindow.PulseLengths(3)];

    /// <summary>Bin counts to try (default 8, 16, 32, 64).</summary>
    public IReadOnlyList<int> Bins { get; init; } = [8, 16, 32, 64];

    /// <summary>Also compute Nakagami m for every window.</summary>
    public bool Nakagami { get; init; } = true;

    /// <summary>Keep every map in the report (8 MB per 2048 x 510 map); false keeps only the figures.</summary>
    public bool KeepMaps { get; init; } = true;

    /// <summary>Background pixels for separability (default a 3 mm ring around the lesion).</summary>
    public BackgroundRegion Background { get; init; } = BackgroundRegion.Ring();

    /// <summary>Everything else (normalisation, percentiles, Miller-Madow, log compression, stride, dynamic range, band-pass, threads); the bin rule is not used (the sweep's bin counts are).</summary>
    public MapOptions Maps { get; init; } = new();
}

/// <summary>
/// Parameter sweep for the notebooks and figures: entropy maps for every window size and bin count (and Nakagami maps
/// for every window) of one frame, each with its lesion-versus-surrounding-tissue contrast, CNR and AUC.
/// </summary>
public static class MapSweep
{
    /// <summary>Sweeps one view (RF frame and lesion mask).</summary>
    public static SweepReport Run(RfView view, MapSweepOptions options)
    {
        var frame = view.Frame;
        var envelope = Envelope.Compute(frame, options.Maps.BandPass, options.Maps.MaxDegreeOfParallelism);
        return FromEnvelope(envelope, frame.Acquisition, view.Mask, options);
    }

    /// <summary>Sweeps a frame given as its envelope (column-major, the mask's shape).</summary>
    public static SweepReport FromEnvelope(double[] envelope, Acquisition acquisition, LesionMask mask, MapSweepOptions options)
    {
        int samples = mask.Samples, lines = mask.Lines;
        var maps = options.Maps;
        var bmode = BMode.Compute(envelope, maps.DynamicRangeDb, maps.MaxDegreeOfParallelism);
        var input = maps.LogCompressed ? bmode : envelope;
        var cases = new List<SweepCase>();
        foreach (var window in options.Windows)
        {
            var pixels = window.Resolve(acquisition, lines, maps.PulseLevelDb);
            foreach (int bins in options.Bins)
            {
                var map = EntropyMap.Compute(input, samples, lines, pixels, bins, maps.Normalization, maps.Stride, maps.MaxDegreeOfParallelism,
                    maps.MillerMadow, maps.RobustLowPercentile, maps.RobustHighPercentile);
                cases.Add(new SweepCase(MapKind.Entropy, window, pixels, bins, options.KeepMaps ? map : null,
                    Separability.Measure(map, mask, options.Background, acquisition)));
            }
        }
        if (options.Nakagami)
            foreach (var window in options.Windows)
            {
                var pixels = window.Resolve(acquisition, lines, maps.PulseLevelDb);
                var map = NakagamiMap.Compute(envelope, samples, lines, pixels, maps.Stride, maps.MaxDegreeOfParallelism);
                cases.Add(new SweepCase(MapKind.Nakagami, window, pixels, 0, options.KeepMaps ? map : null,
                    Separability.Measure(map, mask, options.Background, acquisition)));
            }
        return new SweepReport(Separability.Measure(bmode, mask, options.Background, acquisition), cases);
    }
}
