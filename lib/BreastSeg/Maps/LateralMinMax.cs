using System.Numerics;
using System.Runtime.InteropServices;

namespace BreastSeg.Maps;

/// <summary>Element-wise min and max across neighbouring scan lines (contiguous columns, SIMD).</summary>
internal static class LateralMinMax
{
    /// <summary>min[i], max[i] over lines firstLine..lastLine of sample i.</summary>
    public static void Compute(double[] values, int samples, int firstLine, int lastLine, Span<double> min, Span<double> max)
    {
        values.AsSpan(firstLine * samples, samples).CopyTo(min);
        values.AsSpan(firstLine * samples, samples).CopyTo(max);
        for (int l = firstLine + 1; l <= lastLine; l++)
        {
            var line = values.AsSpan(l * samples, samples);
            var lv = MemoryMarshal.Cast<double, Vector<double>>(line);
            var minV = MemoryMarshal.Cast<double, Vector<double>>(min);
            var maxV = MemoryMarshal.Cast<double, Vector<double>>(max);
            for (int k = 0; k < lv.Length; k++)
            {
                minV[k] = Vector.Min(minV[k], lv[k]);
                maxV[k] = Vector.Max(maxV[k], lv[k]);
            }
            for (int i = lv.Length * Vector<double>.Count; i < samples; i++)
            {
                min[i] = Math.Min(min[i], line[i]);
                max[i] = Math.Max(max[i], line[i]);
            }
        }
    }
}
