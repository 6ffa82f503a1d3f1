namespace BreastSeg.Rf.Ultrasonix;

/// <summary>
/// One frame of the scanner's own scan-converted B-mode (.b8 gray levels, .b32 BGRA pixels as luminance), stored here
/// column-major like the kit's maps: <see cref="Rows"/> (depth) by <see cref="Columns"/> (lateral), pixel (r, c) at
/// <c>Pixels[c * Rows + r]</c>, values 0-255.
/// </summary>
/// <param name="Rows">Image rows (the header's h).</param>
/// <param name="Columns">Image columns (the header's w).</param>
/// <param name="Pixels">Gray levels 0-255, column-major.</param>
/// <param name="PixelMm">Pixel size (mm, square): the aperture over the region of interest's width.</param>
/// <param name="RegionOfInterest">Corners of the imaged region (ulx, uly, urx, ury, brx, bry, blx, bly).</param>
public sealed record UltrasonixImage(int Rows, int Columns, double[] Pixels, double PixelMm, int[] RegionOfInterest)
{
    /// <summary>
    /// The region of interest (the scan-converted image proper) cut out, for display in mm beside the kit's B-mode:
    /// depth 0 at its top row, pixels square (the header gives no depth, so the lateral scale aperture / ROI width is
    /// used axially too; see environment.md). Its region of interest is the whole image.
    /// </summary>
    public UltrasonixImage RegionOfInterestImage()
    {
        var (x0, y0, x1, y1) = Bounds();
        int rows = y1 - y0 + 1, cols = x1 - x0 + 1;
        var cut = new double[rows * cols];
        for (int c = 0; c < cols; c++)
            for (int r = 0; r < rows; r++) cut[c * rows + r] = Pixels[(x0 + c) * Rows + y0 + r];
        return new UltrasonixImage(rows, cols, cut, PixelMm, [0, 0, cols - 1, 0, cols - 1, rows - 1, 0, rows - 1]);
    }

    /// <summary>Width of the image (mm).</summary>
    public double WidthMm => Columns * PixelMm;

    /// <summary>Depth extent of the image (mm).</summary>
    public double DepthMm => Rows * PixelMm;

    /// <summary>Left, top, right, bottom pixel of the region of interest, clipped to the image.</summary>
    public (int X0, int Y0, int X1, int Y1) Bounds()
    {
        var roi = RegionOfInterest;
        int x0 = Math.Clamp(Math.Min(roi[0], roi[6]), 0, Columns - 1), x1 = Math.Clamp(Math.Max(roi[2], roi[4]), 0, Columns - 1);
        int y0 = Math.Clamp(Math.Min(roi[1], roi[3]), 0, Rows - 1), y1 = Math.Clamp(Math.Max(roi[5], roi[7]), 0, Rows - 1);
        return x1 > x0 && y1 > y0 ? (x0, y0, x1, y1) : (0, 0, Columns - 1, Rows - 1);
    }
}
