using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>
/// How well a map separates lesion pixels from background pixels.
/// </summary>
/// <param name="LesionMean">Mean map value inside the lesion (map units, e.g. bits).</param>
/// <param name="LesionStd">Standard deviation inside the lesion (population).</param>
/// <param name="BackgroundMean">Mean map value of the background pixels.</param>
/// <param name="BackgroundStd">Standard deviation of the background pixels (population).</param>
/// <param name="LesionPixels">Lesion pixels used.</param>
/// <param name="BackgroundPixels">Background pixels used.</param>
/// <param name="Auc">Area under the ROC curve of the map value as a lesion detector: P(lesion &gt; background) + P(tie) / 2
/// (Mann-Whitney). 0.5 = no separation; values below 0.5 mean the lesion is lower.</param>
public sealed record Separability(double LesionMean, double LesionStd, double BackgroundMean, double BackgroundStd,
    int LesionPixels, int BackgroundPixels, double Auc)
{
    /// <summary>Contrast: lesion mean minus background mean (map units).</summary>
    public double Contrast => LesionMean - BackgroundMean;

    /// <summary>Contrast-to-noise ratio |mean_l - mean_b| / sqrt(std_l^2 + std_b^2).</summary>
    public double Cnr => Math.Abs(Contrast) / Math.Sqrt(LesionStd * LesionStd + BackgroundStd * BackgroundStd);

    /// <summary>Separability of a map of <paramref name="view"/>'s frame: its lesion against <paramref name="background"/>
    /// (default a <see cref="BackgroundRegion.DefaultRingMm"/> mm ring).</summary>
    public static Separability Measure(double[] map, RfView view, BackgroundRegion? background = null) =>
        Measure(map, view.Mask, background ?? BackgroundRegion.Ring(), view.Frame.Acquisition);

    /// <summary>Separability of <paramref name="map"/> between the lesion of <paramref name="mask"/> and <paramref name="background"/>.
    /// Non-finite map values (Nakagami m of constant windows) are left out.</summary>
    public static Separability Measure(double[] map, LesionMask mask, BackgroundRegion background, Acquisition acquisition)
    {
        if (map.Length != mask.Data.Length) throw new ArgumentException($"map holds {map.Length} values, mask {mask.Data.Length}", nameof(map));
        var back = background.Select(mask, acquisition);
        var lesion = new List<double>();
        var rest = new List<double>();
        for (int k = 0; k < map.Length; k++)
        {
            if (!double.IsFinite(map[k])) continue;
            if (mask.Data[k]) lesion.Add(map[k]);
            else if (back[k]) rest.Add(map[k]);
        }
        if (lesion.Count == 0 || rest.Count == 0)
            throw new IO.BreastSegInputException("mask", $"separability needs lesion and background pixels (lesion {lesion.Count}, background {rest.Count})");
        var (ml, sl) = MeanStd(lesion);
        var (mb, sb) = MeanStd(rest);
        return new Separability(ml, sl, mb, sb, lesion.Count, rest.Count, MannWhitneyAuc(lesion, rest));
    }

    private static (double Mean, double Std) MeanStd(List<double> x)
    {
        var m = default(Moments);
        foreach (double v in x) m = m.Add(v);
        return (m.Mean, Math.Sqrt(m.M2 / m.Count));
    }

    /// <summary>Mann-Whitney AUC by ranking the pooled values (average ranks for ties).</summary>
    internal static double MannWhitneyAuc(IReadOnlyList<double> positive, IReadOnlyList<double> negative)
    {
        var pooled = positive.Select(v => (v, true)).Concat(negative.Select(v => (v, false))).OrderBy(p => p.v).ToArray();
        double rankSum = 0;
        for (int i = 0; i < pooled.Length;)
        {
            int k = i;
            while (k + 1 < pooled.Length && pooled[k + 1].v == pooled[i].v) k++;
            double rank = (i + k) / 2.0 + 1;
            for (int t = i; t <= k; t++)
                if (pooled[t].Item2) rankSum += rank;
            i = k + 1;
        }
        double np = positive.Count, nn = negative.Count;
        return (rankSum - np * (np + 1) / 2) / (np * nn);
    }
}
