using System.Numerics;
using System.Runtime.InteropServices;

namespace BreastSeg.Maps;

/// <summary>Parameter checks shared by the maps; problems are reported as <see cref="IO.BreastSegInputException"/>.</summary>
internal static class MapChecks
{
    public static void Frame(double[] values, int samples, int lines)
    {
        if (samples <= 0 || lines <= 0 || values.Length != (long)samples * lines)
            throw new ArgumentException($"data holds {values.Length} values, expected {samples} x {lines}", nameof(values));
        FiniteRange(values);
    }

    /// <summary>
    /// The values' min and max in one SIMD pass; throws <see cref="IO.BreastSegInputException"/> if any is NaN or
    /// infinite (x - x is 0 only for finite x).
    /// </summary>
    public static (double Lo, double Hi) FiniteRange(ReadOnlySpan<double> values)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        bool finite = true;
        if (vectors.Length > 0)
        {
            Vector<double> min = vectors[0], max = vectors[0], zero = Vector<double>.Zero, bad = Vector<double>.Zero;
            foreach (var v in vectors)
            {
                min = Vector.Min(min, v);
                max = Vector.Max(max, v);
                bad |= v - v;
            }
            finite = bad == zero;
            for (int k = 0; k < Vector<double>.Count; k++)
            {
                lo = Math.Min(lo, min[k]);
                hi = Math.Max(hi, max[k]);
            }
        }
        for (int k = vectors.Length * Vector<double>.Count; k < values.Length; k++)
        {
            finite &= double.IsFinite(values[k]);
            lo = Math.Min(lo, values[k]);
            hi = Math.Max(hi, values[k]);
        }
        if (!finite) throw new IO.BreastSegInputException("values", "the map input holds NaN or infinite values");
        return (lo, hi);
    }

    /// <summary>
    /// Bin indices are computed as (x - min) B / (max - min) and used unchecked; a value range so wide that
    /// (max - min) B overflows would give NaN indices, so it is refused.
    /// </summary>
    /// <returns>The values' min and max.</returns>
    public static (double Lo, double Hi) BinnableRange(double[] values, int bins)
    {
        var (lo, hi) = FiniteRange(values);
        if (!double.IsFinite((hi - lo) * bins))
            throw new IO.BreastSegInputException("values", $"the value range {lo} .. {hi} is too wide to bin");
        return (lo, hi);
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
