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

    /// <summary>Values of the window around (i, j), clipped at the border; rows i - h/2 .. i - h/2 + h - 1 as skimage footprints.</summary>
    public static List<double> Window(double[] v, int samples, int lines, int i, int j, int h, int w)
    {
        var list = new List<double>();
        for (int dr = 0; dr < h; dr++)
            for (int dc = 0; dc < w; dc++)
            {
                int r = i + dr - h / 2, c = j + dc - w / 2;
                if (r >= 0 && r < samples && c >= 0 && c < lines) list.Add(v[c * samples + r]);
            }
        return list;
    }

    /// <summary>Integer levels of the window around (i, j), clipped at the border.</summary>
    public static List<int> WindowLevels(int[] levels, int samples, int lines, int i, int j, int h, int w) =>
        Window(Array.ConvertAll(levels, l => (double)l), samples, lines, i, j, h, w).Select(x => (int)x).ToList();

    /// <summary>-sum p log2 p of the counts.</summary>
    public static double Shannon(IEnumerable<int> counts)
    {
        var c = counts.Where(x => x > 0).ToArray();
        double n = c.Sum();
        return -c.Sum(x => x / n * Math.Log2(x / n));
    }

    /// <summary>Entropy with bins over each window's own [min, max] (MATLAB hist), pixel by pixel.</summary>
    public static double[] EntropyWindow(double[] v, int samples, int lines, int h, int w, int bins)
    {
        var map = new double[v.Length];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                var x = Window(v, samples, lines, i, j, h, w);
                double lo = x.Min(), hi = x.Max();
                var counts = new int[bins];
                foreach (double a in x)
                {
                    int b = hi > lo ? (int)Math.Floor((a - lo) * bins / (hi - lo)) : 0;
                    counts[Math.Min(b, bins - 1)]++;
                }
                map[j * samples + i] = Shannon(counts);
            }
        return map;
    }

    /// <summary>skimage.filters.rank.entropy on an integer image: one bin per level, log2, footprint clipped at the border.</summary>
    public static double[] RankEntropy(int[] image, int samples, int lines, int h, int w)
    {
        var map = new double[image.Length];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                var histogram = new Dictionary<int, int>();
                for (int dr = 0; dr < h; dr++)
                    for (int dc = 0; dc < w; dc++)
                    {
                        int r = i + dr - h / 2, c = j + dc - w / 2;
                        if (r < 0 || r >= samples || c < 0 || c >= lines) continue;
                        int level = image[c * samples + r];
                        histogram[level] = histogram.GetValueOrDefault(level) + 1;
                    }
                map[j * samples + i] = Shannon(histogram.Values);
            }
        return map;
    }

    /// <summary>Nakagami m = E[I]^2 / Var(I), I = R^2, with Var = sum_ab (I_a - I_b)^2 / (2 N^2): no cancellation, exactly 0 for a constant window.</summary>
    public static double[] Nakagami(double[] envelope, int samples, int lines, int h, int w)
    {
        var map = new double[envelope.Length];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                var x = Window(envelope, samples, lines, i, j, h, w).Select(r => r * r).ToArray();
                double n = x.Length, mean = x.Sum() / n, pairs = 0;
                foreach (double a in x)
                    foreach (double b in x) pairs += (a - b) * (a - b);
                double variance = pairs / (2 * n * n);
                map[j * samples + i] = mean * mean / variance;
            }
        return map;
    }

    /// <summary>Asserts equality to a relative/absolute tolerance, with equal infinities and NaNs accepted.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance, int samples)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double e = expected[k], a = actual[k];
            if (double.IsNaN(e) || double.IsInfinity(e) || double.IsNaN(a) || double.IsInfinity(a))
            {
                Assert.True(e.Equals(a), $"pixel ({k % samples}, {k / samples}): expected {e}, got {a}");
                continue;
            }
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)), $"pixel ({k % samples}, {k / samples}): expected {e}, got {a}");
        }
    }
}
