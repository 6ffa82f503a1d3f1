using System.Numerics;
using BreastSeg.Rf;
using MathNet.Numerics.IntegralTransforms;

namespace BreastSeg.Maps;

/// <summary>
/// Envelope detection: |analytic signal| of every scan line (axis = depth), the definition of scipy.signal.hilbert.
/// Two real lines share one complex FFT (line a in the real part, line b in the imaginary part): the inverse of the
/// one-sided spectrum is (a - H b) + i (H a + b), from which H a and H b follow, so a frame costs one forward and one
/// inverse FFT per pair of lines. Lines are processed in parallel; each line's result does not depend on the thread
/// count.
/// </summary>
public static class Envelope
{
    /// <summary>Envelope |analytic signal| of every scan line (column-major, same shape as the frame), no band-pass.</summary>
    public static double[] Compute(RfFrame frame) => Compute(frame, null);

    /// <summary>Envelope of every scan line after an optional zero-phase band-pass (see <see cref="BandPass"/>).</summary>
    /// <param name="frame">RF frame.</param>
    /// <param name="bandPass">Band-pass applied to the spectrum first, or null for none.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static double[] Compute(RfFrame frame, BandPass? bandPass, int maxDegreeOfParallelism = -1) =>
        Compute(frame.Data, frame.Samples, frame.Lines, frame.Acquisition.SamplingFrequencyHz, bandPass, maxDegreeOfParallelism);

    /// <summary>Envelope of column-major data of <paramref name="samples"/> x <paramref name="lines"/>.</summary>
    /// <param name="columnMajor">RF samples, each scan line contiguous.</param>
    /// <param name="samples">Samples per line.</param>
    /// <param name="lines">Scan lines.</param>
    /// <param name="samplingFrequencyHz">RF sampling frequency (Hz); only the band-pass uses it.</param>
    /// <param name="bandPass">Band-pass, or null.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static double[] Compute(double[] columnMajor, int samples, int lines, double samplingFrequencyHz = 40e6,
        BandPass? bandPass = null, int maxDegreeOfParallelism = -1)
    {
        if (samples <= 0 || lines <= 0 || columnMajor.Length != (long)samples * lines)
            throw new ArgumentException($"data holds {columnMajor.Length} values, expected {samples} x {lines}", nameof(columnMajor));
        bandPass?.Validate("band-pass", samplingFrequencyHz);
        var weights = SpectralWeights(samples, samplingFrequencyHz, bandPass);
        double[]? gain = bandPass is null ? null : BandGain(samples, samplingFrequencyHz, bandPass);
        var envelope = new double[columnMajor.Length];
        int pairs = (lines + 1) / 2;
        Parallel.For(0, pairs, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Workspace(samples, gain is not null),
            (pair, _, work) =>
            {
                int a = 2 * pair, b = a + 1;
                EnvelopePair(columnMajor, envelope, samples, a, b < lines ? b : -1, weights, gain, work);
                return work;
            },
            _ => { });
        return envelope;
    }

    private sealed class Workspace(int n, bool filtered)
    {
        public readonly Complex[] Spectrum = new Complex[n];
        public readonly Complex[]? Filtered = filtered ? new Complex[n] : null;
    }

    /// <summary>Hilbert weights times the band-pass gain per FFT bin.</summary>
    private static double[] SpectralWeights(int n, double fs, BandPass? bandPass)
    {
        var h = AnalyticSignal.HilbertWeights(n);
        if (bandPass is not null)
        {
            var g = BandGain(n, fs, bandPass);
            for (int k = 0; k < n; k++) h[k] *= g[k];
        }
        return h;
    }

    private static double[] BandGain(int n, double fs, BandPass bandPass)
    {
        var g = new double[n];
        for (int k = 0; k < n; k++) g[k] = bandPass.Gain((k <= n / 2 ? k : k - n) * fs / n);
        return g;
    }

    private static void EnvelopePair(double[] rf, double[] envelope, int n, int a, int b, double[] weights, double[]? gain, Workspace work)
    {
        var x = work.Spectrum;
        var lineA = rf.AsSpan(a * n, n);
        if (b >= 0)
        {
            var lineB = rf.AsSpan(b * n, n);
            for (int i = 0; i < n; i++) x[i] = new Complex(lineA[i], lineB[i]);
        }
        else
        {
            for (int i = 0; i < n; i++) x[i] = new Complex(lineA[i], 0);
        }
        Fourier.Forward(x, FourierOptions.Matlab);

        // Real parts of the (filtered) pair: the input itself, or the inverse of the filtered spectrum.
        Span<Complex> real = default;
        if (gain is not null)
        {
            var f = work.Filtered!;
            for (int k = 0; k < n; k++) f[k] = x[k] * gain[k];
            Fourier.Inverse(f, FourierOptions.Matlab);
            real = f;
        }
        for (int k = 0; k < n; k++) x[k] *= weights[k];
        Fourier.Inverse(x, FourierOptions.Matlab);

        var outA = envelope.AsSpan(a * n, n);
        if (b >= 0)
        {
            var outB = envelope.AsSpan(b * n, n);
            var lineB = rf.AsSpan(b * n, n);
            for (int i = 0; i < n; i++)
            {
                double ra = gain is null ? lineA[i] : real[i].Real;
                double rb = gain is null ? lineB[i] : real[i].Imaginary;
                double ha = x[i].Imaginary - rb, hb = ra - x[i].Real;
                outA[i] = Math.Sqrt(ra * ra + ha * ha);
                outB[i] = Math.Sqrt(rb * rb + hb * hb);
            }
        }
        else
        {
            for (int i = 0; i < n; i++) outA[i] = x[i].Magnitude;
        }
    }
}
