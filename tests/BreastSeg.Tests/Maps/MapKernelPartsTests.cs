using System.Numerics;
using BreastSeg.Maps;

namespace BreastSeg.Tests.Maps;

/// <summary>The pieces the map kernels are built from, against direct definitions on random inputs.</summary>
public class MapKernelPartsTests
{
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(7, 3, 3)]
    [InlineData(50, 4, 4)]
    [InlineData(50, 18, 18)]
    [InlineData(61, 0, 5)]
    [InlineData(61, 6, 0)]
    [InlineData(33, 16, 16)]   // window as long as the line
    [InlineData(2048, 13, 13)]
    public void SlidingExtremesAreTheClippedWindowsMinAndMax(int n, int before, int after)
    {
        var rng = new Random(n * 7 + before);
        // Few distinct values (ties everywhere) and runs of one value, plus negative zero beside zero.
        var x = Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? 1.5 : Math.Round(rng.NextDouble() * 6) - 3).ToArray();
        for (int k = 0; k < n; k += 11) x[k] = -0.0;
        int h = before + after + 1;
        var min = new double[n];
        var max = new double[n];
        var scratch = new double[SlidingExtremes.ScratchLength(n, h)];
        SlidingExtremes.Apply<SlidingExtremes.Min>(x, min, before, after, scratch);
        SlidingExtremes.Apply<SlidingExtremes.Max>(x, max, before, after, scratch);
        for (int i = 0; i < n; i++)
        {
            var window = x[Math.Max(0, i - before)..(Math.Min(n - 1, i + after) + 1)];
            Assert.True(window.Min() == min[i], $"min at {i}: {window.Min()} vs {min[i]}");
            Assert.True(window.Max() == max[i], $"max at {i}: {window.Max()} vs {max[i]}");
        }
    }

    [Fact]
    public void MomentLanesPoolEachLaneExactlyAsTheScalarPooling()
    {
        var rng = new Random(5);
        int lanes = Vector<double>.Count;
        for (int trial = 0; trial < 2000; trial++)
        {
            var a = new Moments[lanes];
            var b = new Moments[lanes];
            for (int c = 0; c < lanes; c++)
            {
                a[c] = new Moments(1 + rng.Next(400), Math.Pow(10, rng.Next(-3, 5)) * rng.NextDouble(), trial % 7 == 0 ? 0 : Math.Pow(10, rng.Next(-3, 9)) * rng.NextDouble());
                b[c] = new Moments(1 + rng.Next(400), Math.Pow(10, rng.Next(-3, 5)) * rng.NextDouble(), Math.Pow(10, rng.Next(-3, 9)) * rng.NextDouble());
            }
            var pooled = MomentLanes.Combine(Lanes(a), Lanes(b));
            for (int c = 0; c < lanes; c++)
            {
                var expected = Moments.Combine(a[c], b[c]);
                Assert.Equal(expected.Count, pooled.Count[c]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Mean), BitConverter.DoubleToInt64Bits(pooled.Mean[c]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.M2), BitConverter.DoubleToInt64Bits(pooled.M2[c]));
            }
        }
    }

    private static MomentLanes Lanes(Moments[] m) => new(
        new Vector<double>(m.Select(x => (double)x.Count).ToArray()), new Vector<double>(m.Select(x => x.Mean).ToArray()), new Vector<double>(m.Select(x => x.M2).ToArray()));

    [Theory]
    [InlineData(1, 1, 99)]
    [InlineData(2, 1, 99)]
    [InlineData(1001, 1, 99)]
    [InlineData(1000, 2.5, 97.3)]
    [InlineData(5000, 0, 100)]
    [InlineData(200_003, 1, 99)]   // more than the percentile subsample
    public void RobustRangeIsTheInterpolatedOrderStatisticOfTheSubsample(int n, double low, double high)
    {
        var rng = new Random(n);
        var v = Enumerable.Range(0, n).Select(_ => rng.Next(3) == 0 ? Math.Round(rng.NextDouble() * 5) : rng.NextDouble() * 5).ToArray();
        int step = Math.Max(1, (n + EntropyBins.PercentileSample - 1) / EntropyBins.PercentileSample);
        var sorted = v.Where((_, k) => k % step == 0).Order().ToArray();
        var (lo, hi) = EntropyBins.Range(v, EntropyNormalization.Robust, low, high);
        Assert.Equal(EntropyBins.Percentile(sorted, low), lo);
        Assert.Equal(EntropyBins.Percentile(sorted, high), hi);
    }

    [Fact]
    public void QuantizeEqualsTheDividedExpressionEverywhere()
    {
        var rng = new Random(17);
        var x = new double[4097];
        for (int trial = 0; trial < 300; trial++)
        {
            int b = 2 + rng.Next(300);
            double lo = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 7)), width = (0.01 + rng.NextDouble()) * Math.Pow(10, rng.Next(-6, 7));
            for (int k = 0; k < x.Length; k++)
            {
                // Bin edges and their neighbours one ulp away, values below lo and above lo + width, uniform ones.
                double edge = lo + width * rng.Next(-2, b + 3) / b;
                x[k] = (k % 4) switch { 0 => edge, 1 => Math.BitIncrement(edge), 2 => Math.BitDecrement(edge), _ => lo + width * (1.4 * rng.NextDouble() - 0.2) };
            }
            var levels = EntropyMap.Quantize(x, b, (lo, lo + width));
            double span = lo + width - lo;
            for (int k = 0; k < x.Length; k++)
            {
                double t = (x[k] - lo) * b / span;
                int expected = t <= 0 ? 0 : t >= b ? b - 1 : (int)t;
                Assert.True(expected == levels[k], $"trial {trial}: x = {x[k]:R}, lo = {lo:R}, width = {span:R}, B = {b}: {levels[k]} vs {expected}");
            }
        }
    }
}
