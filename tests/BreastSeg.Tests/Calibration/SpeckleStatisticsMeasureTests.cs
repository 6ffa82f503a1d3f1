using BreastSeg.Calibration;
using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Simulation;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Calibration;

/// <summary><see cref="SpeckleStatistics"/> against closed forms on synthetic, fully developed speckle.</summary>
public class SpeckleStatisticsMeasureTests(ITestOutputHelper output)
{
    private const double Fs = 40e6, F0 = 8e6;
    private static readonly Acquisition Grid = new(ApertureMm: 25.6); // 256 lines at 0.1 mm

    /// <summary>
    /// RF of white Gaussian scatterers convolved with a separable PSF: axially exp(-i^2 / 2 sa^2) cos(2 pi f0 i / fs),
    /// laterally exp(-j^2 / 2 sl^2) (sa in samples, sl in lines). Its analytic signal is a circular complex Gaussian
    /// field: Rayleigh envelope, field correlation |mu|^2 = exp(-x^2 / 2 s^2) along each axis, amplitude power spectrum
    /// exp(-(f - f0)^2 / (2 sf^2)) with sf = fs / (2 pi sa).
    /// </summary>
    internal static RfFrame SyntheticSpeckle(int samples, int lines, double sa, double sl, int seed, Acquisition? acquisition = null)
    {
        var rng = new Random(seed);
        var white = new double[samples * lines];
        for (int k = 0; k < white.Length; k++)
            white[k] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        int ha = (int)Math.Ceiling(5 * sa), hl = (int)Math.Ceiling(5 * sl);
        var ka = Enumerable.Range(-ha, 2 * ha + 1).Select(i => Math.Exp(-i * i / (2 * sa * sa)) * Math.Cos(2 * Math.PI * F0 / Fs * i)).ToArray();
        var kl = Enumerable.Range(-hl, 2 * hl + 1).Select(j => Math.Exp(-j * j / (2 * sl * sl))).ToArray();
        var axial = new double[white.Length];
        for (int j = 0; j < lines; j++)
        for (int i = 0; i < samples; i++)
        {
            double s = 0;
            for (int t = -ha; t <= ha; t++)
            {
                int ii = i - t;
                if (ii >= 0 && ii < samples) s += ka[t + ha] * white[j * samples + ii];
            }
            axial[j * samples + i] = s;
        }
        var rf = new double[white.Length];
        for (int j = 0; j < lines; j++)
        for (int t = -hl; t <= hl; t++)
        {
            int jj = j - t;
            if (jj < 0 || jj >= lines) continue;
            double w = kl[t + hl];
            for (int i = 0; i < samples; i++) rf[j * samples + i] += w * axial[jj * samples + i];
        }
        return new RfFrame(samples, lines, rf, acquisition ?? Grid);
    }

    /// <summary>
    /// FWHM of the envelope autocovariance of Rayleigh speckle whose field correlation is |mu|^2 = exp(-x^2 / 2 s^2):
    /// the amplitude covariance is proportional to 2F1(-1/2, -1/2; 1; |mu|^2) - 1 (normalised by its value at |mu| = 1,
    /// 4/pi - 1), so the half-width is where that ratio is 1/2. Returns FWHM / s.
    /// </summary>
    internal static double EnvelopeAutocovarianceFwhmPerSigma()
    {
        static double F(double z)
        {
            double term = 1, sum = 1;
            for (int n = 0; n < 2000; n++)
            {
                double r = (n - 0.5) / (n + 1);
                term *= r * r * z;
                sum += term;
            }
            return sum;
        }
        double lo = 0, hi = 1;
        for (int it = 0; it < 100; it++)
        {
            double mid = 0.5 * (lo + hi);
            if ((F(mid) - 1) / (4 / Math.PI - 1) < 0.5) lo = mid; else hi = mid;
        }
        return 2 * Math.Sqrt(-2 * Math.Log(0.5 * (lo + hi)));
    }

    private static readonly SpeckleStatisticsOptions SyntheticRegions = new()
    {
        MinDepthMm = 1, MaxDepthMm = 21.2, BandHeightMm = 5, BlockWidthMm = 3.2,
    };

    [Fact]
    public void ClosedFormOfTheEnvelopeAutocovarianceWidth()
    {
        // Independent check of the series: a narrow-band Rayleigh envelope's normalised covariance is close to |mu|^2
        // (0.915 |mu|^2 + ...), so its FWHM is a little below that of |mu|^2 = exp(-x^2 / 2 s^2), 2.355 s.
        double perSigma = EnvelopeAutocovarianceFwhmPerSigma();
        Assert.InRange(perSigma, 2.2, 2.355);
    }

    [Fact]
    public void RayleighSpeckleHasClosedFormStatistics()
    {
        double sa = 4, sl = 2;
        var frame = SyntheticSpeckle(1150, 256, sa, sl, 7);
        var result = SpeckleStatistics.Measure(frame, SyntheticRegions);
        var m = result.Median!;
        double perSigma = EnvelopeAutocovarianceFwhmPerSigma();
        double axialUm = perSigma * sa * frame.AxialSpacingMm * 1e3, lateralMm = perSigma * sl * frame.LinePitchMm;
        output.WriteLine($"SNR {m.EnvelopeSnr:F3}, m {m.NakagamiM:F3}, axial {m.AxialFwhmUm:F1} um (closed form {axialUm:F1}), lateral {m.LateralFwhmMm:F3} mm ({lateralMm:F3}), " +
                         $"peak {m.SpectralPeakMHz:F2} MHz, centroid {m.SpectralCentroidMHz:F2} MHz, kept {result.Blocks.Count(b => b.Kept)} of {result.Blocks.Count}");
        Assert.Equal(4, result.Bands.Count);
        Assert.True(result.Blocks.Count(b => b.Kept) >= 0.9 * result.Blocks.Count, "fully developed speckle should be kept almost everywhere");
        Assert.InRange(m.EnvelopeSnr, 1.913 * 0.96, 1.913 * 1.04); // sqrt(pi / (4 - pi))
        Assert.InRange(m.NakagamiM, 0.92, 1.08);
        Assert.InRange(m.AxialFwhmUm, 0.95 * axialUm, 1.05 * axialUm);
        Assert.InRange(m.LateralFwhmMm, 0.93 * lateralMm, 1.07 * lateralMm);
        Assert.InRange(m.SpectralPeakMHz, 7.85, 8.15);
        Assert.InRange(m.SpectralCentroidMHz, 7.85, 8.15);
        var (lo, hi) = result.BandRange(x => x.EnvelopeSnr);
        Assert.True(double.IsFinite(lo) && lo <= hi && hi - lo < 0.15, $"band SNRs {lo:F3}-{hi:F3}");
    }

    [Theory]
    [InlineData(3.0, 1.5)]
    [InlineData(6.0, 3.0)]
    public void AutocovarianceWidthScalesWithThePsf(double sa, double sl)
    {
        var frame = SyntheticSpeckle(1150, 256, sa, sl, 3);
        var m = SpeckleStatistics.Measure(frame, SyntheticRegions).Median!;
        double perSigma = EnvelopeAutocovarianceFwhmPerSigma();
        Assert.InRange(m.AxialFwhmUm / (perSigma * sa * frame.AxialSpacingMm * 1e3), 0.94, 1.06);
        Assert.InRange(m.LateralFwhmMm / (perSigma * sl * frame.LinePitchMm), 0.92, 1.08);
    }

    [Fact]
    public void SpecularAndOffLevelBlocksAreRejected()
    {
        var frame = SyntheticSpeckle(1150, 256, 4, 2, 11);
        var result0 = SpeckleStatistics.Measure(frame, SyntheticRegions);
        var target = result0.Blocks.First(b => b.Band == 1 && b.Kept);
        var dark = result0.Blocks.First(b => b.Band == 2 && b.Kept);
        // A bright horizontal reflector (a specular sheet) across one block, and a block 6 dB darker.
        int row = target.FirstSample + target.Samples / 2;
        for (int j = target.FirstLine; j < target.FirstLine + target.Lines; j++)
            for (int i = row - 2; i <= row + 2; i++) frame.Data[j * frame.Samples + i] += 30 * Math.Cos(2 * Math.PI * F0 / Fs * i);
        for (int j = dark.FirstLine; j < dark.FirstLine + dark.Lines; j++)
            for (int i = dark.FirstSample; i < dark.FirstSample + dark.Samples; i++) frame.Data[j * frame.Samples + i] *= 0.5;
        var result = SpeckleStatistics.Measure(frame, SyntheticRegions);
        SpeckleBlock At(SpeckleBlock b) => result.Blocks.Single(x => x.Band == b.Band && x.FirstLine == b.FirstLine);
        Assert.Equal("specular", At(target).Rejection);
        Assert.Equal("level", At(dark).Rejection);
        Assert.InRange(At(dark).LevelDb, -7.5, -4.5);
        Assert.True(result.Blocks.Count(b => b.Kept) >= result0.Blocks.Count(b => b.Kept) - 3, "the other blocks stay kept");
    }

    [Fact]
    public void EntropyAndNakagamiStatisticsAreThoseOfTheKitsMapsInTheBlock()
    {
        var frame = SyntheticSpeckle(700, 128, 3, 1.5, 5);
        var options = SyntheticRegions with { MaxDepthMm = 12, EntropyWindows = [MapWindow.PulseLengths(1), MapWindow.Pixels(15, 5)] };
        var result = SpeckleStatistics.Measure(frame, options);
        var env = Envelope.Compute(frame);
        var block = result.Blocks[3];
        for (int w = 0; w < 2; w++)
        {
            var size = options.EntropyWindows[w].Resolve(frame.Acquisition, frame.Lines);
            var map = new MapOptions().Entropy(env, frame.Samples, frame.Lines, size);
            var values = new List<double>();
            for (int j = block.FirstLine; j < block.FirstLine + block.Lines; j++)
                for (int i = block.FirstSample; i < block.FirstSample + block.Samples; i++) values.Add(map[j * frame.Samples + i]);
            double mean = values.Average();
            Assert.Equal(size, block.Measures.Entropy[w].Pixels);
            Assert.Equal(mean, block.Measures.Entropy[w].Mean, 12);
            Assert.Equal(Math.Sqrt(values.Average(v => (v - mean) * (v - mean))), block.Measures.Entropy[w].Std, 12);
        }
        var nakagami = NakagamiMap.Compute(env, frame.Samples, frame.Lines, new MapOptions().NakagamiWindowSize(frame.Acquisition, frame.Lines));
        double nm = 0;
        for (int j = block.FirstLine; j < block.FirstLine + block.Lines; j++)
            for (int i = block.FirstSample; i < block.FirstSample + block.Samples; i++) nm += nakagami[j * frame.Samples + i];
        Assert.Equal(nm / (block.Lines * block.Samples), block.Measures.NakagamiMapMean, 10);
        Assert.Equal("1pl", block.Measures.Entropy[0].Window);
    }

    [Fact]
    public void SimulatorSpeckleWidthFollowsItsPsf()
    {
        // The kit's simulator on the Ultrasonix grid: its axial PSF envelope is a Gaussian of sigma = PulseSigmaMm, so
        // the envelope autocovariance FWHM has the closed form above (attenuation moves the centre frequency, not the
        // bandwidth, of a Gaussian spectrum).
        var frame = SpeckleStatistics.SimulatedHomogeneousFrame(seed: 2, samples: 1500);
        var result = SpeckleStatistics.Measure(frame);
        var m = result.Median!;
        double expectedUm = EnvelopeAutocovarianceFwhmPerSigma() * ScannerSettings.Default.PulseSigmaMm * 1e3;
        output.WriteLine($"simulated: SNR {m.EnvelopeSnr:F2}, m {m.NakagamiM:F2}, axial {m.AxialFwhmUm:F1} um (closed form {expectedUm:F1}), lateral {m.LateralFwhmMm:F3} mm, peak {m.SpectralPeakMHz:F2}, centroid {m.SpectralCentroidMHz:F2} MHz");
        Assert.InRange(m.AxialFwhmUm, 0.9 * expectedUm, 1.1 * expectedUm);
        Assert.InRange(m.EnvelopeSnr, 1.75, 2.05);
        double pulseMHz = ScannerSettings.Default.PulseCenterFrequencyHz / 1e6;   // attenuation only lowers the peak
        Assert.InRange(m.SpectralPeakMHz, 0.7 * pulseMHz, 1.1 * pulseMHz);
    }

    [Fact]
    public void TooSmallFrameIsRefusedWithOneLine()
    {
        var frame = SyntheticSpeckle(200, 16, 3, 1.5, 1);
        var e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => SpeckleStatistics.Measure(frame));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("speckle regions", e.Message);
    }

    [Fact]
    public void TableHasOneRowPerStatisticAndSource()
    {
        var a = SyntheticSpeckle(1150, 256, 4, 2, 1);
        var b = SyntheticSpeckle(1150, 256, 6, 3, 2);
        var table = SpeckleStatisticsTable.Measure([("narrow", a), ("wide", b)], SyntheticRegions);
        var rows = table.Rows;
        Assert.Equal(2 * (3 + 2 * 3 + 4), rows.Count);
        var axial = rows.Where(r => r.Statistic == "axial autocovariance FWHM").ToList();
        Assert.True(axial[1].Median > 1.3 * axial[0].Median, "the wider PSF has the wider autocovariance");
        Assert.Equal(rows.Count, table.ToFrame().RowCount);
        string md = table.ToMarkdown();
        output.WriteLine(md);
        Assert.Contains("| statistic | narrow | wide |", md);
    }
}
