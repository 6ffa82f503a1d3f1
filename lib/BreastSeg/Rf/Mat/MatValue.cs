namespace BreastSeg.Rf.Mat;

// CONTRACT STUB (issue 2): the data-layer work replaces the bodies; other parts code against these names.

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
}

/// <summary>A numeric or logical array, column-major, in its stored class (no widening).</summary>
public sealed class MatNumeric : MatValue
{
    /// <summary>Creates a numeric array over column-major data of a supported element type
    /// (sbyte, byte, short, ushort, int, uint, long, ulong, float, double; bool for logical).</summary>
    public MatNumeric(int[] dimensions, Array real, Array? imaginary = null) => throw new NotImplementedException();

    /// <inheritdoc />
    public override int[] Dimensions => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ClassName => throw new NotImplementedException();

    /// <summary>Real part, column-major, element type as stored.</summary>
    public Array Real => throw new NotImplementedException();

    /// <summary>Imaginary part, or null for real data.</summary>
    public Array? Imaginary => throw new NotImplementedException();

    /// <summary>Real part widened to double, column-major.</summary>
    public double[] ToDoubleArray() => throw new NotImplementedException();

    /// <summary>A rows x cols double matrix from column-major data.</summary>
    public static MatNumeric FromDoubles(int rows, int cols, double[] columnMajor) => new([rows, cols], columnMajor);
}

/// <summary>A char array; <see cref="Text"/> joins a row vector (or the rows of a char matrix) into a string.</summary>
public sealed class MatChar : MatValue
{
    /// <summary>A 1 x N char row.</summary>
    public MatChar(string text) => throw new NotImplementedException();

    /// <inheritdoc />
    public override int[] Dimensions => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ClassName => "char";

    /// <summary>The characters as a string.</summary>
    public string Text => throw new NotImplementedException();
}

/// <summary>A struct array (1 x N for OASBUD's `data`); field order is kept.</summary>
public sealed class MatStruct : MatValue
{
    /// <summary>A 1 x N struct array: one dictionary per element, all with the same fields in the same order.</summary>
    public MatStruct(IReadOnlyList<string> fieldNames, IReadOnlyList<IReadOnlyDictionary<string, MatValue>> elements) => throw new NotImplementedException();

    /// <inheritdoc />
    public override int[] Dimensions => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ClassName => "struct";

    /// <summary>Field names in file order.</summary>
    public IReadOnlyList<string> FieldNames => throw new NotImplementedException();

    /// <summary>Field <paramref name="field"/> of element <paramref name="element"/> (column-major element index).</summary>
    public MatValue this[int element, string field] => throw new NotImplementedException();
}

/// <summary>A cell array.</summary>
public sealed class MatCell : MatValue
{
    /// <inheritdoc />
    public override int[] Dimensions => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ClassName => "cell";

    /// <summary>Element <paramref name="index"/> (column-major).</summary>
    public MatValue this[int index] => throw new NotImplementedException();
}
