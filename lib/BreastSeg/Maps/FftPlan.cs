namespace BreastSeg.Maps;

/// <summary>
/// In-place radix-2 complex FFT for one power-of-two length, on split real/imaginary arrays, with the twiddle factors
/// and the bit-reversal permutation computed once (a "plan"). Sign and scaling follow numpy/MATLAB: forward
/// exp(-2 pi i k n / N) unscaled, inverse exp(+2 pi i k n / N) scaled by 1/N. MathNet's managed radix-2 recomputes its
/// twiddles and forks parallel loops on every call, which made the envelope of a 2048 x 510 frame ten times slower; other
/// lengths use <see cref="BluesteinPlan"/> on top of this one.
/// </summary>
internal sealed class FftPlan
{
    private readonly double[] _cos, _sin;
    private readonly int[] _reverse;

    public FftPlan(int n)
    {
        if (n < 1 || (n & (n - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(n), "length must be a power of two");
        Length = n;
        _cos = new double[Math.Max(1, n / 2)];
        _sin = new double[Math.Max(1, n / 2)];
        for (int k = 0; k < n / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / n);
            _sin[k] = Math.Sin(2 * Math.PI * k / n);
        }
        int bits = System.Numerics.BitOperations.Log2((uint)n);
        _reverse = new int[n];
        for (int i = 0; i < n; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _reverse[i] = r;
        }
    }

    /// <summary>Transform length.</summary>
    public int Length { get; }

    public static bool IsPowerOfTwo(int n) => n >= 1 && (n & (n - 1)) == 0;

    /// <summary>Forward transform in place.</summary>
    public void Forward(Span<double> re, Span<double> im) => Transform(re, im, -1);

    /// <summary>Inverse transform in place, scaled by 1/N.</summary>
    public void Inverse(Span<double> re, Span<double> im)
    {
        Transform(re, im, 1);
        double scale = 1.0 / Length;
        for (int i = 0; i < Length; i++)
        {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private void Transform(Span<double> re, Span<double> im, int sign)
    {
        int n = Length;
        re = re[..n];
        im = im[..n];
        for (int i = 0; i < n; i++)
        {
            int r = _reverse[i];
            if (r > i)
            {
                (re[i], re[r]) = (re[r], re[i]);
                (im[i], im[r]) = (im[r], im[i]);
            }
        }
        var cos = _cos.AsSpan();
        var sin = _sin.AsSpan();
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1, step = n / size;
            for (int start = 0; start < n; start += size)
            {
                for (int k = 0, t = 0; k < half; k++, t += step)
                {
                    double wr = cos[t], wi = sign * sin[t];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
