using MathNet.Numerics.Distributions;

namespace BreastSeg.Evaluation;

/// <summary>Result of a paired Wilcoxon signed-rank test.</summary>
/// <param name="Statistic">min(W+, W-), the two-sided statistic scipy.stats.wilcoxon reports.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="N">Pairs used (non-zero differences).</param>
/// <param name="Zeros">Pairs dropped because their difference is zero.</param>
/// <param name="Exact">Whether the p-value comes from the exact null distribution (otherwise the normal approximation).</param>
/// <param name="Z">Normal-approximation z score (NaN for exact).</param>
public sealed record WilcoxonResult(double Statistic, double PValue, int N, int Zeros, bool Exact, double Z);

/// <summary>
/// Paired Wilcoxon signed-rank test (two-sided), following scipy.stats.wilcoxon defaults: zero differences dropped
/// (zero_method="wilcox"), tied absolute differences get average ranks; the exact null distribution of W+ is used when
/// n &lt;= 50 and there are neither ties nor zeros (method="auto"), otherwise the normal approximation with the tie
/// correction of the variance, without continuity correction unless asked.
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>Largest n for the exact distribution (scipy's threshold).</summary>
    public const int ExactMaxN = 50;

    /// <summary>Tests whether paired samples <paramref name="x"/> and <paramref name="y"/> differ (pairs with NaN are dropped).</summary>
    public static WilcoxonResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y, bool continuityCorrection = false)
    {
        if (x.Count != y.Count) throw new ArgumentException($"paired samples differ in length ({x.Count} vs {y.Count})");
        var diffs = new List<double>();
        int zeros = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double d = x[i] - y[i];
            if (double.IsNaN(d)) continue;
            if (d == 0) zeros++;
            else diffs.Add(d);
        }
        int n = diffs.Count;
        if (n == 0) return new WilcoxonResult(0, double.NaN, 0, zeros, false, double.NaN);
        var ranks = AverageRanks(diffs.Select(Math.Abs).ToArray(), out double tieTerm);
        double wPlus = 0, wMinus = 0;
        for (int i = 0; i < n; i++) { if (diffs[i] > 0) wPlus += ranks[i]; else wMinus += ranks[i]; }
        double t = Math.Min(wPlus, wMinus);
        if (n <= ExactMaxN && tieTerm == 0 && zeros == 0)
            return new WilcoxonResult(t, Math.Min(1, 2 * ExactLowerTail(n, (int)Math.Round(t))), n, zeros, true, double.NaN);

        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        double diff = t - mean;
        if (continuityCorrection) diff -= 0.5 * Math.Sign(diff);
        double z = variance > 0 ? diff / Math.Sqrt(variance) : 0;
        return new WilcoxonResult(t, Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z))), n, zeros, false, z);
    }

    /// <summary>P(W+ &lt;= <paramref name="t"/>) under the null hypothesis for n untied non-zero pairs: counts of subsets
    /// of {1..n} by rank sum, divided by 2^n.</summary>
    public static double ExactLowerTail(int n, int t)
    {
        int max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (int r = 1; r <= n; r++)
            for (int s = max; s >= r; s--) counts[s] += counts[s - r];
        double below = 0;
        for (int s = 0; s <= Math.Min(t, max); s++) below += counts[s];
        return t < 0 ? 0 : below / Math.Pow(2, n);
    }

    /// <summary>Ranks from 1 with ties averaged; <paramref name="tieTerm"/> = sum over tie groups of (t³ - t).</summary>
    public static double[] AverageRanks(double[] values, out double tieTerm)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        tieTerm = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            double size = end - start + 1;
            tieTerm += size * size * size - size;
            start = end + 1;
        }
        return ranks;
    }
}
