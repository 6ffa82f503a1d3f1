using System.Runtime.CompilerServices;
using System.Numerics;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Rf;

/// <summary>What `inspect` shows of one array: shape (rows first), MATLAB class, and the sum, minimum and maximum of
/// its real part (NaN for an empty array).</summary>
/// <param name="Shape">Dimensions as MATLAB reports them, rows first.</param>
/// <param name="ClassName">MATLAB class ("int16", "uint8", "logical", ...).</param>
/// <param name="Sum">Sum of all elements (for a mask: the lesion area in pixels).</param>
/// <param name="Min">Smallest element.</param>
/// <param name="Max">Largest element.</param>
public sealed record ArraySummary(int[] Shape, string ClassName, double Sum, double Min, double Max)
{
    /// <summary>Summarises a numeric or logical array in its stored class (no widened copy).</summary>
    public static ArraySummary Of(MatNumeric array)
    {
        var data = array.Real;
        var (sum, min, max) = MatTypes.ElementCode(data) switch
        {
            TypeCode.Double => Stats(Unsafe.As<double[]>(data)),
            TypeCode.Single => Stats(Unsafe.As<float[]>(data)),
            TypeCode.SByte => Stats(Unsafe.As<sbyte[]>(data)),
            TypeCode.Byte => Stats(Unsafe.As<byte[]>(data)),
            TypeCode.Int16 => Stats(Unsafe.As<short[]>(data)),
            TypeCode.UInt16 => Stats(Unsafe.As<ushort[]>(data)),
            TypeCode.Int32 => Stats(Unsafe.As<int[]>(data)),
            TypeCode.UInt32 => Stats(Unsafe.As<uint[]>(data)),
            TypeCode.Int64 => Stats(Unsafe.As<long[]>(data)),
            TypeCode.UInt64 => Stats(Unsafe.As<ulong[]>(data)),
            TypeCode.Boolean => LogicalStats(Unsafe.As<bool[]>(data)),
            _ => throw new ArgumentException($"unsupported element type {data.GetType().Name}", nameof(array)),
        };
        return new ArraySummary(array.Dimensions, array.ClassName, sum, min, max);
    }

    private static (double Sum, double Min, double Max) Stats<T>(T[] data) where T : INumberBase<T>
    {
        if (data.Length == 0) return (0, double.NaN, double.NaN);
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var item in data)
        {
            double v = double.CreateTruncating(item);
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (sum, min, max);
    }

    private static (double Sum, double Min, double Max) LogicalStats(bool[] data)
    {
        if (data.Length == 0) return (0, double.NaN, double.NaN);
        int ones = data.Count(b => b);
        return (ones, ones == data.Length ? 1 : 0, ones > 0 ? 1 : 0);
    }
}

/// <summary>One row of `inspect` for an OASBUD-layout file.</summary>
/// <param name="Index">Row of the case in the struct array (0-based).</param>
/// <param name="Id">The id label.</param>
/// <param name="ClassCode">The file's class value (0 or 1).</param>
/// <param name="BiRads">BI-RADS category text.</param>
/// <param name="Views">Summaries of rf1, rf2, roi1 and roi2, keyed by field name.</param>
public sealed record OasbudCaseSummary(int Index, string Id, int ClassCode, string BiRads, IReadOnlyDictionary<string, ArraySummary> Views);
