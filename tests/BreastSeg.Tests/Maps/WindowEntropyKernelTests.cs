using BreastSeg.Maps;

namespace BreastSeg.Tests.Maps;

/// <summary>
/// The window-normalisation kernel (SIMD rebuilds, division-free binning) against pixel-by-pixel binning and counting,
/// on random inputs, on both rebuild paths (sum over bins when 4 B &lt;= window area, sample by sample otherwise).
/// </summary>
public class WindowEntropyKernelTests
{
    // Speckle-like: smooth along depth (runs of equal extremes) with ties and values on bin edges.
    private static double[] SmoothSpeckle(int samples, int lines, int seed)
    {
        var rng = new Random(seed);
        var v = new double[samples * lines];
        for (int j = 0; j < lines; j++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            for (int i = 0; i < samples; i++)
            {
                a = 0.7 * a + 0.3 * rng.NextDouble();
                b = 0.7 * b + 0.3 * rng.NextDouble();
                double r = Math.Sqrt(a * a + b * b) * 3;
                v[j * samples + i] = rng.Next(5) == 0 ? Math.Round(r * 8) / 8 : r;
            }
        }
        return v;
    }

    [Theory]
    [InlineData(120, 20, 37, 9, 32, 1)]   // 4 B <= area: counts into four histograms, S over the bins
    [InlineData(120, 20, 9, 3, 32, 2)]    // sample-by-sample rebuild
    [InlineData(90, 17, 21, 5, 7, 3)]     // bin count not a power of two
    [InlineData(64, 9, 8, 4, 200, 4)]     // more bins than samples
    [InlineData(50, 12, 13, 6, 2, 5)]
    public void MatchesPixelByPixelOnRandomInputs(int samples, int lines, int h, int w, int bins, int seed)
    {
        foreach (var v in new[] { SmoothSpeckle(samples, lines, seed), NaiveReference.Random(samples, lines, seed, -3, 7) })
        {
            var fast = EntropyMap.Compute(v, samples, lines, new WindowSize(h, w), bins, EntropyNormalization.Window, maxDegreeOfParallelism: 1);
            NaiveReference.AssertClose(NaiveReference.EntropyWindow(v, samples, lines, h, w, bins), fast, 1e-12, samples);
        }
    }

    [Theory]
    [InlineData(10, 8)]
    [InlineData(7, 3)]
    public void IntegerValuesOnBinEdgesMatch(int levels, int bins)
    {
        // Integers: (x - lo) B / (hi - lo) is often an exact integer, where multiplying by 1 / range instead of dividing
        // could round across the edge; the binner must fall back to the division there.
        var rng = new Random(levels * 31 + bins);
        int samples = 80, lines = 11;
        var v = new double[samples * lines];
        for (int k = 0; k < v.Length; k++) v[k] = rng.Next(levels);
        var fast = EntropyMap.Compute(v, samples, lines, new WindowSize(15, 5), bins, EntropyNormalization.Window, maxDegreeOfParallelism: 1);
        NaiveReference.AssertClose(NaiveReference.EntropyWindow(v, samples, lines, 15, 5, bins), fast, 1e-12, samples);
    }

    [Fact]
    public void BinnerEqualsTheDivisionEverywhere()
    {
        var rng = new Random(11);
        var x = new double[4099];
        var bins = new int[x.Length];
        for (int trial = 0; trial < 300; trial++)
        {
            int b = 2 + rng.Next(300);
            double lo = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 7)), range = rng.NextDouble() * Math.Pow(10, rng.Next(-6, 7));
            for (int k = 0; k < x.Length; k++)
            {
                // Half the values exactly on or one ulp around a bin edge, the rest uniform; lo and lo + range included.
                double edge = lo + range * rng.Next(b + 1) / b;
                x[k] = (k % 4) switch { 0 => edge, 1 => Math.BitIncrement(edge), 2 => Math.BitDecrement(edge), _ => lo + range * rng.NextDouble() };
                x[k] = Math.Clamp(x[k], lo, lo + range);
            }
            x[0] = lo;
            x[1] = lo + range;
            var binner = new WindowBinner(lo, range, b);
            binner.Run(ref x[0], ref bins[0], x.Length);
            for (int k = 0; k < x.Length; k++)
            {
                int expected = EntropyMap.Bin(x[k], lo, range, b);
                Assert.Equal(expected, bins[k]);
                Assert.Equal(expected, binner.Bin(x[k]));
            }
        }
    }

    [Theory]
    [InlineData(37, 9, 32, false)]
    [InlineData(9, 3, 32, false)]
    [InlineData(9, 3, 32, true)]
    [InlineData(60, 11, 64, false)]   // window as deep as the frame
    [InlineData(5, 1, 300, true)]     // more bins than twice the window: samples added one by one
    public void ConstantRegionsPlateausAndTiesMatch(int h, int w, int bins, bool millerMadow)
    {
        // Constant blocks (zero-range windows), plateaus of the maximum lasting many rows (long runs of one range, so
        // rows enter by count moves only), a few exact ties with the extremes, and a frame edge on every side.
        int samples = 60, lines = 11;
        var rng = new Random(h * 100 + w);
        var v = new double[samples * lines];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
                v[j * samples + i] = i is >= 20 and < 32 ? 2.0 : j == 5 && i % 17 < 9 ? 9.0 : rng.Next(6) == 0 ? 0.25 * rng.Next(5) : rng.NextDouble() * 4;
        var fast = EntropyMap.Compute(v, samples, lines, new WindowSize(h, w), bins, EntropyNormalization.Window, maxDegreeOfParallelism: 1, millerMadow: millerMadow);
        var expected = NaiveReference.EntropyWindow(v, samples, lines, h, w, bins);
        if (millerMadow)
            for (int j = 0; j < lines; j++)
                for (int i = 0; i < samples; i++)
                {
                    var x = NaiveReference.Window(v, samples, lines, i, j, h, w);
                    double lo = x.Min(), hi = x.Max();
                    int k = x.Select(a => hi > lo ? Math.Min(bins - 1, (int)Math.Floor((a - lo) * bins / (hi - lo))) : 0).Distinct().Count();
                    expected[j * samples + i] += (k - 1) / (2.0 * x.Count * Math.Log(2));
                }
        NaiveReference.AssertClose(expected, fast, 1e-12, samples);
    }

    [Theory]
    [InlineData(37, 9)]
    [InlineData(9, 3)]
    public void OneAndTwoThreadsGiveTheSameMap(int h, int w)
    {
        var v = SmoothSpeckle(400, 60, seed: 8);
        var one = EntropyMap.Compute(v, 400, 60, new WindowSize(h, w), 32, EntropyNormalization.Window, maxDegreeOfParallelism: 1);
        var two = EntropyMap.Compute(v, 400, 60, new WindowSize(h, w), 32, EntropyNormalization.Window, maxDegreeOfParallelism: 2);
        Assert.Equal(one, two);
    }
}
