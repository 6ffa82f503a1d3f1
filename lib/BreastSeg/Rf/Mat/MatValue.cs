namespace BreastSeg.Rf.Mat;

/// <summary>MATLAB array classes (mxClassID values of the MAT Level-5 format).</summary>
public enum MatClass
{
    /// <summary>cell</summary>
    Cell = 1,
    /// <summary>struct</summary>
    Struct = 2,
    /// <summary>object</summary>
    Object = 3,
    /// <summary>char</summary>
    Char = 4,
    /// <summary>sparse</summary>
    Sparse = 5,
    /// <summary>double</summary>
    Double = 6,
    /// <summary>single</summary>
    Single = 7,
    /// <summary>int8</summary>
    Int8 = 8,
    /// <summary>uint8</summary>
    UInt8 = 9,
    /// <summary>int16</summary>
    Int16 = 10,
    /// <summary>uint16</summary>
    UInt16 = 11,
    /// <summary>int32</summary>
    Int32 = 12,
    /// <summary>uint32</summary>
    UInt32 = 13,
    /// <summary>int64</summary>
    Int64 = 14,
    /// <summary>uint64</summary>
    UInt64 = 15,
}

/// <summary>A MATLAB value: dimensions (MATLAB order, rows first) and class.</summary>
public abstract class MatValue
{
    /// <summary>Dimensions as MATLAB reports them (rows first, at least two).</summary>
    public abstract int[] Dimensions { get; }

    /// <summary>MATLAB class name as `class(x)` prints it ("double", "int16", "logical", "char", "struct", "cell").</summary>
    public abstract string ClassName { get; }

    /// <summary>Number of elements (product of the dimensions).</summary>
    public long Count => Dimensions.Aggregate(1L, (a, d) => a * d);

    /// <summary>Shape as MATLAB prints it, for example "2000x510".</summary>
    public string ShapeText => string.Join("x", Dimensions);

    /// <summary>Checks and copies dimensions: at least two, none negative, product within .NET array limits (or
    /// <paramref name="maxCount"/>: a summary describes an array without holding it).</summary>
    private protected static int[] CheckDimensions(int[] dimensions, string paramName, long maxCount = -1)
    {
        ArgumentNullException.ThrowIfNull(dimensions, paramName);
        if (dimensions.Length < 2) throw new ArgumentException("a MATLAB array has at least two dimensions", paramName);
        long count = 1;
        foreach (int d in dimensions)
        {
            if (d < 0) throw new ArgumentException("dimensions cannot be negative", paramName);
            count = (long)Int128.Min((Int128)count * d, long.MaxValue);
            if (count > (maxCount < 0 ? Array.MaxLength : maxCount)) throw new ArgumentException("too many elements for one array", paramName);
        }
        return (int[])dimensions.Clone();
    }
}

