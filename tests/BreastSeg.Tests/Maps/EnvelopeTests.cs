using System.Numerics;
using BreastSeg.Maps;
using BreastSeg.Rf;

namespace BreastSeg.Tests.Maps;

public class EnvelopeTests
{
    private static readonly double[] Even = [1.5, -2.0, 0.25, 3.0, -1.0, 0.5, 2.0, -0.75];
    private static readonly double[] Odd = [1.5, -2.0, 0.25, 3.0, -1.0, 0.5, 2.0];

    // scipy 1.10.1: scipy.signal.hilbert(x).imag and np.abs(scipy.signal.hilbert(x)) for the inputs above.
    private static readonly double[] EvenImagScipy = [0.495558261758408, 1.0651019100214136, -3.147208691207961, 0.7026650429449554, 1.379441738241592, -1.9401019100214136, 1.272208691207961, 0.17233495705504465];
    private static readonly double[] EvenAbsScipy = [1.5797398490881385, 2.265930731229722, 3.15712251045393, 3.0811910298741356, 1.7037780105409814, 2.00349580016249, 2.370340683105505, 0.7695448898038142];
    private static readonly double[] OddImagScipy = [1.7698442949695135, 1.119874708531445, -3.0327753397426975, 0.8647948875151426, 1.0581585814186811, -1.5778299958678113, -0.20206713682427369];
    private static readonly double[] OddAbsScipy = [2.319988971619506, 2.292186589876223, 3.043061987760261, 3.1221579392260614, 1.4559188107274372, 1.6551578462068859, 2.010181864355651];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnalyticSignalMatchesScipy(bool even)
    {
        var x = even ? Even : Odd;
        var z = AnalyticSignal.Compute(x);
        var imag = even ? EvenImagScipy : OddImagScipy;
        var abs = even ? EvenAbsScipy : OddAbsScipy;
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i], z[i].Real, 1e-13);
            Assert.Equal(imag[i], z[i].Imaginary, 1e-13);
            Assert.Equal(abs[i], z[i].Magnitude, 1e-13);
        }
    }

    [Fact]
    public void FrameEnvelopeMatchesScipyForBothPackedLines()
    {
        // Two lines of a frame share one FFT; each must still equal its own scipy envelope. Odd line count: last alone.
        var data = Even.Concat(Even.Select(v => -0.5 * v)).Concat(Even).ToArray();
        var env = Envelope.Compute(new RfFrame(8, 3, data));
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(EvenAbsScipy[i], env[i], 1e-13);
            Assert.Equal(0.5 * EvenAbsScipy[i], env[8 + i], 1e-13);
            Assert.Equal(EvenAbsScipy[i], env[16 + i], 1e-13);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(64, 4)]
    [InlineData(97, 5)]
    [InlineData(100, 2)]
    [InlineData(255, 3)]
    [InlineData(256, 7)]
    public void EnvelopeMatchesNaiveDft(int samples, int lines)
    {
        var rf = NaiveReference.Random(samples, lines, seed: samples * 31 + lines, lo: -1000, hi: 1000);
        var env = Envelope.Compute(new RfFrame(samples, lines, rf));
        double scale = rf.Max(Math.Abs);
        for (int j = 0; j < lines; j++)
        {
            var z = NaiveReference.AnalyticSignal(rf.AsSpan(j * samples, samples));
            for (int i = 0; i < samples; i++)
                Assert.True(Math.Abs(z[i].Magnitude - env[j * samples + i]) <= 1e-11 * scale, $"line {j} sample {i}: {env[j * samples + i]} vs {z[i].Magnitude}");
        }
    }

    [Fact]
    public void AnalyticSignalOfCosineIsComplexExponential()
    {
        // cos of an integer number of periods: the analytic signal is exp(i w t) exactly, envelope 1.
        int n = 120;
        var x = Enumerable.Range(0, n).Select(t => Math.Cos(2 * Math.PI * 7 * t / n)).ToArray();
        var z = AnalyticSignal.Compute(x);
        for (int t = 0; t < n; t++)
        {
            Assert.Equal(Math.Sin(2 * Math.PI * 7 * t / n), z[t].Imaginary, 1e-12);
            Assert.Equal(1.0, z[t].Magnitude, 1e-12);
        }
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheEnvelope()
    {
        var rf = NaiveReference.Random(333, 17, seed: 5);
        var one = Envelope.Compute(rf, 333, 17, maxDegreeOfParallelism: 1);
        var all = Envelope.Compute(rf, 333, 17, maxDegreeOfParallelism: -1);
        Assert.Equal(one, all);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(150)]
    public void BandPassMatchesNaiveFilterThenHilbert(int n)
    {
        const int lines = 3;
        const double fs = 40e6;
        var rf = NaiveReference.Random(n, lines, seed: 11);
        var bp = new BandPass(5e6, 14e6, 2e6);
        var env = Envelope.Compute(rf, n, lines, fs, bp);
        for (int j = 0; j < lines; j++)
        {
            // Naive: DFT, multiply by the gain, inverse DFT (real by symmetry), then the naive analytic signal.
            var line = rf.AsSpan(j * n, n).ToArray();
            var spectrum = new Complex[n];
            for (int k = 0; k < n; k++)
                for (int u = 0; u < n; u++) spectrum[k] += line[u] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)k * u % n) / n);
            var filtered = new double[n];
            for (int t = 0; t < n; t++)
            {
                Complex s = 0;
                for (int k = 0; k < n; k++)
                    s += spectrum[k] * bp.Gain((k <= n / 2 ? k : k - n) * fs / n) * Complex.FromPolarCoordinates(1, 2 * Math.PI * ((long)k * t % n) / n);
                filtered[t] = s.Real / n;
            }
            var z = NaiveReference.AnalyticSignal(filtered);
            for (int t = 0; t < n; t++) Assert.Equal(z[t].Magnitude, env[j * n + t], 1e-10);
        }
    }

    [Fact]
    public void ProbeBandPassSpansTwiceTheSixDecibelBand()
    {
        var bp = BandPass.ForProbe(Acquisition.Oasbud);
        Assert.Equal(3e6, bp.LowHz, 1e-6);
        Assert.Equal(17e6, bp.HighHz, 1e-6);
        Assert.Equal(1.0, bp.Gain(10e6));
        Assert.Equal(0.5, bp.Gain(17e6 + 1.5e6), 1e-12);
        Assert.Equal(0.0, bp.Gain(0));
    }
}
