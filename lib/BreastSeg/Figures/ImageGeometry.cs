namespace BreastSeg.Figures;

/// <summary>
/// Where the pixels of an image lie in the scan plane: <see cref="Samples"/> rows along depth and <see cref="Lines"/>
/// columns across the aperture, with pixel centres <see cref="AxialSpacingMm"/> and <see cref="LateralSpacingMm"/> apart.
/// Ultrasound grids are anisotropic (OASBUD: 0.01925 mm axially, about 0.0745 mm between scan lines), so figures place
/// pixels by these spacings rather than by index.
/// </summary>
/// <param name="Samples">Rows (depth samples).</param>
/// <param name="Lines">Columns (scan lines).</param>
/// <param name="AxialSpacingMm">Distance between neighbouring rows (mm).</param>
/// <param name="LateralSpacingMm">Distance between neighbouring columns (mm).</param>
/// <param name="FirstDepthMm">Depth of the centre of the first row (mm).</param>
/// <param name="LateralCentreMm">Lateral position of the middle of the columns (mm); 0 centres the image on the probe.</param>
public sealed record ImageGeometry(
    int Samples,
    int Lines,
    double AxialSpacingMm,
    double LateralSpacingMm,
    double FirstDepthMm = 0,
    double LateralCentreMm = 0)
{
    /// <summary>The grid of an RF frame: axial spacing c/(2 fs), line pitch aperture/lines, depth from the first sample.</summary>
    public static ImageGeometry Of(Rf.RfFrame frame) =>
        new(frame.Samples, frame.Lines, frame.AxialSpacingMm, frame.LinePitchMm);

    /// <summary>Depth of the centre of row <paramref name="row"/> (mm); fractional rows interpolate.</summary>
    public double DepthMm(double row) => FirstDepthMm + row * AxialSpacingMm;

    /// <summary>Lateral position of the centre of column <paramref name="column"/> (mm); fractional columns interpolate.</summary>
    public double LateralMm(double column) => LateralCentreMm + (column - (Lines - 1) / 2.0) * LateralSpacingMm;

    /// <summary>Depth range covered by the pixels, from the top edge of the first row to the bottom edge of the last (mm).</summary>
    public (double Top, double Bottom) DepthExtentMm =>
        (FirstDepthMm - AxialSpacingMm / 2, FirstDepthMm + (Samples - 0.5) * AxialSpacingMm);

    /// <summary>Lateral range covered by the pixels, from the left edge of the first column to the right edge of the last (mm).</summary>
    public (double Left, double Right) LateralExtentMm =>
        (LateralCentreMm - Lines * LateralSpacingMm / 2, LateralCentreMm + Lines * LateralSpacingMm / 2);

    /// <summary>
    /// A grid of <paramref name="samples"/> x <paramref name="lines"/> pixels covering exactly the same area, as for a
    /// prediction made at the network's input size and shown over the original frame.
    /// </summary>
    public ImageGeometry Resampled(int samples, int lines)
    {
        if (samples <= 0 || lines <= 0) throw new ArgumentOutOfRangeException(nameof(samples), "a grid needs at least one row and one column");
        double axial = AxialSpacingMm * Samples / samples;
        double top = DepthExtentMm.Top;
        return new ImageGeometry(samples, lines, axial, LateralSpacingMm * Lines / lines, top + axial / 2, LateralCentreMm);
    }

    internal void CheckLength(int length, string what)
    {
        if (Samples <= 0 || Lines <= 0) throw new ArgumentException($"{what}: a grid needs at least one row and one column");
        if (length != (long)Samples * Lines) throw new ArgumentException($"{what} holds {length} values, expected {Samples} x {Lines}");
    }
}
