using System.Numerics;

namespace BreastSeg.Tests.Maps;

/// <summary>Deliberately naive, obviously-correct references for the map tests.</summary>
internal static class NaiveReference
{
    /// <summary>Analytic signal by an O(N^2) DFT with the scipy.signal.hilbert weights.</summary>
    public static Complex[] AnalyticSignal(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var spectrum = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Complex s = 0;
            for (int t = 0; t < n; t++) s += x[t] * Twiddle(-(long)k * t, n);
            spectrum[k] = s;
        }
        for (int k = 0; k < n; k++)
        {
            double h = k == 0 || 2 * k == n ? 1 : 2 * k < n ? 2 : 0;
            spectrum[k] *= h;
        }
        var z = new Complex[n];
        for (int t = 0; t < n; t++)
        {
            Complex s = 0;
            for (int k = 0; k < n; k++) s += spectrum[k] * Twiddle((long)k * t, n);
            z[t] = s / n;
        }
        return z;
    }

    /// <summary>exp(2 pi i m / n) with the phase reduced modulo n first, so large k t stays accurate.</summary>
    private static Complex Twiddle(long m, int n)
    {
        long r = ((m % n) + n) % n;
        double phase = 2 * Math.PI * r / n;
        return new Complex(Math.Cos(phase), Math.Sin(phase));
    }

    /// <summary>Column-major random matrix with values uniform in [lo, hi).</summary>
    public static double[] Random(int samples, int lines, int seed, double lo = -1, double hi = 1)
    {
        var rng = new Random(seed);
        var a = new double[samples * lines];
        for (int i = 0; i < a.Length; i++) a[i] = lo + (hi - lo) * rng.NextDouble();
        return a;
    }
}
