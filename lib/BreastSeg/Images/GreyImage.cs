namespace BreastSeg.Images;

/// <summary>
/// An 8-bit grey-level B-mode image, row-major (row 0 at the top, the skin side of an ultrasound image).
/// </summary>
public sealed class GreyImage
{
    /// <summary>Wraps row-major grey levels (not copied).</summary>
    public GreyImage(int width, int height, byte[] levels)
    {
        if (width <= 0 || height <= 0 || levels.Length != (long)width * height)
            throw new ArgumentException($"{levels.Length} grey levels for a {width} x {height} image", nameof(levels));
        Width = width;
        Height = height;
        Levels = levels;
    }

    /// <summary>Columns (pixels).</summary>
    public int Width { get; }

    /// <summary>Rows (pixels).</summary>
    public int Height { get; }

    /// <summary>Row-major grey levels 0..255.</summary>
    public byte[] Levels { get; }

    /// <summary>Grey level at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public byte this[int row, int column] => Levels[(long)row * Width + column];

    /// <summary>
    /// Grey levels of row-major 8-bit RGBA pixels: the luminance Y = 0.299 R + 0.587 G + 0.114 B (ITU-R 601-2) in the
    /// fixed-point form of Pillow's <c>convert("L")</c>, (19595 R + 38470 G + 7471 B + 32768) >> 16, rounded to nearest.
    /// The weights sum to 65536, so where R = G = B (gray images, grey pixels of RGB files) it returns that value exactly.
    /// Alpha is ignored: the stored grey levels are the image, transparency is not composited.
    /// </summary>
    public static GreyImage FromRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (rgba.Length != (long)width * height * 4) throw new ArgumentException($"{rgba.Length} bytes for {width} x {height} RGBA pixels", nameof(rgba));
        var levels = new byte[(long)width * height];
        for (int p = 0; p < levels.Length; p++)
            levels[p] = (byte)((rgba[4 * p] * 19595 + rgba[4 * p + 1] * 38470 + rgba[4 * p + 2] * 7471 + 32768) >> 16);
        return new GreyImage(width, height, levels);
    }

    /// <summary>The grey levels as a column-major rows x columns array (the kit's map layout: samples = rows, lines =
    /// columns), optionally scaled.</summary>
    public double[] ColumnMajor(double scale = 1)
    {
        var values = new double[Levels.Length];
        for (int r = 0; r < Height; r++)
            for (int c = 0; c < Width; c++)
                values[(long)c * Height + r] = Levels[(long)r * Width + c] * scale;
        return values;
    }
}
