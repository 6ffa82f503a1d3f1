namespace BreastSeg.Evaluation;

/// <summary>
/// Percentile bootstrap that resamples clusters (masses) with replacement, never their members (views): the views of
/// a mass are correlated, so resampling views would understate the uncertainty. Seeded, so reports are reproducible;
/// draw b picks n clusters with <c>Random(seed).Next(n)</c> in order, the same draws as
/// <see cref="BootstrapInterval.Percentile"/> makes over values.
/// </summary>
public static class ClusterBootstrap
{
    /// <summary>The <paramref name="resamples"/> bootstrap replicates of <paramref name="statistic"/> over
    /// <paramref name="clusters"/> resampled with replacement.</summary>
    public static double[] Replicates<T>(IReadOnlyList<T> clusters, Func<IReadOnlyList<T>, double> statistic, int seed,
        int resamples = BootstrapInterval.DefaultResamples)
    {
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), "need at least one resample");
        var random = new Random(seed);
        var stats = new double[resamples];
        var draw = new T[clusters.Count];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < draw.Length; i++) draw[i] = clusters[random.Next(clusters.Count)];
            stats[b] = statistic(draw);
        }
        return stats;
    }

    /// <summary>
    /// The (1 - <paramref name="alpha"/>) percentile interval of <paramref name="statistic"/>: the alpha/2 and
    /// 1 - alpha/2 percentiles (linear interpolation, numpy's default) of the replicates. (NaN, NaN) without clusters.
    /// </summary>
    public static (double Low, double High) Percentile<T>(IReadOnlyList<T> clusters, Func<IReadOnlyList<T>, double> statistic, int seed,
        int resamples = BootstrapInterval.DefaultResamples, double alpha = 0.05)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), $"alpha must be in (0, 1), got {alpha}");
        if (clusters.Count == 0) return (double.NaN, double.NaN);
        var stats = Replicates(clusters, statistic, seed, resamples);
        return (SurfaceDistance.Percentile(stats, 100 * alpha / 2), SurfaceDistance.Percentile(stats, 100 * (1 - alpha / 2)));
    }

    /// <summary>Mean over views of resampled masses, each view weighted equally (a mass with two views counts twice):
    /// the statistic of a view-level mean with the mass as the resampling unit.</summary>
    public static double PooledViewMean(IReadOnlyList<IReadOnlyList<double>> masses)
    {
        double sum = 0;
        long n = 0;
        foreach (var views in masses)
            foreach (double v in views)
                if (double.IsFinite(v)) { sum += v; n++; }
        return n == 0 ? double.NaN : sum / n;
    }
}
