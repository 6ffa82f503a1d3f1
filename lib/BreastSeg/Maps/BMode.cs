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
    public static double[] Compute(double[] envelope, double dynamicRangeDb = DefaultDynamicRangeDb)
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
        double inverseMax = 1 / max;
        for (int k = 0; k < envelope.Length; k++)
        {
            double db = 20 * Math.Log10(envelope[k] * inverseMax);
            image[k] = db <= -dynamicRangeDb ? 0 : db >= 0 ? 1 : (db + dynamicRangeDb) / dynamicRangeDb;
        }
        return image;
    }
}
