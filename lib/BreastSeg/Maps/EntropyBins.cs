namespace BreastSeg.Maps;

/// <summary>
/// Bin counts by rule and the value span the global normalisations quantise over. Rules that look at the data
/// (Freedman-Diaconis) sample at most <see cref="SampleWindows"/> unclipped windows on an even grid over the frame, so
/// the count is deterministic and costs far less than the map.
/// </summary>
public static class EntropyBins
{
    /// <summary>Windows sampled by data-driven rules.</summary>
    public const int SampleWindows = 256;

    /// <summary>Largest bin count a rule may produce.</summary>
    public const int MaxRuleBins = 4096;

    /// <summary>Values sampled (evenly, every k-th) for the robust percentiles.</summary>
    public const int PercentileSample = 1 << 16;

    /// <summary>
    /// The bin count for <paramref name="rule"/>: <paramref name="fixedBins"/> for <see cref="EntropyBinRule.Fixed"/>,
    /// round(sqrt(N)) for <see cref="EntropyBinRule.SquareRoot"/>, span / (2 IQR N^(-1/3)) for Freedman-Diaconis;
    /// data-driven counts are clamped to 2 .. <see cref="MaxRuleBins"/>.
    /// </summary>
    /// <param name="rule">Bin rule.</param>
    /// <param name="fixedBins">Bins of the fixed rule.</param>
    /// <param name="values">Column-major values the entropy is taken of.</param>
    /// <param name="samples">Rows.</param>
    /// <param name="lines">Columns.</param>
    /// <param name="window">Window (pixels).</param>
    /// <param name="normalization">What the bins span.</param>
    /// <param name="span">For the global normalisations, the quantisation range (from <see cref="Range"/>).</param>
    public static int Resolve(EntropyBinRule rule, int fixedBins, double[] values, int samples, int lines, WindowSize window,
        EntropyNormalization normalization, (double Lo, double Hi) span)
    {
        int n = window.Area;
        switch (rule)
        {
            case EntropyBinRule.Fixed:
                return fixedBins;
            case EntropyBinRule.SquareRoot:
                return Math.Clamp((int)Math.Round(Math.Sqrt(n)), 2, MaxRuleBins);
            case EntropyBinRule.FreedmanDiaconis:
                var (iqr, range) = WindowSpread(values, samples, lines, window, span);
                double width = 2 * iqr / Math.Cbrt(n);
                double cover = normalization == EntropyNormalization.Window ? range : span.Hi - span.Lo;
                if (!(width > 0) || !(cover > 0)) return 2;
                return (int)Math.Clamp(Math.Ceiling(cover / width), 2, MaxRuleBins);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule));
        }
    }

    /// <summary>
    /// The value range the global normalisations quantise over: the frame's [min, max] for
    /// <see cref="EntropyNormalization.Global"/>, its [low, high] percentiles (linear interpolation between order
    /// statistics of an even subsample of at most <see cref="PercentileSample"/> values) for
    /// <see cref="EntropyNormalization.Robust"/>; also [min, max] for Window (unused there).
    /// </summary>
    public static (double Lo, double Hi) Range(double[] values, EntropyNormalization normalization, double lowPercentile, double highPercentile)
    {
        if (normalization != EntropyNormalization.Robust)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double v in values) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            return (lo, hi);
        }
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100))
            throw new IO.BreastSegInputException("percentiles", $"robust percentiles {lowPercentile} .. {highPercentile} must satisfy 0 <= low < high <= 100");
        int step = Math.Max(1, (values.Length + PercentileSample - 1) / PercentileSample);
        var sample = new double[(values.Length + step - 1) / step];
        for (int k = 0, s = 0; k < values.Length; k += step) sample[s++] = values[k];
        // The four order statistics the two percentiles interpolate between, by selection (O(n) each, reordering
        // the sample in place) instead of a full sort: the same values, at a fifth of the cost on a frame.
        return (SelectedPercentile(sample, lowPercentile), SelectedPercentile(sample, highPercentile));
    }

    /// <summary><see cref="Percentile"/> of unsorted values by selection (reorders them).</summary>
    private static double SelectedPercentile(double[] values, double p)
    {
        double pos = p / 100 * (values.Length - 1);
        int a = (int)Math.Floor(pos), b = Math.Min(values.Length - 1, a + 1);
        double low = MathNet.Numerics.Statistics.ArrayStatistics.OrderStatisticInplace(values, a + 1);
        double high = MathNet.Numerics.Statistics.ArrayStatistics.OrderStatisticInplace(values, b + 1);
        return low + (pos - a) * (high - low);
    }

    /// <summary>Percentile (0-100) of sorted values, linear interpolation (numpy's default).</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        double pos = p / 100 * (sorted.Length - 1);
        int a = (int)Math.Floor(pos), b = Math.Min(sorted.Length - 1, a + 1);
        return sorted[a] + (pos - a) * (sorted[b] - sorted[a]);
    }

    // Median IQR and median range of the values (clipped to the span) inside sampled unclipped windows.
    private static (double Iqr, double Range) WindowSpread(double[] values, int samples, int lines, WindowSize window, (double Lo, double Hi) span)
    {
        int rowsFree = samples - window.Samples + 1, colsFree = lines - window.Lines + 1;
        int per = Math.Max(1, (int)Math.Sqrt(SampleWindows));
        var iqrs = new List<double>();
        var ranges = new List<double>();
        var buffer = new double[window.Area];
        for (int a = 0; a < per; a++)
            for (int b = 0; b < per; b++)
            {
                int r0 = (int)((a + 0.5) * rowsFree / per), c0 = (int)((b + 0.5) * colsFree / per);
                int n = 0;
                for (int c = c0; c < c0 + window.Lines; c++)
                    for (int r = r0; r < r0 + window.Samples; r++) buffer[n++] = Math.Clamp(values[c * samples + r], span.Lo, span.Hi);
                Array.Sort(buffer);
                iqrs.Add(Percentile(buffer, 75) - Percentile(buffer, 25));
                ranges.Add(buffer[^1] - buffer[0]);
            }
        iqrs.Sort();
        ranges.Sort();
        return (iqrs[iqrs.Count / 2], ranges[ranges.Count / 2]);
    }
}
