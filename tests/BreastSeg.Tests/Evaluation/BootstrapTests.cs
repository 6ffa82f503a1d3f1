using BreastSeg.Evaluation;

namespace BreastSeg.Tests.Evaluation;

public class BootstrapTests
{
    [Fact]
    public void MeanIntervalCoversTheSampleMeanAndMatchesNormalTheoryWidth()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 200).Select(_ => 0.8 + 0.1 * (random.NextDouble() - 0.5) * Math.Sqrt(12)).ToArray();
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var (low, high) = BootstrapInterval.Percentile(values, seed: 3, resamples: 4000);
        Assert.True(low < mean && mean < high);
        // Percentile bootstrap of a mean of 200 values: half-width ~ 1.96 sd / sqrt(n), within Monte Carlo error.
        double expectedHalf = 1.96 * sd / Math.Sqrt(values.Length);
        Assert.InRange((high - low) / 2, 0.85 * expectedHalf, 1.15 * expectedHalf);
    }

    [Fact]
    public void SameSeedSameIntervalAndConstantDataGivesPointInterval()
    {
        double[] v = [0.1, 0.5, 0.9, 0.3, 0.7];
        Assert.Equal(BootstrapInterval.Percentile(v, 5, 1000), BootstrapInterval.Percentile(v, 5, 1000));
        Assert.NotEqual(BootstrapInterval.Percentile(v, 5, 1000), BootstrapInterval.Percentile(v, 6, 1000));
        Assert.Equal((0.42, 0.42), BootstrapInterval.Percentile([0.42, 0.42, 0.42], 1, 100));
    }

    [Fact]
    public void SummaryDropsNaNAndCountsInfiniteSeparately()
    {
        var s = BootstrapInterval.Summarize("HD95", [1, 2, double.NaN, 3, double.PositiveInfinity, 4], seed: 1, resamples: 500);
        Assert.Equal(4, s.N);
        Assert.Equal(1, s.Infinite);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(2.5, s.Median, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.Std, 12);
        Assert.True(s.CiLow >= 1 && s.CiHigh <= 4 && s.CiLow < s.CiHigh);
    }
}
