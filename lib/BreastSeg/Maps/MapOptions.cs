using System.Text.Json.Serialization;
using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>
/// Options of the map computation. Defaults: 50 dB dynamic range; entropy of the envelope in a 4-pulse-length window
/// (37 x 9 pixels for OASBUD), 32 bins (the sweep's Freedman-Diaconis best scored the same), bins spanning the frame's 1st-99th percentiles (robust
/// normalisation), plug-in estimate (no Miller-Madow), every pixel; Nakagami m in a 3-pulse-length window (Tsui's
/// recommendation for the moment estimator); pulse delimited at -20 dB; no band-pass. The entropy defaults were chosen
/// by <see cref="EntropySweep"/> on training/validation cases of a simulated cohort (environment.md, "Maps").
/// Every property is JSON-serialisable (run identity hashes the record).
/// </summary>
public sealed record MapOptions
{
    /// <summary>B-mode dynamic range (dB).</summary>
    public double DynamicRangeDb { get; init; } = BMode.DefaultDynamicRangeDb;

    /// <summary>Entropy window (default <see cref="DefaultEntropyPulseLengths"/> pulse lengths).</summary>
    public MapWindow Window { get; init; } = MapWindow.PulseLengths(DefaultEntropyPulseLengths);

    /// <summary>Default entropy window side (pulse lengths), chosen by the sweep.</summary>
    public const double DefaultEntropyPulseLengths = 4;

    /// <summary>Entropy histogram bins of the <see cref="EntropyBinRule.Fixed"/> rule (default <see cref="EntropyMap.DefaultBins"/>).</summary>
    public int Bins { get; init; } = EntropyMap.DefaultBins;

    /// <summary>How the bin count is chosen (fixed <see cref="Bins"/>, sqrt(N) or Freedman-Diaconis).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public EntropyBinRule BinRule { get; init; } = EntropyBinRule.Fixed;

    /// <summary>What the entropy bins span (default: the frame's robust percentile range).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public EntropyNormalization Normalization { get; init; } = EntropyNormalization.Robust;

    /// <summary>Robust normalisation: lower percentile of the frame's values (0-100) that bin 0 starts at.</summary>
    public double RobustLowPercentile { get; init; } = EntropyMap.DefaultLowPercentile;

    /// <summary>Robust normalisation: upper percentile of the frame's values (0-100) that the last bin ends at.</summary>
    public double RobustHighPercentile { get; init; } = EntropyMap.DefaultHighPercentile;

    /// <summary>Add the Miller-Madow bias correction (K - 1) / (2 N ln 2) bits to every window's entropy.</summary>
    public bool MillerMadow { get; init; }

    /// <summary>Entropy of the log-compressed envelope (the B-mode image, clipped to the dynamic range) instead of the envelope.</summary>
    public bool LogCompressed { get; init; }

    /// <summary>Evaluate the windowed maps every Stride samples and lines and interpolate bilinearly (1 = every pixel).</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Nakagami window (default 3 pulse lengths).</summary>
    public MapWindow NakagamiWindow { get; init; } = MapWindow.PulseLengths(3);

    /// <summary>Level below the pulse-echo envelope's peak that delimits the pulse length (dB), see <see cref="PulseLength"/>.</summary>
    public double PulseLevelDb { get; init; } = PulseLength.DefaultLevelDb;

    /// <summary>Band-pass before envelope detection, or null for none.</summary>
    public BandPass? BandPass { get; init; }

    /// <summary>Threads to use; -1 for all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The entropy window in pixels for a frame of <paramref name="lines"/> lines.</summary>
    public WindowSize EntropyWindow(Acquisition acquisition, int lines) => Window.Resolve(acquisition, lines, PulseLevelDb);

    /// <summary>
    /// Entropy map (bits) of <paramref name="input"/> (the envelope, or the B-mode image when <see cref="LogCompressed"/>)
    /// with these options: the bin count resolved by <see cref="BinRule"/>, then <see cref="EntropyMap.Compute"/>.
    /// </summary>
    public double[] Entropy(double[] input, int samples, int lines, WindowSize window)
    {
        // Only the Freedman-Diaconis rule needs the quantisation range here (EntropyMap.Compute takes its own).
        var range = BinRule == EntropyBinRule.FreedmanDiaconis ? EntropyBins.Range(input, Normalization, RobustLowPercentile, RobustHighPercentile) : default;
        int bins = EntropyBins.Resolve(BinRule, Bins, input, samples, lines, window, Normalization, range);
        return EntropyMap.Compute(input, samples, lines, window, bins, Normalization, Stride, MaxDegreeOfParallelism, MillerMadow,
            RobustLowPercentile, RobustHighPercentile);
    }

    /// <summary>The Nakagami window in pixels for a frame of <paramref name="lines"/> lines.</summary>
    public WindowSize NakagamiWindowSize(Acquisition acquisition, int lines) => NakagamiWindow.Resolve(acquisition, lines, PulseLevelDb, "nakagami-window");
}
