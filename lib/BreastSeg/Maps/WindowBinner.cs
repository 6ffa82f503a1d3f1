using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BreastSeg.Maps;

/// <summary>
/// <see cref="EntropyMap.Bin"/> for one window's [lo, lo + range], without a division per sample: q' = (x - lo) B
/// times 1 / range differs from the divided q = (x - lo) B / range by at most 3 units in the last place, so floor(q')
/// is floor(q) unless q' lies within 2^-50 q' of an integer; those samples (the window's maximum among them) take the
/// division. The bins are therefore exactly those of the division.
/// </summary>
internal readonly struct WindowBinner
{
    private const double Tolerance = 1.0 / (1L << 50);
    private readonly double _lo, _range, _inverse, _bins;
    private readonly int _binCount;
    private readonly bool _fast;

    public WindowBinner(double lo, double range, int bins)
    {
        _lo = lo;
        _range = range;
        _bins = bins;
        _binCount = bins;
        _inverse = 1 / range;
        // A zero range puts everything in bin 0 (EntropyMap.Bin); a subnormal one has no finite reciprocal.
        _fast = range > 0 && double.IsNormal(_inverse);
    }

    /// <summary>Bin of <paramref name="x"/> (a value inside the window).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Bin(double x)
    {
        if (!_fast) return EntropyMap.Bin(x, _lo, _range, _binCount);
        double q = (x - _lo) * _bins * _inverse, f = Math.Floor(q), frac = q - f, tol = q * Tolerance;
        if (frac < tol || 1 - frac < tol) return EntropyMap.Bin(x, _lo, _range, _binCount);
        int b = (int)f;
        return b >= _binCount ? _binCount - 1 : b;
    }

    /// <summary>bins[r] = <see cref="Bin"/>(x[r]) for r &lt; count, four at a time where AVX is available (a partial
    /// last group is binned as the four values ending at count, re-binning some to the same bins).</summary>
    public void Run(ref double x, ref int bins, int count)
    {
        int r = 0;
        if (Avx.IsSupported && _fast && count >= 4)
        {
            var lo = Vector256.Create(_lo);
            var binsV = Vector256.Create(_bins);
            var inverse = Vector256.Create(_inverse);
            var range = Vector256.Create(_range);
            var tolerance = Vector256.Create(Tolerance);
            var one = Vector256.Create(1.0);
            var last = Vector128.Create(_binCount - 1);
            while (true)
            {
                var a = Avx.Multiply(Avx.Subtract(Vector256.LoadUnsafe(ref x, (nuint)r), lo), binsV);
                var q = Avx.Multiply(a, inverse);
                var f = Avx.RoundToNegativeInfinity(q);
                var frac = Avx.Subtract(q, f);
                var tol = Avx.Multiply(q, tolerance);
                var near = Avx.Or(Avx.CompareLessThan(frac, tol), Avx.CompareLessThan(Avx.Subtract(one, frac), tol));
                if (Avx.MoveMask(near) != 0) f = Avx.Divide(a, range);
                Sse41.Min(Avx.ConvertToVector128Int32WithTruncation(f), last).StoreUnsafe(ref bins, (nuint)r);
                if (r + 4 == count) return;
                r = Math.Min(r + 4, count - 4);
            }
        }
        for (; r < count; r++) Unsafe.Add(ref bins, r) = Bin(Unsafe.Add(ref x, r));
    }
}
