using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace BreastSeg.Maps;

/// <summary>
/// Analytic signal x + i H{x} by the FFT, as scipy.signal.hilbert and MATLAB's hilbert define it: FFT, keep DC (and the
/// Nyquist bin for even lengths) once, double the positive frequencies, zero the negative ones, inverse FFT.
/// Any length (MathNet uses Bluestein's algorithm for lengths that are not powers of two).
/// </summary>
public static class AnalyticSignal
{
    /// <summary>Analytic signal of one real signal (same length).</summary>
    public static Complex[] Compute(ReadOnlySpan<double> signal)
    {
        var buffer = new Complex[signal.Length];
        for (int i = 0; i < signal.Length; i++) buffer[i] = new Complex(signal[i], 0);
        if (signal.Length == 0) return buffer;
        Fourier.Forward(buffer, FourierOptions.Matlab);
        var h = HilbertWeights(signal.Length);
        for (int k = 0; k < buffer.Length; k++) buffer[k] *= h[k];
        Fourier.Inverse(buffer, FourierOptions.Matlab);
        return buffer;
    }

    /// <summary>The one-sided spectral weights h[k] of scipy.signal.hilbert: 1 at DC (and Nyquist), 2 for positive, 0 for negative frequencies.</summary>
    internal static double[] HilbertWeights(int n)
    {
        var h = new double[n];
        if (n == 0) return h;
        h[0] = 1;
        if (n % 2 == 0)
        {
            h[n / 2] = 1;
            for (int k = 1; k < n / 2; k++) h[k] = 2;
        }
        else
        {
            for (int k = 1; k <= (n - 1) / 2; k++) h[k] = 2;
        }
        return h;
    }
}
