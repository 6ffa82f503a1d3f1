namespace BreastSeg.Figures;

/// <summary>
/// An image to show on mm axes: a B-mode image (dB), an entropy map (bits), an attention map (0..1). Values are
/// column-major like <see cref="Rf.RfFrame"/>: row <c>i</c> of column <c>j</c> is <c>Values[j * Samples + i]</c>.
/// </summary>
/// <param name="Geometry">Where the pixels lie (mm).</param>
/// <param name="Values">Column-major pixel values, in the unit the figure states.</param>
public sealed record MmImage(ImageGeometry Geometry, double[] Values)
{
    /// <summary>Value at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => Values[column * Geometry.Samples + row];

    /// <summary>
    /// The image block-averaged to at most <paramref name="maxRows"/> x <paramref name="maxColumns"/> pixels for display,
    /// covering the same area (a 2864 x 510 frame would otherwise put 1.5 million numbers into every HTML file).
    /// </summary>
    public MmImage ForDisplay(int maxRows, int maxColumns)
    {
        Geometry.CheckLength(Values.Length, "image");
        int fr = Math.Max(1, (int)Math.Ceiling(Geometry.Samples / (double)maxRows));
        int fc = Math.Max(1, (int)Math.Ceiling(Geometry.Lines / (double)maxColumns));
        if (fr == 1 && fc == 1) return this;
        int rows = Geometry.Samples / fr, cols = Geometry.Lines / fc;
        var g = Geometry;
        var values = new double[rows * cols];
        for (int c = 0; c < cols; c++)
            for (int r = 0; r < rows; r++)
            {
                double sum = 0;
                int n = 0;
                for (int j = c * fc; j < (c + 1) * fc; j++)
                    for (int i = r * fr; i < (r + 1) * fr; i++)
                    {
                        double v = Values[j * g.Samples + i];
                        if (double.IsFinite(v)) { sum += v; n++; }
                    }
                values[c * rows + r] = n > 0 ? sum / n : double.NaN;
            }
        // Remainder rows/columns that do not fill a block are dropped; the centres move accordingly.
        var geometry = new ImageGeometry(rows, cols, g.AxialSpacingMm * fr, g.LateralSpacingMm * fc,
            g.DepthMm((fr - 1) / 2.0),
            (g.LateralMm((fc - 1) / 2.0) + g.LateralMm(cols * fc - 1 - (fc - 1) / 2.0)) / 2);
        return new MmImage(geometry, values);
    }

    /// <summary>Rows as arrays (row-major jagged), the layout plotly.js heatmaps expect for z.</summary>
    internal double?[][] RowsForPlotly()
    {
        Geometry.CheckLength(Values.Length, "image");
        var z = new double?[Geometry.Samples][];
        for (int i = 0; i < Geometry.Samples; i++)
        {
            var row = new double?[Geometry.Lines];
            for (int j = 0; j < Geometry.Lines; j++)
            {
                double v = Values[j * Geometry.Samples + i];
                row[j] = double.IsFinite(v) ? Math.Round(v, 4) : null;
            }
            z[i] = row;
        }
        return z;
    }

    /// <summary>
    /// The finite range shared by several images, for one colour scale across panels; (0, 1) when there are no finite
    /// values and (v, v + 1) when all equal v, so a colour bar can always be drawn.
    /// </summary>
    public static (double Min, double Max) CommonRange(IEnumerable<MmImage> images)
    {
        var ranges = images.Select(i => i.Range()).Where(r => !double.IsNaN(r.Min)).ToList();
        if (ranges.Count == 0) return (0, 1);
        double min = ranges.Min(r => r.Min), max = ranges.Max(r => r.Max);
        return max > min ? (min, max) : (min, min + 1);
    }

    /// <summary>Finite minimum and maximum of the values (NaN where there are none).</summary>
    public (double Min, double Max) Range()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in Values)
            if (double.IsFinite(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        return min <= max ? (min, max) : (double.NaN, double.NaN);
    }
}

/// <summary>A binary mask (ground truth or a prediction) on its own grid, column-major, true inside the lesion.</summary>
/// <param name="Geometry">Where the pixels lie (mm); a prediction at network size uses <see cref="ImageGeometry.Resampled"/>.</param>
/// <param name="Inside">Column-major flags.</param>
public sealed record MmMask(ImageGeometry Geometry, bool[] Inside)
{
    /// <summary>The mask of a lesion aligned with an RF frame.</summary>
    public static MmMask Of(Rf.LesionMask mask, ImageGeometry geometry) => new(geometry, mask.Data);

    /// <summary>The lesion outlines in mm (closed polylines: the first point is repeated at the end).</summary>
    public IReadOnlyList<MmContour> ContoursMm()
    {
        Geometry.CheckLength(Inside.Length, "mask");
        return MaskContours.Extract(Inside, Geometry.Samples, Geometry.Lines)
            .Select(c => new MmContour(
                c.Rows.Select(r => Geometry.DepthMm(r)).ToArray(),
                c.Columns.Select(col => Geometry.LateralMm(col)).ToArray()))
            .ToList();
    }
}

/// <summary>A closed outline in mm.</summary>
/// <param name="DepthMm">Depth of each vertex (mm).</param>
/// <param name="LateralMm">Lateral position of each vertex (mm).</param>
public sealed record MmContour(double[] DepthMm, double[] LateralMm);
