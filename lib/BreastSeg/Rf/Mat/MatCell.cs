namespace BreastSeg.Rf.Mat;

/// <summary>A cell array.</summary>
public sealed class MatCell : MatValue
{
    private readonly int[] _dimensions;
    private readonly MatValue[] _elements;

    /// <summary>A cell array of the given shape over its elements in column-major order.</summary>
    public MatCell(int[] dimensions, IReadOnlyList<MatValue> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        _dimensions = CheckDimensions(dimensions, nameof(dimensions));
        if (elements.Count != Count) throw new ArgumentException($"{elements.Count} elements given, the dimensions {ShapeText} need {Count}", nameof(elements));
        _elements = elements.ToArray();
        if (_elements.Any(v => v is null)) throw new ArgumentException("cell elements cannot be null", nameof(elements));
    }

    /// <summary>A 1 x N cell row.</summary>
    public MatCell(IReadOnlyList<MatValue> elements) : this([1, (elements ?? throw new ArgumentNullException(nameof(elements))).Count], elements) { }

    /// <inheritdoc />
    public override int[] Dimensions => (int[])_dimensions.Clone();

    /// <inheritdoc />
    public override string ClassName => "cell";

    /// <summary>Element <paramref name="index"/> (column-major).</summary>
    public MatValue this[int index] => _elements[index];
}
