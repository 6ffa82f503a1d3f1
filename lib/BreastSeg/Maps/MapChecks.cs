namespace BreastSeg.Maps;

/// <summary>Parameter checks shared by the maps; problems are reported as <see cref="IO.BreastSegInputException"/>.</summary>
internal static class MapChecks
{
    public static void Frame(double[] values, int samples, int lines)
    {
        if (samples <= 0 || lines <= 0 || values.Length != (long)samples * lines)
            throw new ArgumentException($"data holds {values.Length} values, expected {samples} x {lines}", nameof(values));
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new IO.BreastSegInputException("values", "the map input holds NaN or infinite values");
    }

    /// <summary>
    /// Bin indices are computed as (x - min) B / (max - min) and used unchecked; a value range so wide that
    /// (max - min) B overflows would give NaN indices, so it is refused.
    /// </summary>
    public static void BinnableRange(double[] values, int bins)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (!double.IsFinite((hi - lo) * bins))
            throw new IO.BreastSegInputException("values", $"the value range {lo} .. {hi} is too wide to bin");
    }

    public static void Bins(int bins)
    {
        if (bins < 2 || bins > EntropyMap.MaxBins)
            throw new IO.BreastSegInputException("bins", $"bin count {bins} must be between 2 and {EntropyMap.MaxBins}");
    }

    public static void Stride(int stride)
    {
        if (stride < 1) throw new IO.BreastSegInputException("stride", $"stride {stride} must be at least 1");
    }
}
