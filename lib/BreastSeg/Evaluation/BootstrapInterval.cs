namespace BreastSeg.Evaluation;

/// <summary>Descriptive summary of one score over cases.</summary>
/// <param name="Metric">Score name ("Dice", "HD95 (mm)", ...).</param>
/// <param name="N">Finite values used (NaN dropped; infinite HD95 counted separately).</param>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="Std">Sample standard deviation.</param>
/// <param name="CiLow">Lower bound of the percentile-bootstrap 95% confidence interval of the mean.</param>
/// <param name="CiHigh">Upper bound of that interval.</param>
/// <param name="Infinite">Values that were +/- infinity (e.g. HD95 with an empty prediction), left out.</param>
public sealed record MetricSummary(string Metric, int N, double Mean, double Median, double Std, double CiLow, double CiHigh, int Infinite);

/// <summary>Percentile bootstrap confidence intervals (seeded, so reports are reproducible).</summary>
public static class BootstrapInterval
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>
    /// The (1 - alpha) percentile-bootstrap interval of <paramref name="statistic"/> (default: the mean) of
    /// <paramref name="values"/>: resample with replacement <paramref name="resamples"/> times with a generator seeded by
    /// <paramref name="seed"/>, take the alpha/2 and 1 - alpha/2 percentiles (linear interpolation).
    /// </summary>
    public static (double Low, double High) Percentile(IReadOnlyList<double> values, int seed, int resamples = DefaultResamples,
        double alpha = 0.05, Func<double[], double>? statistic = null)
        => ClusterBootstrap.Percentile(values, statistic is null ? Mean : a => statistic(a as double[] ?? a.ToArray()), seed, resamples, alpha);

    private static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0;
        for (int i = 0; i < values.Count; i++) sum += values[i];
        return sum / values.Count;
    }

    /// <summary>Mean, median, standard deviation and bootstrap 95% CI of the mean over the finite values.</summary>
    public static MetricSummary Summarize(string metric, IEnumerable<double> values, int seed, int resamples = DefaultResamples)
    {
        var all = values.Where(v => !double.IsNaN(v)).ToArray();
        var finite = all.Where(double.IsFinite).ToArray();
        int infinite = all.Length - finite.Length;
        if (finite.Length == 0) return new MetricSummary(metric, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, infinite);
        double mean = finite.Average();
        double std = finite.Length > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1)) : double.NaN;
        var (low, high) = Percentile(finite, seed, resamples);
        return new MetricSummary(metric, finite.Length, mean, SurfaceDistance.Percentile(finite, 50), std, low, high, infinite);
    }
}
