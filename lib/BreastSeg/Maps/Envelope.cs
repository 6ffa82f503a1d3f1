using System.Numerics;
using BreastSeg.Rf;

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
        var plan = FftPlan.IsPowerOfTwo(samples) ? new FftPlan(samples) : null;
        var bluestein = plan is null ? new BluesteinPlan(samples) : null;
        int pairs = (lines + 1) / 2;
        Parallel.For(0, pairs, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Workspace(samples, plan, bluestein),
            (pair, _, work) =>
            {
                int a = 2 * pair, b = a + 1;
                EnvelopePair(columnMajor, envelope, samples, a, b < lines ? b : -1, weights, gain, work);
                return work;
            },
            _ => { });
        return envelope;
    }

    /// <summary>Per-thread FFT buffers (split real/imaginary) and the shared plan: radix-2 for powers of two,
    /// Bluestein on top of radix-2 for every other length.</summary>
    private sealed class Workspace(int n, FftPlan? plan, BluesteinPlan? bluestein)
    {
        public readonly double[] Re = new double[n], Im = new double[n];
        public readonly double[] FilteredRe = new double[n], FilteredIm = new double[n];
        private readonly double[] _scratchRe = new double[bluestein?.ScratchLength ?? 0], _scratchIm = new double[bluestein?.ScratchLength ?? 0];

        public void Forward()
        {
            if (plan is not null) plan.Forward(Re, Im);
            else bluestein!.Forward(Re, Im, _scratchRe, _scratchIm);
        }

        public void Inverse() => Inverse(Re, Im);

        public void InverseFiltered() => Inverse(FilteredRe, FilteredIm);

        private void Inverse(double[] re, double[] im)
        {
            if (plan is not null) plan.Inverse(re, im);
            else bluestein!.Inverse(re, im, _scratchRe, _scratchIm);
        }
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
        double[] re = work.Re, im = work.Im;
        rf.AsSpan(a * n, n).CopyTo(re);
        if (b >= 0) rf.AsSpan(b * n, n).CopyTo(im);
        else Array.Clear(im);
        work.Forward();

        // Real parts of the (filtered) pair: the input itself, or the inverse of the filtered spectrum.
        double[] realA = re, realB = im;
        if (gain is not null)
        {
            for (int k = 0; k < n; k++)
            {
                work.FilteredRe[k] = re[k] * gain[k];
                work.FilteredIm[k] = im[k] * gain[k];
            }
            work.InverseFiltered();
            (realA, realB) = (work.FilteredRe, work.FilteredIm);
        }
        else
        {
            realA = rf;
            realB = rf;
        }
        for (int k = 0; k < n; k++)
        {
            re[k] *= weights[k];
            im[k] *= weights[k];
        }
        work.Inverse();

        // re + i im = (a - H b) + i (H a + b).
        int offA = gain is null ? a * n : 0, offB = gain is null ? b * n : 0;
        var outA = envelope.AsSpan(a * n, n);
        if (b >= 0)
        {
            var outB = envelope.AsSpan(b * n, n);
            for (int i = 0; i < n; i++)
            {
                double ra = realA[offA + i], rb = realB[offB + i];
                double ha = im[i] - rb, hb = ra - re[i];
                outA[i] = Math.Sqrt(ra * ra + ha * ha);
                outB[i] = Math.Sqrt(rb * rb + hb * hb);
            }
        }
        else
        {
            for (int i = 0; i < n; i++) outA[i] = Math.Sqrt(re[i] * re[i] + im[i] * im[i]);
        }
    }
}
