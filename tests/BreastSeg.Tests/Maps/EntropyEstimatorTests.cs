using BreastSeg.Maps;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace BreastSeg.Tests.Maps;

/// <summary>
/// The entropy estimator against closed forms: the binned entropy of Rayleigh and Nakagami amplitudes computed exactly
/// from their CDFs (and, for fine bins, from the differential entropy), the plug-in bias -(K - 1) / (2 N ln 2) and the
/// Miller-Madow correction, the robust normalisation and the bin rules.
/// </summary>
public class EntropyEstimatorTests
{
    // Nakagami CDF: P(m, m x^2 / omega) (regularised lower incomplete gamma); Rayleigh is m = 1: 1 - exp(-x^2 / omega).
    private static double NakagamiCdf(double x, double m, double omega) => x <= 0 ? 0 : SpecialFunctions.GammaLowerRegularized(m, m * x * x / omega);

    /// <summary>Exact entropy (bits) of the amplitude binned into B equal bins over [0, top], the tail above top in the last bin.</summary>
    private static double ExactBinned(Func<double, double> cdf, double top, int bins)
    {
        double h = 0;
        for (int b = 0; b < bins; b++)
        {
            double p = (b == bins - 1 ? 1 : cdf((b + 1) * top / bins)) - cdf(b * top / bins);
            if (p > 0) h -= p * Math.Log2(p);
        }
        return h;
    }

    private static double[] NakagamiSamples(int n, double m, double omega, int seed)
    {
        // R = sqrt(G), G ~ Gamma(shape m, scale omega / m).
        var gamma = new Gamma(m, m / omega, new Random(seed));
        var x = new double[n];
        for (int k = 0; k < n; k++) x[k] = Math.Sqrt(gamma.Sample());
        return x;
    }

    [Fact]
    public void ExactBinnedRayleighEntropyTendsToDifferentialMinusLog2Width()
    {
        // Rayleigh with sigma: h = 1 + ln(sigma / sqrt 2) + gamma_E / 2 nats; binned with width d: H -> h / ln 2 - log2 d.
        double sigma = 1.3, omega = 2 * sigma * sigma, top = 8 * sigma;
        double differentialBits = (1 + Math.Log(sigma / Math.Sqrt(2)) + Constants.EulerMascheroni / 2) / Math.Log(2);
        foreach (int bins in new[] { 512, 4096 })
        {
            double width = top / bins;
            Assert.Equal(differentialBits - Math.Log2(width), ExactBinned(x => 1 - Math.Exp(-x * x / omega), top, bins), bins == 512 ? 2e-3 : 1e-4);
        }
        // The Nakagami CDF through the incomplete gamma agrees with the Rayleigh closed form at m = 1.
        Assert.Equal(1 - Math.Exp(-1.7 * 1.7 / omega), NakagamiCdf(1.7, 1, omega), 12);
    }

    [Theory]
    [InlineData(1.0, 16)]
    [InlineData(1.0, 64)]
    [InlineData(0.5, 32)]
    [InlineData(2.0, 32)]
    public void PlugInEntropyOfALargeSampleIsTheExactBinnedEntropy(double m, int bins)
    {
        // One window covering a 1000 x 200 frame of independent Nakagami samples: the map's centre pixel is the plug-in
        // estimate from 200,000 samples, whose bias (K - 1) / (2 N ln 2) is below 2e-4 bits.
        int samples = 1000, lines = 200;
        double omega = 1, top = 3;
        var x = NakagamiSamples(samples * lines, m, omega, seed: (int)(m * 10) + bins);
        var levels = EntropyMap.Quantize(x, bins, (0, top));
        var map = EntropyMap.FromLevels(levels, samples, lines, new WindowSize(samples, lines), bins);
        double expected = ExactBinned(v => NakagamiCdf(v, m, omega), top, bins);
        Assert.Equal(expected, map[lines / 2 * samples + samples / 2], 0.01);
    }

    [Theory]
    [InlineData(9, 3, 16)]
    [InlineData(19, 5, 32)]
    [InlineData(37, 9, 32)]
    public void PlugInBiasIsAboutMinusKMinusOneOver2NAndMillerMadowRemovesIt(int h, int w, int bins)
    {
        // Independent Rayleigh samples (one per speckle cell), bins fixed over [0, 3]: the mean of the window estimates
        // falls short of the exact binned entropy by about (E[K] - 1) / (2 N ln 2); the Miller-Madow estimate is much closer.
        int samples = 600, lines = 120, n = h * w;
        var x = NakagamiSamples(samples * lines, 1, 1, seed: n);
        var levels = EntropyMap.Quantize(x, bins, (0, 3));
        var window = new WindowSize(h, w);
        var plugIn = EntropyMap.FromLevels(levels, samples, lines, window, bins);
        var corrected = EntropyMap.FromLevels(levels, samples, lines, window, bins, millerMadow: true);
        double truth = ExactBinned(v => NakagamiCdf(v, 1, 1), 3, bins);
        double meanPlugIn = 0, meanCorrected = 0, meanCorrection = 0;
        int count = 0;
        for (int j = w; j < lines - w; j++)
            for (int i = h; i < samples - h; i++)
            {
                int k = j * samples + i;
                meanPlugIn += plugIn[k];
                meanCorrected += corrected[k];
                meanCorrection += corrected[k] - plugIn[k];
                count++;
            }
        meanPlugIn /= count; meanCorrected /= count; meanCorrection /= count;
        double bias = meanPlugIn - truth;
        Assert.True(bias < 0, $"plug-in bias {bias} should be negative");
        // First-order theory: bias = -(K - 1) / (2 N ln 2); the correction added is that amount (with the observed K).
        Assert.InRange(-bias / meanCorrection, 0.75, 1.6);
        Assert.True(Math.Abs(meanCorrected - truth) < 0.5 * Math.Abs(bias), $"Miller-Madow {meanCorrected - truth} vs plug-in {bias}");
    }

    [Theory]
    [InlineData(EntropyNormalization.Window)]
    [InlineData(EntropyNormalization.Global)]
    [InlineData(EntropyNormalization.Robust)]
    public void MillerMadowAddsKMinusOneOver2NLn2ToThePlugInEstimate(EntropyNormalization normalization)
    {
        int samples = 37, lines = 9, h = 7, wd = 3, bins = 8;
        var v = EntropyMapTests.Speckle(samples, lines, seed: 11);
        var plug = EntropyMap.Compute(v, samples, lines, new WindowSize(h, wd), bins, normalization);
        var mm = EntropyMap.Compute(v, samples, lines, new WindowSize(h, wd), bins, normalization, millerMadow: true);
        var range = EntropyBins.Range(v, normalization, 1, 99);
        var levels = EntropyMap.Quantize(v, bins, range);
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                var x = NaiveReference.Window(v, samples, lines, i, j, h, wd);
                double lo = x.Min(), hi = x.Max();
                var cells = normalization == EntropyNormalization.Window
                    ? x.Select(a => hi > lo ? Math.Min(bins - 1, (int)Math.Floor((a - lo) * bins / (hi - lo))) : 0).ToList()
                    : NaiveReference.WindowLevels(levels, samples, lines, i, j, h, wd);
                int k = cells.Distinct().Count();
                double expected = NaiveReference.Shannon(cells.GroupBy(c => c).Select(g => g.Count())) + (k - 1) / (2.0 * x.Count * Math.Log(2));
                Assert.Equal(expected, mm[j * samples + i], 9);
                Assert.Equal(expected - (k - 1) / (2.0 * x.Count * Math.Log(2)), plug[j * samples + i], 9);
            }
    }

    [Fact]
    public void RobustRangeIsNumpysPercentileAndClipsOutliersIntoTheEndBins()
    {
        var rng = new Random(3);
        var v = Enumerable.Range(0, 1001).Select(_ => rng.NextDouble() * 10).ToArray();
        var sorted = v.Order().ToArray();
        var (lo, hi) = EntropyBins.Range(v, EntropyNormalization.Robust, 1, 99);
        // numpy.percentile (linear): position p/100 (n - 1) = 10 and 990 for n = 1001.
        Assert.Equal(sorted[10], lo, 12);
        Assert.Equal(sorted[990], hi, 12);
        var levels = EntropyMap.Quantize(v, 16, (lo, hi));
        for (int k = 0; k < v.Length; k++)
        {
            if (v[k] <= lo) Assert.Equal(0, levels[k]);
            if (v[k] >= hi) Assert.Equal(15, levels[k]);
        }
    }

    [Fact]
    public void OneBrightReflectorFlattensTheGlobalMapButNotTheRobustOne()
    {
        int samples = 200, lines = 40;
        var x = NakagamiSamples(samples * lines, 1, 1, seed: 5);
        var window = new WindowSize(19, 5);
        var robust = EntropyMap.Compute(x, samples, lines, window, 32, EntropyNormalization.Robust);
        var global = EntropyMap.Compute(x, samples, lines, window, 32, EntropyNormalization.Global);
        var bright = (double[])x.Clone();
        bright[20 * samples + 100] = 1000;
        var robustBright = EntropyMap.Compute(bright, samples, lines, window, 32, EntropyNormalization.Robust);
        var globalBright = EntropyMap.Compute(bright, samples, lines, window, 32, EntropyNormalization.Global);
        int far = 5 * samples + 30;
        Assert.True(globalBright[far] < 0.5 * global[far], $"global: {global[far]} -> {globalBright[far]}");
        Assert.Equal(robust[far], robustBright[far], 1);
    }

    [Fact]
    public void BinRules()
    {
        int samples = 300, lines = 60;
        var rng = new Random(8);
        var uniform = Enumerable.Range(0, samples * lines).Select(_ => rng.NextDouble()).ToArray();
        var window = new WindowSize(37, 9);
        var range = EntropyBins.Range(uniform, EntropyNormalization.Global, 0, 100);
        Assert.Equal(32, EntropyBins.Resolve(EntropyBinRule.Fixed, 32, uniform, samples, lines, window, EntropyNormalization.Window, range));
        Assert.Equal(18, EntropyBins.Resolve(EntropyBinRule.SquareRoot, 32, uniform, samples, lines, window, EntropyNormalization.Window, range));
        // Uniform values: IQR = 1/2 of a unit range, so FD gives about range / (N^(-1/3)) = N^(1/3) = 6.9 bins (7).
        int fd = EntropyBins.Resolve(EntropyBinRule.FreedmanDiaconis, 32, uniform, samples, lines, window, EntropyNormalization.Global, range);
        Assert.InRange(fd, 6, 8);
        int fdWindow = EntropyBins.Resolve(EntropyBinRule.FreedmanDiaconis, 32, uniform, samples, lines, window, EntropyNormalization.Window, range);
        Assert.InRange(fdWindow, 6, 8);
    }

    [Fact]
    public void SpeckleCellOfIndependentLinesIsAboutOneLineAndOfTheBenchmarkPulseItsAxialFwhm()
    {
        var frame = BreastSeg.Benchmarks.BenchmarkFrame.Create(seed: 2, samples: 1024, lines: 64);
        var envelope = Envelope.Compute(frame);
        var cell = SpeckleCell.Measure(envelope, frame.Samples, frame.Lines);
        // Lines are independent: correlation at lag 1 is ~0, so the FWHM is about 1 line. Axially the speckle size is
        // of the order of the pulse's envelope FWHM (0.441 c / (B f0) = 97 um = 5 samples at 40 MHz).
        Assert.InRange(cell.Lines, 0.8, 1.3);
        Assert.InRange(cell.AxialSamples, 3, 8);
    }

    [Fact]
    public void MapOptionsSerialiseEveryEntropySettingToJson()
    {
        var a = new MapOptions();
        var b = a with { Window = MapWindow.PulseLengths(a.Window is MapWindow.InPulseLengths p ? p.SideLength * 2 : 1) };
        var c = a with { BinRule = EntropyBinRule.SquareRoot };
        string ja = System.Text.Json.JsonSerializer.Serialize(a), jb = System.Text.Json.JsonSerializer.Serialize(b), jc = System.Text.Json.JsonSerializer.Serialize(c);
        Assert.NotEqual(ja, jb);
        Assert.NotEqual(ja, jc);
        Assert.Contains("\"SquareRoot\"", jc);
        Assert.Equal(b, System.Text.Json.JsonSerializer.Deserialize<MapOptions>(jb));
    }
}
