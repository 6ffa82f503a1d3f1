using System.Numerics;
using System.Runtime.InteropServices;

namespace BreastSeg.Maps;

/// <summary>
/// Sliding minimum or maximum along one axis by doubling: after pass p every element holds the extreme of the 2^p
/// elements starting there, and a window of length h is the extreme of two overlapping power-of-two spans. Min and max
/// are exact and idempotent, so the overlap changes nothing; every pass is one SIMD sweep (log2 h + 1 sweeps, against
/// the van Herk method's three dependent scalar combinations per element).
/// </summary>
internal static class SlidingExtremes
{
    /// <summary>Minimum.</summary>
    public readonly struct Min : IExtreme
    {
        public static double Fill => double.PositiveInfinity;
        public static double Of(double a, double b) => Math.Min(a, b);
        public static Vector<double> Of(Vector<double> a, Vector<double> b) => Vector.Min(a, b);
    }

    /// <summary>Maximum.</summary>
    public readonly struct Max : IExtreme
    {
        public static double Fill => double.NegativeInfinity;
        public static double Of(double a, double b) => Math.Max(a, b);
        public static Vector<double> Of(Vector<double> a, Vector<double> b) => Vector.Max(a, b);
    }

    /// <summary>An exact, idempotent, associative combination.</summary>
    public interface IExtreme
    {
        /// <summary>The identity (what the clipped border contributes).</summary>
        static abstract double Fill { get; }
        static abstract double Of(double a, double b);
        static abstract Vector<double> Of(Vector<double> a, Vector<double> b);
    }

    /// <summary>Scratch length <see cref="Apply{T}"/> needs for <paramref name="n"/> values and a window of <paramref name="h"/>.</summary>
    public static int ScratchLength(int n, int h) => n + h - 1;

    /// <summary>
    /// result[i] = extreme of values[max(0, i - before) .. min(n - 1, i + after)].
    /// </summary>
    public static void Apply<T>(ReadOnlySpan<double> values, Span<double> result, int before, int after, Span<double> scratch)
        where T : IExtreme
    {
        int n = values.Length, h = before + after + 1, valid = n + h - 1;
        var buffer = scratch[..valid];
        buffer[..before].Fill(T.Fill);
        values.CopyTo(buffer[before..]);
        buffer[(before + n)..].Fill(T.Fill);
        // buffer[k] = extreme of the padded values k .. k + span - 1.
        int span = 1;
        while (2 * span <= h)
        {
            valid -= span;
            // In place, ascending: each chunk reads its own elements and later ones, which are not yet overwritten.
            int k = 0;
            ref double b0 = ref MemoryMarshal.GetReference(buffer);
            for (; k + Vector<double>.Count <= valid; k += Vector<double>.Count)
                T.Of(Vector.LoadUnsafe(ref b0, (nuint)k), Vector.LoadUnsafe(ref b0, (nuint)(k + span))).StoreUnsafe(ref b0, (nuint)k);
            for (; k < valid; k++) buffer[k] = T.Of(buffer[k], buffer[k + span]);
            span *= 2;
        }
        int shift = h - span;
        int i = 0;
        ref double r0 = ref MemoryMarshal.GetReference(result);
        ref double s0 = ref MemoryMarshal.GetReference(buffer);
        for (; i + Vector<double>.Count <= n; i += Vector<double>.Count)
            T.Of(Vector.LoadUnsafe(ref s0, (nuint)i), Vector.LoadUnsafe(ref s0, (nuint)(i + shift))).StoreUnsafe(ref r0, (nuint)i);
        for (; i < n; i++) result[i] = T.Of(buffer[i], buffer[i + shift]);
    }
}
