namespace BreastSeg.Maps;

/// <summary>
/// c log2 c for counts 0 .. max window area in 64-bit fixed point, and H = log2 N - S / N. The scale is the largest
/// power of two that keeps S = sum c log2 c (at most N log2 N) below 2^62; for a 1-pulse-length window it is about
/// 2^55, so each tabulated term is within 2^-56 of its exact value.
/// </summary>
internal sealed class EntropyTable
{
    public readonly long[] CLog;
    private readonly double[] _log2;
    private readonly double _inverseScale;

    public EntropyTable(int maxCount)
    {
        double top = Math.Max(2, maxCount * Math.Log2(Math.Max(2, maxCount)));
        int shift = Math.Min(60, 62 - (int)Math.Ceiling(Math.Log2(top)));
        double scale = Math.ScaleB(1, shift);
        _inverseScale = 1 / scale;
        CLog = new long[maxCount + 1];
        _log2 = new double[maxCount + 1];
        for (int c = 1; c <= maxCount; c++)
        {
            CLog[c] = (long)Math.Round(c * Math.Log2(c) * scale);
            _log2[c] = Math.Log2(c);
        }
    }

    /// <summary>Entropy (bits) of a histogram of <paramref name="n"/> counts with fixed-point S = <paramref name="sum"/>.</summary>
    public double Entropy(long sum, int n) => n == 0 ? 0 : Math.Max(0, _log2[n] - sum * _inverseScale / n);
}
