using BreastSeg.Evaluation;

namespace BreastSeg.Tests.Evaluation;

public class WilcoxonTests
{
    // Two-sided alpha = 0.05 critical values of the signed-rank statistic T (reject when T <= value), from the standard
    // published table (e.g. Wilcoxon, Katti & Wilcox 1970; reproduced in most statistics textbooks).
    [Theory]
    [InlineData(6, 0)] [InlineData(7, 2)] [InlineData(8, 3)] [InlineData(9, 5)] [InlineData(10, 8)]
    [InlineData(11, 10)] [InlineData(12, 13)] [InlineData(13, 17)] [InlineData(14, 21)] [InlineData(15, 25)]
    [InlineData(16, 29)] [InlineData(17, 34)] [InlineData(18, 40)] [InlineData(19, 46)] [InlineData(20, 52)]
    [InlineData(21, 58)] [InlineData(22, 65)] [InlineData(23, 73)] [InlineData(24, 81)] [InlineData(25, 89)]
    public void ExactDistributionReproducesPublishedCriticalValues(int n, int critical)
    {
        Assert.True(2 * WilcoxonSignedRank.ExactLowerTail(n, critical) <= 0.05);
        Assert.True(2 * WilcoxonSignedRank.ExactLowerTail(n, critical + 1) > 0.05);
    }

    [Theory]
    [InlineData(1)] [InlineData(5)] [InlineData(9)] [InlineData(12)]
    public void ExactTailEqualsEnumerationOfAllSignPatterns(int n)
    {
        int max = n * (n + 1) / 2;
        var counts = new int[max + 1];
        for (int mask = 0; mask < 1 << n; mask++)
        {
            int sum = 0;
            for (int r = 1; r <= n; r++) if ((mask & (1 << (r - 1))) != 0) sum += r;
            counts[sum]++;
        }
        int cumulative = 0;
        for (int t = 0; t <= max; t++)
        {
            cumulative += counts[t];
            Assert.Equal((double)cumulative / (1 << n), WilcoxonSignedRank.ExactLowerTail(n, t), 12);
        }
    }

    [Fact]
    public void DarwinsDataMatchesScipyExactPValue()
    {
        // scipy.stats.wilcoxon documentation example: statistic 24, p = 0.041259765625 (exact).
        double[] d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
        var r = WilcoxonSignedRank.Test(d, new double[d.Length]);
        Assert.True(r.Exact);
        Assert.Equal(24, r.Statistic);
        Assert.Equal(0.041259765625, r.PValue, 12);
    }

    [Fact]
    public void TiesAndZerosUseNormalApproximationWithTieCorrectionLikeScipy()
    {
        // Reference values from scipy 1.10.1: wilcoxon(d) and wilcoxon(d, correction=True).
        double[] d = [1, 1, 2, -2, 3, 3, 3, -1, 4, 0, 5, -5];
        var zero = new double[d.Length];
        var r = WilcoxonSignedRank.Test(d, zero);
        Assert.False(r.Exact);
        Assert.Equal(11, r.N);
        Assert.Equal(1, r.Zeros);
        Assert.Equal(17, r.Statistic);
        Assert.Equal(0.15281618650878553, r.PValue, 12);
        Assert.Equal(0.16605923734392836, WilcoxonSignedRank.Test(d, zero, continuityCorrection: true).PValue, 12);
    }

    [Fact]
    public void LargeSampleUsesNormalApproximationLikeScipy()
    {
        // numpy default_rng(7).normal(0.3, 1, 60) rounded to 6 decimals; scipy 1.10.1: statistic 795, p = 0.3770243171062413.
        double[] x =
        [
            0.30123, 0.598746, 0.025862, -0.590592, -0.154671, -0.691647, 0.360144, 1.640215, -0.192207, -0.320475, 0.789842,
            0.656887, 0.405414, -0.630468, 0.270748, 0.995303, -1.044215, -0.157616, -1.601223, -0.989538, -1.541735, 0.064909,
            -0.967446, 0.571264, 0.456751, 0.113069, -2.21676, -0.238693, 0.251499, 0.413309, -1.230136, -0.177753, -0.678519,
            -0.508837, 1.360899, -0.507535, 0.267478, 1.18439, -0.2836, 0.188298, 0.410464, 0.363782, -0.925056, 0.37614,
            1.658823, -1.247145, 1.159383, 0.419354, -0.34147, 2.300417, 1.06226, -0.899289, 0.374516, 0.87669, 0.111218,
            0.98291, 0.233483, 0.967248, 1.738523, -0.375662,
        ];
        var r = WilcoxonSignedRank.Test(x, new double[x.Length]);
        Assert.False(r.Exact);
        Assert.Equal(795, r.Statistic);
        Assert.Equal(0.3770243171062413, r.PValue, 12);
    }

    [Fact]
    public void SmallSampleWithoutTiesIsExactAndSymmetricInArgumentOrder()
    {
        double[] a = [0.5, -0.25, 1.5, 2.0, -0.75, 1.0, 3.0, -2.5, 0.125];
        var r = WilcoxonSignedRank.Test(a, new double[a.Length]);
        Assert.True(r.Exact);
        Assert.Equal(14, r.Statistic);
        Assert.Equal(0.359375, r.PValue, 12); // scipy 1.10.1
        var swapped = WilcoxonSignedRank.Test(new double[a.Length], a);
        Assert.Equal(r.PValue, swapped.PValue, 12);
    }

    [Fact]
    public void AverageRanksHandleTies()
    {
        var ranks = WilcoxonSignedRank.AverageRanks([3, 1, 3, 2, 3], out double tie);
        Assert.Equal(new[] { 4.0, 1, 4, 2, 4 }, ranks);
        Assert.Equal(27 - 3, tie);
    }
}
