using System.Runtime.CompilerServices;

namespace BreastSeg.Maps;

/// <summary>
/// c log2 c for counts 0 .. max window area in 64-bit fixed point, and H = log2 N - S / N. The scale is the largest
/// power of two that keeps S = sum c log2 c (at most N log2 N) below 2^62; for a 1-pulse-length window it is about
/// 2^55, so each tabulated term is within 2^-56 of its exact value.
/// </summary>
internal sealed class EntropyTable
{
    public readonly long[] CLog;

    /// <summary>Step[c] = CLog[c + 1] - CLog[c]: the change of S when a count goes from c to c + 1.</summary>
    public readonly long[] Step;

    /// <summary>Whether the Miller-Madow correction is added (then the occupied bins must be counted).</summary>
    public readonly bool MillerMadow;
    private readonly double[] _log2;
    private readonly double[] _inverse;
    private readonly double _inverseScale, _millerMadow;

    /// <param name="maxCount">Largest count (the window's area).</param>
    /// <param name="millerMadow">Add (K - 1) / (2 N ln 2) bits, K = occupied bins.</param>
    public EntropyTable(int maxCount, bool millerMadow = false)
    {
        MillerMadow = millerMadow;
        _millerMadow = millerMadow ? 1 / (2 * Math.Log(2)) : 0;
        double top = Math.Max(2, maxCount * Math.Log2(Math.Max(2, maxCount)));
        int shift = Math.Min(60, 62 - (int)Math.Ceiling(Math.Log2(top)));
        double scale = Math.ScaleB(1, shift);
        _inverseScale = 1 / scale;
        CLog = new long[maxCount + 1];
        _log2 = new double[maxCount + 1];
        _inverse = new double[maxCount + 1];
        for (int c = 1; c <= maxCount; c++)
        {
            CLog[c] = (long)Math.Round(c * Math.Log2(c) * scale);
            _log2[c] = Math.Log2(c);
            _inverse[c] = 1.0 / c;
        }
        Step = new long[maxCount + 1];
        for (int c = 0; c < maxCount; c++) Step[c] = CLog[c + 1] - CLog[c];
    }

    /// <summary>Entropy (bits) of a histogram of <paramref name="n"/> counts with fixed-point S = <paramref name="sum"/>
    /// and <paramref name="occupied"/> non-empty bins (used by the Miller-Madow correction only; without it, adding
    /// 0 leaves the plug-in value unchanged bit for bit, so callers need not count them).</summary>
    public double Entropy(long sum, int n, int occupied) => n == 0 ? 0 : Entropy(sum, occupied, _log2[n], _inverse[n]);

    /// <summary><see cref="Entropy(long, int, int)"/> with log2 N and 1 / N looked up once for a run of windows of
    /// the same size (N &gt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Entropy(long sum, int occupied, double log2N, double inverseN) =>
        PlugIn(sum, log2N, inverseN) + (occupied - 1) * _millerMadow * inverseN;

    /// <summary>The plug-in entropy alone: what <see cref="Entropy(long, int, double, double)"/> returns without
    /// the Miller-Madow correction, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double PlugIn(long sum, double log2N, double inverseN) => Math.Max(0, log2N - sum * _inverseScale * inverseN);

    /// <summary>log2 <paramref name="n"/> (n from 1 to the largest count).</summary>
    public double Log2(int n) => _log2[n];

    /// <summary>1 / <paramref name="n"/> (n from 1 to the largest count).</summary>
    public double Inverse(int n) => _inverse[n];
}
