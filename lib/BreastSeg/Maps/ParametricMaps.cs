using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>Computes envelope, B-mode, entropy and Nakagami maps of a frame.</summary>
public static class ParametricMaps
{
    /// <summary>All map kinds.</summary>
    public static IReadOnlyList<MapKind> AllKinds { get; } = Enum.GetValues<MapKind>();

    /// <summary>Computes the requested maps of <paramref name="frame"/> (all four when <paramref name="kinds"/> is empty).</summary>
    public static MapSet Compute(RfFrame frame, MapOptions options, params MapKind[] kinds)
    {
        var envelope = Envelope.Compute(frame, options.BandPass, options.MaxDegreeOfParallelism);
        return FromEnvelope(envelope, frame.Samples, frame.Lines, frame.Acquisition, options, kinds);
    }

    /// <summary>
    /// Computes the requested maps from an envelope already detected (column-major samples x lines), for data stored
    /// as envelope rather than RF; the acquisition gives the mm grid for pulse-length and mm windows.
    /// </summary>
    public static MapSet FromEnvelope(double[] envelope, int samples, int lines, Acquisition acquisition, MapOptions options, params MapKind[] kinds)
    {
        var want = kinds.Length == 0 ? AllKinds.ToHashSet() : kinds.ToHashSet();
        MapChecks.Frame(envelope, samples, lines);
        MapChecks.Bins(options.Bins);
        MapChecks.Stride(options.Stride);
        var entropyWindow = options.EntropyWindow(acquisition, lines);
        var nakagamiWindow = options.NakagamiWindowSize(acquisition, lines);
        if (want.Contains(MapKind.Entropy)) entropyWindow.Validate("window", samples, lines);
        if (want.Contains(MapKind.Nakagami)) nakagamiWindow.Validate("nakagami-window", samples, lines);

        double[]? bmode = want.Contains(MapKind.BMode) || (want.Contains(MapKind.Entropy) && options.LogCompressed)
            ? BMode.Compute(envelope, options.DynamicRangeDb, options.MaxDegreeOfParallelism)
            : null;
        double[]? entropy = want.Contains(MapKind.Entropy)
            ? options.Entropy(options.LogCompressed ? bmode! : envelope, samples, lines, entropyWindow)
            : null;
        double[]? nakagami = want.Contains(MapKind.Nakagami)
            ? NakagamiMap.Compute(envelope, samples, lines, nakagamiWindow, options.Stride, options.MaxDegreeOfParallelism)
            : null;
        return new MapSet(samples, lines,
            want.Contains(MapKind.Envelope) ? envelope : null,
            want.Contains(MapKind.BMode) ? bmode : null,
            entropy, nakagami);
    }
}
