namespace BreastSeg.Maps;

/// <summary>
/// Complex FFT of any length n through Bluestein's chirp-z identity, nk = (n^2 + k^2 - (k - n)^2) / 2: the DFT becomes a
/// circular convolution of length M (the power of two >= 2n - 1) done with <see cref="FftPlan"/>. The chirp and the
/// transformed convolution kernel are computed once per length and shared by threads; each thread passes its own
/// scratch of length M. Sign and scaling as <see cref="FftPlan"/> (numpy/MATLAB). OASBUD frames have 1040-2864 samples
/// per line, rarely a power of two, and MathNet's Bluestein (which allocates and forks parallel loops per call) was two
/// orders of magnitude slower inside the parallel loop over lines.
/// </summary>
internal sealed class BluesteinPlan
{
    private readonly FftPlan _plan;
    private readonly double[] _chirpRe, _chirpIm;     // w_k = exp(-i pi k^2 / n), k < n
    private readonly double[] _kernelRe, _kernelIm;   // FFT of conj(w) wrapped circularly to length M

    public BluesteinPlan(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        Length = n;
        int m = 1;
        while (m < 2 * n - 1) m <<= 1;
        _plan = new FftPlan(m);
        _chirpRe = new double[n];
        _chirpIm = new double[n];
        for (int k = 0; k < n; k++)
        {
            // k^2 mod 2n keeps the angle small, so the chirp stays exact to rounding for long lines.
            long k2 = (long)k * k % (2L * n);
            double angle = Math.PI * k2 / n;
            _chirpRe[k] = Math.Cos(angle);
            _chirpIm[k] = -Math.Sin(angle);
        }
        _kernelRe = new double[m];
        _kernelIm = new double[m];
        for (int k = 0; k < n; k++)
        {
            _kernelRe[k] = _chirpRe[k];
            _kernelIm[k] = -_chirpIm[k];
            if (k > 0)
            {
                _kernelRe[m - k] = _chirpRe[k];
                _kernelIm[m - k] = -_chirpIm[k];
            }
        }
        _plan.Forward(_kernelRe, _kernelIm);
    }

    /// <summary>Transform length n.</summary>
    public int Length { get; }

    /// <summary>Scratch length each call needs (M).</summary>
    public int ScratchLength => _plan.Length;

    /// <summary>Forward transform of re + i im (length n) in place.</summary>
    public void Forward(Span<double> re, Span<double> im, Span<double> scratchRe, Span<double> scratchIm) =>
        Transform(re, im, scratchRe, scratchIm, conjugate: false);

    /// <summary>Inverse transform in place, scaled by 1/n: conj(forward(conj(x))) / n.</summary>
    public void Inverse(Span<double> re, Span<double> im, Span<double> scratchRe, Span<double> scratchIm)
    {
        Transform(re, im, scratchRe, scratchIm, conjugate: true);
        double scale = 1.0 / Length;
        for (int i = 0; i < Length; i++)
        {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private void Transform(Span<double> re, Span<double> im, Span<double> ar, Span<double> ai, bool conjugate)
    {
        int n = Length, m = _plan.Length;
        ar = ar[..m];
        ai = ai[..m];
        double sign = conjugate ? -1 : 1;
        for (int k = 0; k < n; k++)
        {
            double xr = re[k], xi = sign * im[k];
            ar[k] = xr * _chirpRe[k] - xi * _chirpIm[k];
            ai[k] = xr * _chirpIm[k] + xi * _chirpRe[k];
        }
        ar[n..].Clear();
        ai[n..].Clear();
        _plan.Forward(ar, ai);
        for (int k = 0; k < m; k++)
        {
            double xr = ar[k], xi = ai[k];
            ar[k] = xr * _kernelRe[k] - xi * _kernelIm[k];
            ai[k] = xr * _kernelIm[k] + xi * _kernelRe[k];
        }
        _plan.Inverse(ar, ai);
        for (int k = 0; k < n; k++)
        {
            double yr = ar[k] * _chirpRe[k] - ai[k] * _chirpIm[k];
            double yi = ar[k] * _chirpIm[k] + ai[k] * _chirpRe[k];
            re[k] = yr;
            im[k] = sign * yi;
        }
    }
}
