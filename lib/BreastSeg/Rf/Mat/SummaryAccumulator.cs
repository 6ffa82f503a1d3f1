using System.Numerics;
using System.Runtime.CompilerServices;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Folds the values of an array, block by block in column-major order, into their sum, minimum and maximum and the
/// count and first position of non-finite values, so a summary never needs the whole array in memory.
/// </summary>
/// <remarks>Each value is widened to double and added in order, so a streamed summary equals the one of the
/// materialised array bit for bit when the blocks arrive in element order. NaN propagates into the sum and is skipped
/// by the minimum and maximum (as comparisons with NaN are false).</remarks>
internal sealed class SummaryAccumulator
{
    /// <summary>Elements folded so far.</summary>
    public long Count { get; private set; }

    /// <summary>Sum of the elements folded so far.</summary>
    public double Sum { get; private set; }

    /// <summary>Smallest element (NaN while none has been folded).</summary>
    public double Min => Count == 0 ? double.NaN : _min;

    /// <summary>Largest element (NaN while none has been folded).</summary>
    public double Max => Count == 0 ? double.NaN : _max;

    /// <summary>How many NaN or infinite values were folded.</summary>
    public long NonFiniteCount { get; private set; }

    /// <summary>0-based element position of the first NaN or infinite value, or -1.</summary>
    public long FirstNonFinite { get; private set; } = -1;

    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;

    /// <summary>Folds the first <paramref name="count"/> elements of <paramref name="data"/> (any supported element type).</summary>
    public void Add(Array data, int count)
    {
        switch (MatTypes.ElementCode(data))
        {
            case TypeCode.Double: Add<double>(Unsafe.As<double[]>(data).AsSpan(0, count)); break;
            case TypeCode.Single: Add<float>(Unsafe.As<float[]>(data).AsSpan(0, count)); break;
            case TypeCode.SByte: Add<sbyte>(Unsafe.As<sbyte[]>(data).AsSpan(0, count)); break;
            case TypeCode.Byte: Add<byte>(Unsafe.As<byte[]>(data).AsSpan(0, count)); break;
            case TypeCode.Int16: Add<short>(Unsafe.As<short[]>(data).AsSpan(0, count)); break;
            case TypeCode.UInt16: Add<ushort>(Unsafe.As<ushort[]>(data).AsSpan(0, count)); break;
            case TypeCode.Int32: Add<int>(Unsafe.As<int[]>(data).AsSpan(0, count)); break;
            case TypeCode.UInt32: Add<uint>(Unsafe.As<uint[]>(data).AsSpan(0, count)); break;
            case TypeCode.Int64: Add<long>(Unsafe.As<long[]>(data).AsSpan(0, count)); break;
            case TypeCode.UInt64: Add<ulong>(Unsafe.As<ulong[]>(data).AsSpan(0, count)); break;
            case TypeCode.Boolean:
                foreach (bool b in Unsafe.As<bool[]>(data).AsSpan(0, count)) Fold(b ? 1.0 : 0.0);
                Count += count;
                break;
            default: throw new ArgumentException($"unsupported element type {data.GetType().Name}", nameof(data));
        }
    }

    /// <summary>Folds a block of values.</summary>
    public void Add<T>(ReadOnlySpan<T> values) where T : INumberBase<T>
    {
        long at = Count;
        foreach (var item in values)
        {
            double v = double.CreateTruncating(item);
            if (!double.IsFinite(v))
            {
                if (NonFiniteCount++ == 0) FirstNonFinite = at;
            }
            at++;
            Fold(v);
        }
        Count = at;
    }

    /// <summary>Folds <paramref name="count"/> copies of one value (an HDF5 fill value standing for unwritten chunks)
    /// in constant time; the sum is <c>value * count</c>, which differs from adding one at a time only by rounding.</summary>
    public void AddRepeated(double value, long count)
    {
        if (count <= 0) return;
        if (!double.IsFinite(value))
        {
            if (NonFiniteCount == 0) FirstNonFinite = Count;
            NonFiniteCount += count;
        }
        Sum += value * count;
        if (value < _min) _min = value;
        if (value > _max) _max = value;
        Count += count;
    }

    /// <summary>Folds the elements of <paramref name="part"/>, a piece of the array folded on its own (one HDF5 chunk,
    /// read out of element order), whose first NaN or infinite value is at array position
    /// <paramref name="firstNonFinite"/> (-1: none).</summary>
    public void Add(SummaryAccumulator part, long firstNonFinite)
    {
        if (part.Count == 0) return;
        Sum += part.Sum;
        if (part._min < _min) _min = part._min;
        if (part._max > _max) _max = part._max;
        Count += part.Count;
        if (part.NonFiniteCount == 0) return;
        NonFiniteCount += part.NonFiniteCount;
        if (FirstNonFinite < 0 || firstNonFinite < FirstNonFinite) FirstNonFinite = firstNonFinite;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Fold(double v)
    {
        Sum += v;
        if (v < _min) _min = v;
        if (v > _max) _max = v;
    }
}
