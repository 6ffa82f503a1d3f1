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
        return FromFlags(map, mask.Data, background.Select(mask, acquisition));
    }

    /// <summary>Separability of <paramref name="map"/> between pixels flagged <paramref name="lesion"/> and pixels flagged
    /// <paramref name="background"/> (and not lesion), any layout as long as all three agree; non-finite values are left out.</summary>
    public static Separability FromFlags(ReadOnlySpan<double> map, ReadOnlySpan<bool> lesion, ReadOnlySpan<bool> background)
    {
        if (map.Length != lesion.Length || map.Length != background.Length)
            throw new ArgumentException($"map holds {map.Length} values, lesion flags {lesion.Length}, background flags {background.Length}");
        var inside = new List<double>();
        var rest = new List<double>();
        for (int k = 0; k < map.Length; k++)
        {
            if (!double.IsFinite(map[k])) continue;
            if (lesion[k]) inside.Add(map[k]);
            else if (background[k]) rest.Add(map[k]);
        }
        if (inside.Count == 0 || rest.Count == 0)
            throw new IO.BreastSegInputException("mask", $"separability needs lesion and background pixels (lesion {inside.Count}, background {rest.Count})");
        var (ml, sl) = MeanStd(inside);
        var (mb, sb) = MeanStd(rest);
        return new Separability(ml, sl, mb, sb, inside.Count, rest.Count, MannWhitneyAuc(inside, rest));
    }

    private static (double Mean, double Std) MeanStd(List<double> x)
    {
        var m = default(Moments);
        foreach (double v in x) m = m.Add(v);
        return (m.Mean, Math.Sqrt(m.M2 / m.Count));
    }

    /// <summary>Mann-Whitney AUC: P(positive &gt; negative) + P(tie) / 2, by sorting both sets and one merge pass.</summary>
    internal static double MannWhitneyAuc(IReadOnlyList<double> positive, IReadOnlyList<double> negative)
    {
        var p = positive.ToArray();
        var n = negative.ToArray();
        Array.Sort(p);
        Array.Sort(n);
        // For each positive value: negatives below it count 1, equal ones 1/2.
        double wins = 0;
        int below = 0, upTo = 0;
        for (int i = 0; i < p.Length; i++)
        {
            while (below < n.Length && n[below] < p[i]) below++;
            if (upTo < below) upTo = below;
            while (upTo < n.Length && n[upTo] <= p[i]) upTo++;
            wins += below + 0.5 * (upTo - below);
        }
        return wins / ((double)p.Length * n.Length);
    }
}
