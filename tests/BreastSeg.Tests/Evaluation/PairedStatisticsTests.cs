using BreastSeg.Evaluation;
using BreastSeg.Tests.Rf;

namespace BreastSeg.Tests.Evaluation;

public class PairedStatisticsTests
{
    // Per-mass Dice of two models: correlated (a shared per-mass difficulty), B better by `shift` on average.
    private static (double[] A, double[] B) Dice(int seed, int n, double shift, int decimals = 15)
    {
        var rng = new Random(seed);
        var a = new double[n];
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            double difficulty = rng.NextDouble();
            a[i] = Math.Round(Math.Clamp(difficulty + 0.1 * (rng.NextDouble() - 0.5), 0, 1), decimals);
            b[i] = Math.Round(Math.Clamp(difficulty + shift + 0.2 * (rng.NextDouble() - 0.5), 0, 1), decimals);
        }
        return (a, b);
    }

    [ScipyFact]
    public void Paired_difference_matches_scipy_on_random_inputs()
    {
        // n = 30 without ties (exact Wilcoxon), n = 81 (normal approximation), ties from rounding, no effect and an effect.
        var cases = new[] { (1, 30, 0.0, 15), (2, 30, 0.05, 15), (3, 81, 0.03, 15), (4, 45, 0.02, 2), (5, 12, -0.1, 15), (6, 200, 0.0, 3) };
        foreach (var (seed, n, shift, decimals) in cases)
        {
            var (a, b) = Dice(seed, n, shift, decimals);
            var ours = PairedComparisons.Compare("A", a, "B", b, seed: 7, resamples: 20_000);
            var scipy = ScipyStats.Paired(a, b, seed);
            string where = $"seed {seed}, n {n}";
            Assert.Equal(scipy.Mean, ours.MeanDifference, 12);
            Assert.True(Math.Abs(scipy.P - ours.Wilcoxon.PValue) <= 1e-10 * Math.Max(1, scipy.P), $"{where}: p {ours.Wilcoxon.PValue} vs scipy {scipy.P}");
            Assert.Equal(scipy.Statistic, ours.Wilcoxon.Statistic, 9);
            Assert.Equal(scipy.HodgesLehmann, ours.HodgesLehmann, 12);
            // Different generators: the percentile bounds agree within Monte Carlo error (a few % of the width).
            double width = scipy.High - scipy.Low;
            Assert.True(Math.Abs(scipy.Low - ours.CiLow) < 0.06 * width, $"{where}: low {ours.CiLow} vs scipy {scipy.Low}");
            Assert.True(Math.Abs(scipy.High - ours.CiHigh) < 0.06 * width, $"{where}: high {ours.CiHigh} vs scipy {scipy.High}");
        }
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 7)]
    [InlineData(3, 100)]
    public void Bootstrap_of_the_difference_equals_a_naive_resampling_of_masses(int seed, int n)
    {
        var (a, b) = Dice(seed, n, 0.03);
        var ours = PairedComparisons.Compare("A", a, "B", b, seed: 11, resamples: 2000);
        // Naive: draw n masses with replacement (the documented draw order), mean of their differences, sort, interpolate.
        var random = new Random(11);
        var means = new double[2000];
        for (int r = 0; r < means.Length; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) { int m = random.Next(n); sum += b[m] - a[m]; }
            means[r] = sum / n;
        }
        Array.Sort(means);
        double Q(double p) { double pos = p * (means.Length - 1); int lo = (int)pos; return means[lo] + (pos - lo) * (means[Math.Min(lo + 1, means.Length - 1)] - means[lo]); }
        Assert.Equal(Q(0.025), ours.CiLow, 12);
        Assert.Equal(Q(0.975), ours.CiHigh, 12);
        Assert.True(ours.CiLow <= ours.MeanDifference && ours.MeanDifference <= ours.CiHigh);
    }

    [Fact]
    public void Hodges_lehmann_is_the_median_of_walsh_averages()
    {
        Assert.Equal(2, PairedComparisons.HodgesLehmann([1, 2, 3]));            // 1, 1.5, 2, 2, 2.5, 3
        Assert.Equal(0.5, PairedComparisons.HodgesLehmann([0, 1]));             // 0, 0.5, 1
        Assert.Equal(-1, PairedComparisons.HodgesLehmann([-1]));
        Assert.True(double.IsNaN(PairedComparisons.HodgesLehmann([])));
        // Shift-equivariant, and robust to one wild value where the mean is not.
        var rng = new Random(3);
        var d = Enumerable.Range(0, 25).Select(_ => rng.NextDouble() - 0.5).ToArray();
        Assert.Equal(PairedComparisons.HodgesLehmann(d) + 0.25, PairedComparisons.HodgesLehmann(d.Select(x => x + 0.25).ToArray()), 12);
        var wild = d.Append(100).ToArray();
        Assert.InRange(PairedComparisons.HodgesLehmann(wild) - PairedComparisons.HodgesLehmann(d), 0, 0.1);
    }

    [Fact]
    public void Difference_is_b_minus_a_and_swapping_negates_it()
    {
        var (a, b) = Dice(9, 30, 0.1);
        var ab = PairedComparisons.Compare("A", a, "B", b, 1, 1000);
        var ba = PairedComparisons.Compare("B", b, "A", a, 1, 1000);
        Assert.True(ab.MeanDifference > 0);
        Assert.Equal(-ab.MeanDifference, ba.MeanDifference, 12);
        Assert.Equal(-ab.HodgesLehmann, ba.HodgesLehmann, 12);
        Assert.Equal(ab.Wilcoxon.PValue, ba.Wilcoxon.PValue, 12);
        Assert.Equal(b.Average() - a.Average(), ab.MeanB - ab.MeanA, 12);
    }

    [Fact]
    public void Pairs_with_nan_are_dropped_and_lengths_must_match()
    {
        var r = PairedComparisons.Compare("A", [0.5, double.NaN, 0.7, 0.2], "B", [0.6, 0.9, double.NaN, 0.4], 1, 500);
        Assert.Equal(2, r.Masses);
        Assert.Equal(0.15, r.MeanDifference, 12);
        Assert.Throws<ArgumentException>(() => PairedComparisons.Compare("A", [0.5], "B", [0.5, 0.6], 1));
        Assert.Equal(0, PairedComparisons.Compare("A", [double.NaN], "B", [0.5], 1).Masses);
    }
}
