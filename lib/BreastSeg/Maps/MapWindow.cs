using System.Globalization;
using System.Text.Json.Serialization;
using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>
/// How a sliding window is specified: a side length in pulse lengths (Tsui's SL, square in mm), a side in mm, or an
/// explicit size in samples x lines. Physical sizes are converted with the frame's axial spacing and line pitch and
/// rounded to the nearest odd pixel count (at least 1) so that the window is centred on its pixel.
/// </summary>
/// <remarks>JSON holds a window in its CLI spelling ("4pl", "0.5mm", "0.5x1mm", "23x6"), the one written form everywhere
/// (run manifests, sweep choices, parameter files).</remarks>
[JsonConverter(typeof(MapWindowJsonConverter))]
public abstract record MapWindow
{
    private MapWindow() { }

    /// <summary>A square window whose side is <paramref name="sideLength"/> pulse lengths (see <see cref="PulseLength"/>).</summary>
    public static MapWindow PulseLengths(double sideLength) => new InPulseLengths(sideLength);

    /// <summary>A window <paramref name="axialMm"/> deep and <paramref name="lateralMm"/> wide (mm).</summary>
    public static MapWindow Millimetres(double axialMm, double lateralMm) => new InMillimetres(axialMm, lateralMm);

    /// <summary>A window of exactly <paramref name="samples"/> x <paramref name="lines"/> pixels.</summary>
    public static MapWindow Pixels(int samples, int lines) => new InPixels(samples, lines);

    /// <summary>Side in pulse lengths.</summary>
    /// <param name="SideLength">Side length (pulse lengths).</param>
    public sealed record InPulseLengths(double SideLength) : MapWindow
    {
        /// <inheritdoc />
        public override string ToString() => $"{SideLength.ToString(CultureInfo.InvariantCulture)}pl";
    }

    /// <summary>Size in mm.</summary>
    /// <param name="AxialMm">Depth extent (mm).</param>
    /// <param name="LateralMm">Lateral extent (mm).</param>
    public sealed record InMillimetres(double AxialMm, double LateralMm) : MapWindow
    {
        /// <inheritdoc />
        public override string ToString() => AxialMm == LateralMm
            ? $"{AxialMm.ToString(CultureInfo.InvariantCulture)}mm"
            : $"{AxialMm.ToString(CultureInfo.InvariantCulture)}x{LateralMm.ToString(CultureInfo.InvariantCulture)}mm";
    }

    /// <summary>Size in pixels.</summary>
    /// <param name="Samples">Depth samples.</param>
    /// <param name="Lines">Scan lines.</param>
    public sealed record InPixels(int Samples, int Lines) : MapWindow
    {
        /// <inheritdoc />
        public override string ToString() => $"{Samples}x{Lines}";
    }

    /// <summary>
    /// The window in pixels for a frame of <paramref name="lines"/> scan lines acquired with <paramref name="acquisition"/>.
    /// </summary>
    /// <param name="acquisition">Sampling (axial spacing, aperture, probe f0 and bandwidth).</param>
    /// <param name="lines">Scan lines of the frame (sets the line pitch).</param>
    /// <param name="pulseLevelDb">Level delimiting the pulse (dB), see <see cref="PulseLength"/>.</param>
    /// <param name="origin">Name reported in errors.</param>
    public WindowSize Resolve(Acquisition acquisition, int lines, double pulseLevelDb = PulseLength.DefaultLevelDb, string origin = "window")
    {
        switch (this)
        {
            case InPixels p:
                return new WindowSize(p.Samples, p.Lines);
            case InPulseLengths pl:
                double side = pl.SideLength * PulseLength.Mm(acquisition, pulseLevelDb);
                return FromMm(side, side, acquisition, lines, pl.SideLength, origin);
            case InMillimetres mm:
                return FromMm(mm.AxialMm, mm.LateralMm, acquisition, lines, mm.AxialMm, origin);
            default:
                throw new InvalidOperationException("unknown window kind");
        }
    }

    private WindowSize FromMm(double axialMm, double lateralMm, Acquisition acquisition, int lines, double given, string origin)
    {
        if (!(axialMm > 0) || !(lateralMm > 0) || double.IsInfinity(axialMm) || double.IsInfinity(lateralMm))
            throw new IO.BreastSegInputException(origin, $"window {this} must be positive and finite (got {given})");
        return new WindowSize(NearestOdd(axialMm / acquisition.AxialSpacingMm), NearestOdd(lateralMm / acquisition.LinePitchMm(lines)));
    }

    /// <summary>The odd integer nearest to <paramref name="pixels"/>, at least 1.</summary>
    internal static int NearestOdd(double pixels)
    {
        if (pixels >= int.MaxValue / 2) return int.MaxValue - 1;
        return Math.Max(1, 2 * (int)Math.Floor(pixels / 2) + 1);
    }

    /// <summary>
    /// Parses "1pl" / "0.5pl" (pulse lengths), "0.5mm" (square) or "0.5x1mm" (axial x lateral mm), "23x6"
    /// (samples x lines). Throws <see cref="IO.BreastSegInputException"/> naming <paramref name="origin"/>.
    /// </summary>
    public static MapWindow Parse(string text, string origin = "window")
    {
        string s = text.Trim().ToLowerInvariant();
        string Usage() => $"'{text}' is not a window; use e.g. 1pl (pulse lengths), 0.5mm, 0.5x1mm or 23x6 (samples x lines)";
        if (s.EndsWith("pl"))
        {
            if (!TryPositive(s[..^2], out double sl)) throw new IO.BreastSegInputException(origin, Usage());
            return PulseLengths(sl);
        }
        if (s.EndsWith("mm"))
        {
            var parts = s[..^2].Split('x');
            if (parts.Length == 1 && TryPositive(parts[0], out double side)) return Millimetres(side, side);
            if (parts.Length == 2 && TryPositive(parts[0], out double ax) && TryPositive(parts[1], out double lat)) return Millimetres(ax, lat);
            throw new IO.BreastSegInputException(origin, Usage());
        }
        var px = s.Split('x');
        if (px.Length == 2 && int.TryParse(px[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rows) &&
            int.TryParse(px[1], NumberStyles.None, CultureInfo.InvariantCulture, out int cols) && rows >= 1 && cols >= 1)
            return Pixels(rows, cols);
        throw new IO.BreastSegInputException(origin, Usage());
    }

    private static bool TryPositive(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);
}
