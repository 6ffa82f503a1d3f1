namespace BreastSeg.Evaluation;

/// <summary>
/// Paired comparison of two models on the same masses. Differences are <b>B - A</b> per mass, so a positive
/// difference means model B scored higher.
/// </summary>
/// <param name="ModelA">First model (the B-mode model in the study's comparison).</param>
/// <param name="ModelB">Second model.</param>
/// <param name="Masses">Masses scored by both (finite Dice in both).</param>
/// <param name="MeanA">Mean per-mass Dice of A on those masses.</param>
/// <param name="MeanB">Mean per-mass Dice of B on those masses.</param>
/// <param name="MeanDifference">Mean of the per-mass differences B - A.</param>
/// <param name="CiLow">Lower end of the percentile-bootstrap (1 - alpha) interval of the mean difference, masses resampled.</param>
/// <param name="CiHigh">Upper end of that interval.</param>
/// <param name="MedianDifference">Median of the per-mass differences.</param>
/// <param name="HodgesLehmann">Hodges-Lehmann estimate of the shift: the median of the Walsh averages
/// (d_i + d_j) / 2, i &lt;= j, of the differences (the estimator that goes with the signed-rank test).</param>
/// <param name="Wilcoxon">Wilcoxon signed-rank test of the per-mass differences (scipy defaults).</param>
/// <param name="Resamples">Bootstrap resamples.</param>
/// <param name="Alpha">1 - confidence level of the interval (0.05: 95%).</param>
public sealed record PairedDifference(string ModelA, string ModelB, int Masses, double MeanA, double MeanB, double MeanDifference,
    double CiLow, double CiHigh, double MedianDifference, double HodgesLehmann, WilcoxonResult Wilcoxon, int Resamples, double Alpha)
{
    /// <summary>Whether the interval of the mean difference excludes 0.</summary>
    public bool CiExcludesZero => CiLow > 0 || CiHigh < 0;
}

/// <summary>Paired comparisons over masses: mean difference with a cluster-bootstrap CI, Hodges-Lehmann shift, Wilcoxon.</summary>
public static class PairedComparisons
{
    /// <summary>Compares per-mass results of model A and model B (same masses; see <see cref="MassResults.Pair"/>).</summary>
    public static PairedDifference Compare(string modelA, IReadOnlyList<MassResult> a, string modelB, IReadOnlyList<MassResult> b,
        int seed, int resamples = BootstrapInterval.DefaultResamples, double alpha = 0.05)
    {
        var pairs = MassResults.Pair(a, b);
        return Compare(modelA, pairs.Select(p => p.A.Dice).ToArray(), modelB, pairs.Select(p => p.B.Dice).ToArray(), seed, resamples, alpha);
    }

    /// <summary>Compares paired per-mass scores <paramref name="a"/>[i], <paramref name="b"/>[i] (pairs with a NaN dropped).</summary>
    public static PairedDifference Compare(string modelA, IReadOnlyList<double> a, string modelB, IReadOnlyList<double> b,
        int seed, int resamples = BootstrapInterval.DefaultResamples, double alpha = 0.05)
    {
        if (a.Count != b.Count) throw new ArgumentException($"paired samples differ in length ({a.Count} vs {b.Count})");
        var keep = Enumerable.Range(0, a.Count).Where(i => double.IsFinite(a[i]) && double.IsFinite(b[i])).ToArray();
        var xa = keep.Select(i => a[i]).ToArray();
        var xb = keep.Select(i => b[i]).ToArray();
        var d = keep.Select(i => b[i] - a[i]).ToArray();
        var wilcoxon = WilcoxonSignedRank.Test(xb, xa);
        if (d.Length == 0)
            return new PairedDifference(modelA, modelB, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                wilcoxon, resamples, alpha);
        var (low, high) = BootstrapInterval.Percentile(d, seed, resamples, alpha);
        return new PairedDifference(modelA, modelB, d.Length, xa.Average(), xb.Average(), d.Average(), low, high,
            SurfaceDistance.Percentile(d, 50), HodgesLehmann(d), wilcoxon, resamples, alpha);
    }

    /// <summary>One-sample Hodges-Lehmann estimate: the median of all n (n + 1) / 2 Walsh averages (d_i + d_j) / 2,
    /// i &lt;= j (O(n² log n): a few hundred masses at most). NaN for no values.</summary>
    public static double HodgesLehmann(IReadOnlyList<double> differences)
    {
        int n = differences.Count;
        if (n == 0) return double.NaN;
        var walsh = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                walsh[k++] = (differences[i] + differences[j]) / 2;
        return SurfaceDistance.Percentile(walsh, 50);
    }
}
