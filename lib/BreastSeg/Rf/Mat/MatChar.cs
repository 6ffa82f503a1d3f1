namespace BreastSeg.Rf.Mat;

/// <summary>A char array; <see cref="Text"/> joins a row vector (or the rows of a char matrix) into a string.</summary>
public sealed class MatChar : MatValue
{
    private readonly int[] _dimensions;

    /// <summary>A 1 x N char row.</summary>
    public MatChar(string text) : this([1, (text ?? throw new ArgumentNullException(nameof(text))).Length], text) { }

    /// <summary>A char array of any shape over column-major UTF-16 code units.</summary>
    public MatChar(int[] dimensions, string columnMajor)
    {
        ArgumentNullException.ThrowIfNull(columnMajor);
        _dimensions = CheckDimensions(dimensions, nameof(dimensions));
        if (columnMajor.Length != Count)
            throw new ArgumentException($"{columnMajor.Length} characters given, the dimensions {ShapeText} need {Count}", nameof(columnMajor));
        Characters = columnMajor;
    }

    /// <inheritdoc />
    public override int[] Dimensions => (int[])_dimensions.Clone();

    /// <inheritdoc />
    public override string ClassName => "char";

    /// <summary>The characters in column-major order (as stored).</summary>
    public string Characters { get; }

    /// <summary>The rows of a 2-D char array (a row vector gives one row).</summary>
    public IReadOnlyList<string> Rows
    {
        get
        {
            if (_dimensions.Length != 2 || _dimensions[0] <= 1) return [Characters];
            int rows = _dimensions[0], cols = _dimensions[1];
            var result = new string[rows];
            var row = new char[cols];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++) row[c] = Characters[c * rows + r];
                result[r] = new string(row);
            }
            return result;
        }
    }

    /// <summary>The characters as a string: a row vector as is, the rows of a char matrix joined by newlines.</summary>
    public string Text => string.Join('\n', Rows);
}
