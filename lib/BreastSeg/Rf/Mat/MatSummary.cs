namespace BreastSeg.Rf.Mat;

/// <summary>
/// A numeric or logical array read for inspection only (<see cref="MatFile.ReadSummaries"/>): its shape, class and
/// the sum, minimum and maximum of its real part, folded while the data streamed past, without its values.
/// </summary>
public sealed class MatSummary : MatValue
{
    private readonly int[] _dimensions;

    internal MatSummary(int[] dimensions, MatClass matClass, bool logical, bool complex, SummaryAccumulator real)
    {
        // Any element count a long holds: a summary from the chunk index describes a declared-huge sparse array.
        _dimensions = CheckDimensions(dimensions, nameof(dimensions), long.MaxValue);
        Class = matClass;
        IsLogical = logical;
        IsComplex = complex;
        Sum = real.Sum;
        Min = real.Min;
        Max = real.Max;
        NonFiniteCount = real.NonFiniteCount;
        FirstNonFinite = real.FirstNonFinite;
    }

    /// <inheritdoc />
    public override int[] Dimensions => (int[])_dimensions.Clone();

    /// <inheritdoc />
    public override string ClassName => IsLogical ? "logical" : MatTypes.Name(Class);

    /// <summary>The MATLAB class (<see cref="MatClass.UInt8"/> for logical arrays).</summary>
    public MatClass Class { get; }

    /// <summary>Whether this is a logical array.</summary>
    public bool IsLogical { get; }

    /// <summary>Whether the array has an imaginary part (not summarised).</summary>
    public bool IsComplex { get; }

    /// <summary>Sum of the real part (0 for an empty array).</summary>
    public double Sum { get; }

    /// <summary>Smallest real value, NaN for an empty array.</summary>
    public double Min { get; }

    /// <summary>Largest real value, NaN for an empty array.</summary>
    public double Max { get; }

    /// <summary>How many real values are NaN or infinite.</summary>
    public long NonFiniteCount { get; }

    /// <summary>Column-major position (0-based) of the first NaN or infinite value, or -1.</summary>
    public long FirstNonFinite { get; }

    /// <summary>Where the array is stored, when it was left in the file to be read on request (a deferring read);
    /// null for an inspection summary.</summary>
    internal StoredArrayLocation? Stored { get; init; }

    /// <summary>The value of a 1 x 1 real array (its sum), or null for any other shape.</summary>
    public double? ScalarValue => Count == 1 && !IsComplex ? Sum : null;
}
