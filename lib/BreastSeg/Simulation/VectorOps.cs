using System.Numerics;
using System.Runtime.InteropServices;

namespace BreastSeg.Simulation;

/// <summary>SIMD helpers for the simulator's inner loops.</summary>
internal static class VectorOps
{
    /// <summary>y += a * x over the common length.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        int len = Math.Min(x.Length, y.Length), vec = Vector<double>.Count, whole = len / vec * vec;
        var xv = MemoryMarshal.Cast<double, Vector<double>>(x[..whole]);
        var yv = MemoryMarshal.Cast<double, Vector<double>>(y[..whole]);
        var av = new Vector<double>(a);
        for (int q = 0; q < xv.Length; q++) yv[q] += av * xv[q];
        for (int i = whole; i < len; i++) y[i] += a * x[i];
    }
}
