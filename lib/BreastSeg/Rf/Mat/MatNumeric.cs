namespace BreastSeg.Rf.Mat;

/// <summary>A numeric or logical array, column-major, in its stored class (no widening).</summary>
public sealed class MatNumeric : MatValue
{
    private readonly int[] _dimensions;

    /// <summary>Creates a numeric array over column-major data of a supported element type
    /// (sbyte, byte, short, ushort, int, uint, long, ulong, float, double; bool for logical).</summary>
    public MatNumeric(int[] dimensions, Array real, Array? imaginary = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        _dimensions = CheckDimensions(dimensions, nameof(dimensions));
        Class = MatTypes.ClassOfElementType(real.GetType().GetElementType()!)
            ?? throw new ArgumentException($"element type {real.GetType().GetElementType()!.Name} is not a MATLAB numeric class", nameof(real));
        IsLogical = real.GetType() == typeof(bool[]);
        if (real.Rank != 1 || real.LongLength != Count)
            throw new ArgumentException($"data holds {real.LongLength} values, the dimensions {ShapeText} need {Count}", nameof(real));
        if (imaginary is not null)
        {
            if (IsLogical) throw new ArgumentException("logical arrays cannot be complex", nameof(imaginary));
            if (imaginary.GetType() != real.GetType() || imaginary.LongLength != real.LongLength)
                throw new ArgumentException("the imaginary part must have the real part's element type and length", nameof(imaginary));
        }
        Real = real;
        Imaginary = imaginary;
    }

    /// <inheritdoc />
    public override int[] Dimensions => (int[])_dimensions.Clone();

    /// <inheritdoc />
    public override string ClassName => IsLogical ? "logical" : MatTypes.Name(Class);

    /// <summary>The MATLAB class (<see cref="MatClass.UInt8"/> for logical arrays, as MAT files store them).</summary>
    public MatClass Class { get; }

    /// <summary>Whether this is a logical (bool) array.</summary>
    public bool IsLogical { get; }

    /// <summary>Whether the array has an imaginary part.</summary>
    public bool IsComplex => Imaginary is not null;

    /// <summary>Real part, column-major, element type as stored.</summary>
    public Array Real { get; }

    /// <summary>Imaginary part, or null for real data.</summary>
    public Array? Imaginary { get; }

    /// <summary>Real part widened to double, column-major.</summary>
    public double[] ToDoubleArray() => MatTypes.ToDoubles(Real);

    /// <summary>Imaginary part widened to double (zeros for real data).</summary>
    public double[] ImaginaryToDoubleArray() => Imaginary is null ? new double[Real.Length] : MatTypes.ToDoubles(Imaginary);

    /// <summary>A rows x cols double matrix from column-major data.</summary>
    public static MatNumeric FromDoubles(int rows, int cols, double[] columnMajor) => new([rows, cols], columnMajor);

    /// <summary>A 1 x 1 double.</summary>
    public static MatNumeric Scalar(double value) => new([1, 1], new[] { value });
}
