using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace BreastSeg.Benchmarks;

/// <summary>
/// Straightforward implementations for comparison: one FFT per line; entropy that rebuilds the window's histogram and
/// sums over all bins at every pixel (what skimage.filters.rank.entropy does); Nakagami by two passes per pixel.
/// </summary>
internal static class NaiveMaps
{
    public static double[] Envelope(double[] rf, int samples, int lines)
    {
        var env = new double[rf.Length];
        var h = new double[samples];
        h[0] = 1;
        for (int k = 1; k < (samples + 1) / 2; k++) h[k] = 2;
        if (samples % 2 == 0) h[samples / 2] = 1;
        var x = new Complex[samples];
        for (int j = 0; j < lines; j++)
        {
            for (int i = 0; i < samples; i++) x[i] = rf[j * samples + i];
            Fourier.Forward(x, FourierOptions.Matlab);
            for (int k = 0; k < samples; k++) x[k] *= h[k];
            Fourier.Inverse(x, FourierOptions.Matlab);
            for (int i = 0; i < samples; i++) env[j * samples + i] = x[i].Magnitude;
        }
        return env;
    }

    public static double[] Entropy(double[] v, int samples, int lines, int rows, int cols, int bins, bool window, int lineCount)
    {
        double gLo = v.Min(), gHi = v.Max();
        var map = new double[samples * lineCount];
        var counts = new int[bins];
        var buffer = new double[rows * cols];
        for (int j = 0; j < lineCount; j++)
            for (int i = 0; i < samples; i++)
            {
                int n = 0;
                for (int c = Math.Max(0, j - cols / 2); c <= Math.Min(lines - 1, j - cols / 2 + cols - 1); c++)
                    for (int r = Math.Max(0, i - rows / 2); r <= Math.Min(samples - 1, i - rows / 2 + rows - 1); r++)
                        buffer[n++] = v[c * samples + r];
                double lo = gLo, hi = gHi;
                if (window)
                {
                    lo = double.PositiveInfinity;
                    hi = double.NegativeInfinity;
                    for (int k = 0; k < n; k++) { lo = Math.Min(lo, buffer[k]); hi = Math.Max(hi, buffer[k]); }
                }
                Array.Clear(counts);
                for (int k = 0; k < n; k++)
                    counts[hi > lo ? Math.Min(bins - 1, (int)((buffer[k] - lo) * bins / (hi - lo))) : 0]++;
                double h = 0;
                for (int b = 0; b < bins; b++)
                    if (counts[b] > 0) { double p = (double)counts[b] / n; h -= p * Math.Log2(p); }
                map[j * samples + i] = h;
            }
        return map;
    }

    public static double[] Nakagami(double[] env, int samples, int lines, int rows, int cols, int lineCount)
    {
        var map = new double[samples * lineCount];
        for (int j = 0; j < lineCount; j++)
            for (int i = 0; i < samples; i++)
            {
                int c0 = Math.Max(0, j - cols / 2), c1 = Math.Min(lines - 1, j - cols / 2 + cols - 1);
                int r0 = Math.Max(0, i - rows / 2), r1 = Math.Min(samples - 1, i - rows / 2 + rows - 1);
                double sum = 0;
                for (int c = c0; c <= c1; c++)
                    for (int r = r0; r <= r1; r++) sum += env[c * samples + r] * env[c * samples + r];
                int n = (c1 - c0 + 1) * (r1 - r0 + 1);
                double mean = sum / n, m2 = 0;
                for (int c = c0; c <= c1; c++)
                    for (int r = r0; r <= r1; r++) { double d = env[c * samples + r] * env[c * samples + r] - mean; m2 += d * d; }
                map[j * samples + i] = mean * mean * n / m2;
            }
        return map;
    }
}
