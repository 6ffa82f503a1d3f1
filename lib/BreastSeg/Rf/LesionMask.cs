namespace BreastSeg.Rf;

/// <summary>
/// A binary lesion mask aligned with an RF frame (same samples x lines, column-major): true inside the lesion.
/// </summary>
public sealed class LesionMask
{
    /// <summary>Creates a mask over existing column-major data (not copied).</summary>
    public LesionMask(int samples, int lines, bool[] data)
    {
        if (data.Length != (long)samples * lines) throw new ArgumentException($"mask holds {data.Length} values, expected {samples} x {lines}", nameof(data));
        Samples = samples;
        Lines = lines;
        Data = data;
    }

    /// <summary>Rows (depth samples).</summary>
    public int Samples { get; }

    /// <summary>Columns (scan lines).</summary>
    public int Lines { get; }

    /// <summary>Column-major flags.</summary>
    public bool[] Data { get; }

    /// <summary>Whether pixel (sample, line) is inside the lesion.</summary>
    public bool this[int sample, int line] => Data[line * Samples + sample];

    /// <summary>Number of lesion pixels.</summary>
    public int Area => Data.Count(b => b);
}
