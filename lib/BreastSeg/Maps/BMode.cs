using System.Numerics;

namespace BreastSeg.Maps;

/// <summary>
/// B-mode image: 20 log10(envelope / max envelope) clipped to [-DR, 0] dB and mapped linearly to [0, 1]
/// (0 = -DR dB or below, 1 = the frame's brightest pixel). An all-zero envelope gives an all-zero image.
/// </summary>
public static class BMode
{
    /// <summary>Default dynamic range (dB): 50 dB, mid-range of the 40-60 dB used for breast B-mode display.</summary>
    public const double DefaultDynamicRangeDb = 50;

    /// <summary>B-mode in [0, 1] of a column-major envelope.</summary>
    /// <param name="envelope">Envelope amplitudes (non-negative).</param>
    /// <param name="dynamicRangeDb">Dynamic range DR (dB, &gt; 0).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static double[] Compute(double[] envelope, double dynamicRangeDb = DefaultDynamicRangeDb, int maxDegreeOfParallelism = -1)
    {
        if (!(dynamicRangeDb > 0) || double.IsInfinity(dynamicRangeDb))
            throw new IO.BreastSegInputException("dynamic-range", $"dynamic range {dynamicRangeDb} dB must be positive and finite");
        double max = 0;
        foreach (double e in envelope)
        {
            if (!double.IsFinite(e)) throw new IO.BreastSegInputException("values", "the envelope holds NaN or infinite values");
            max = Math.Max(max, e);
        }
        var image = new double[envelope.Length];
        if (max <= 0) return image;
        // image = 1 + ln(e / max) * (20 / ln 10) / DR, clamped to [0, 1]; amplitudes below the floor 10^(-DR/20) map
        // to 0, so flooring them first keeps the logarithm finite. SIMD logarithm, chunks in parallel.
        double inverseMax = 1 / max, floor = Math.Pow(10, -dynamicRangeDb / 20), slope = 20 / Math.Log(10) / dynamicRangeDb;
        const int chunk = 1 << 15;
        Parallel.For(0, (envelope.Length + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            int start = c * chunk, end = Math.Min(envelope.Length, start + chunk), k = start;
            var vFloor = new Vector<double>(floor);
            for (; k + Vector<double>.Count <= end; k += Vector<double>.Count)
            {
                var x = new Vector<double>(envelope, k) * inverseMax;
                var y = Vector<double>.One + Vector.Log(Vector.Max(x, vFloor)) * slope;
                y = Vector.ConditionalSelect(Vector.LessThanOrEqual(x, vFloor), Vector<double>.Zero, y);
                Vector.Min(Vector.Max(y, Vector<double>.Zero), Vector<double>.One).CopyTo(image, k);
            }
            for (; k < end; k++)
            {
                double x = envelope[k] * inverseMax;
                image[k] = x <= floor ? 0 : Math.Clamp(1 + Math.Log(x) * slope, 0, 1);
            }
        });
        return image;
    }
}
