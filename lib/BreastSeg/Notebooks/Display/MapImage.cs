using System.Globalization;
using System.Net;
using System.Text;
using BreastSeg.Rf;
using BreastSeg.Rf.Ultrasonix;

namespace BreastSeg.Notebooks.Display;

/// <summary>
/// A frame-shaped image (RF, envelope, B-mode, entropy map, mask) for a notebook: shown true to scale in mm, depth down,
/// with axes, a colour bar and an optional lesion outline. Display it as the value of a cell or with display(...).
/// </summary>
/// <param name="Values">Column-major samples x lines, like <see cref="RfFrame.Data"/>.</param>
/// <param name="Samples">Depth samples (rows).</param>
/// <param name="Lines">Scan lines (columns).</param>
/// <param name="AxialSpacingMm">Distance between samples (mm).</param>
/// <param name="LinePitchMm">Distance between scan lines (mm).</param>
public sealed record MapImage(double[] Values, int Samples, int Lines, double AxialSpacingMm, double LinePitchMm)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Title above the image.</summary>
    public string Title { get; init; } = "";

    /// <summary>Unit of the values, shown on the colour bar (for example "bits", "dB", "[0, 1]").</summary>
    public string Unit { get; init; } = "";

    /// <summary>Colour map.</summary>
    public Colormap Colormap { get; init; } = Colormap.Gray;

    /// <summary>Value shown black (first colour); null: the <see cref="LowPercentile"/> of the finite values.</summary>
    public double? Min { get; init; }

    /// <summary>Value shown white (last colour); null: the <see cref="HighPercentile"/> of the finite values.</summary>
    public double? Max { get; init; }

    /// <summary>Percentile (0..1) shown black when <see cref="Min"/> is not set; default 0.01, so a few outliers (a
    /// bright specular echo, an infinite Nakagami m) do not wash out the colour scale.</summary>
    public double LowPercentile { get; init; } = 0.01;

    /// <summary>Percentile (0..1) shown white when <see cref="Max"/> is not set; default 0.99.</summary>
    public double HighPercentile { get; init; } = 0.99;

    /// <summary>Depth of the top edge of the first row (mm); non-zero for a zoomed crop.</summary>
    public double DepthOffsetMm { get; init; }

    /// <summary>Lateral position of the left edge of the first line (mm); null centres the image on the probe (0 mm).</summary>
    public double? LateralOffsetMm { get; init; }

    /// <summary>Lesion mask drawn as a red outline, or null.</summary>
    public LesionMask? Mask { get; init; }

    /// <summary>Width of the image area (px); the height follows the frame's aspect in mm.</summary>
    public int WidthPx { get; init; } = 320;

    /// <summary>An image of <paramref name="values"/> laid out like <paramref name="frame"/> (its spacing in mm).</summary>
    public static MapImage Of(RfFrame frame, double[] values, string title = "", string unit = "", Colormap colormap = Colormap.Gray)
    {
        if (values.Length != frame.Data.Length)
            throw new ArgumentException($"the map holds {values.Length} values, the frame {frame.Samples} x {frame.Lines}", nameof(values));
        return new MapImage(values, frame.Samples, frame.Lines, frame.AxialSpacingMm, frame.LinePitchMm)
        {
            Title = title, Unit = unit, Colormap = colormap,
        };
    }

    /// <summary>
    /// The scanner's own scan-converted B-mode (.b8 / .b32, <see cref="UltrasonixImage"/>), gray levels 0-255 on its
    /// square pixel grid (<see cref="UltrasonixImage.PixelMm"/>), depth 0 at its top row.
    /// </summary>
    public static MapImage OfScannerImage(UltrasonixImage image, string title = "scanner B-mode") =>
        new MapImage(image.Pixels, image.Rows, image.Columns, image.PixelMm, image.PixelMm)
        {
            Title = title, Unit = "gray level", Min = 0, Max = 255,
        };

    /// <summary>The raw RF of <paramref name="frame"/>, gray, symmetric about zero at the 99.5th percentile of |RF|.</summary>
    public static MapImage Rf(RfFrame frame, string title = "RF")
    {
        double limit = Percentile(frame.Data.Select(Math.Abs), 0.995);
        if (limit <= 0) limit = 1;
        return Of(frame, frame.Data, title, "RF units") with { Min = -limit, Max = limit };
    }

    /// <summary>A lesion mask on the geometry of <paramref name="frame"/> (white inside the lesion).</summary>
    public static MapImage OfMask(LesionMask mask, RfFrame frame, string title = "lesion mask") =>
        new MapImage(mask.Data.Select(b => b ? 1.0 : 0.0).ToArray(), mask.Samples, mask.Lines, frame.AxialSpacingMm, frame.LinePitchMm)
        {
            Title = title, Unit = "inside", Min = 0, Max = 1,
        };

    /// <summary>Depth covered (mm).</summary>
    public double DepthMm => Samples * AxialSpacingMm;

    /// <summary>Lateral width covered (mm).</summary>
    public double WidthMm => Lines * LinePitchMm;

    /// <summary>The image as PNG bytes (the image area only, true to scale).</summary>
    public byte[] ToPng()
    {
        var (w, h) = PixelSize();
        return Png.Encode(w, h, Raster(w, h));
    }

    /// <summary>The image with axes in mm, colour bar and title, as an HTML fragment (inline SVG with an embedded PNG).</summary>
    public string ToHtml()
    {
        if (Values.Length != (long)Samples * Lines)
            throw new InvalidOperationException($"{Title}: {Values.Length} values for {Samples} x {Lines}");
        var (w, h) = PixelSize();
        var (lo, hi) = Limits();
        string png = Convert.ToBase64String(Png.Encode(w, h, Raster(w, h)));
        const int left = 52, top = 26, bottom = 40, barGap = 14, barWidth = 12;
        // Room for the colour bar's labels: its unit ("0-1 over 50 dB") is the longest (about 6.5 px a character at 11 px).
        int right = Math.Max(78, 10 + (int)Math.Ceiling(6.5 * new[] { Unit, Number(lo), Number(hi) }.Max(t => t.Length)));
        int width = left + w + barGap + barWidth + right, height = top + h + bottom;
        string id = "bs" + Guid.NewGuid().ToString("N")[..8];
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(Inv, $"<text x=\"{left + w / 2}\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">{Esc(Title)}</text>");
        svg.Append(Inv, $"<image x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,{png}\"/>");
        svg.Append(Inv, $"<rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#444\"/>");

        double lateral0 = LateralOffsetMm ?? -WidthMm / 2;
        foreach (double mm in Ticks(lateral0, lateral0 + WidthMm))
        {
            double x = left + (mm - lateral0) / WidthMm * w;
            svg.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{top + h}\" x2=\"{x:0.#}\" y2=\"{top + h + 4}\" stroke=\"#444\"/><text x=\"{x:0.#}\" y=\"{top + h + 15}\" text-anchor=\"middle\">{mm:0.##}</text>");
        }
        svg.Append(Inv, $"<text x=\"{left + w / 2}\" y=\"{top + h + 32}\" text-anchor=\"middle\">lateral (mm)</text>");
        foreach (double mm in Ticks(DepthOffsetMm, DepthOffsetMm + DepthMm))
        {
            double y = top + (mm - DepthOffsetMm) / DepthMm * h;
            svg.Append(Inv, $"<line x1=\"{left - 4}\" y1=\"{y:0.#}\" x2=\"{left}\" y2=\"{y:0.#}\" stroke=\"#444\"/><text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{mm:0.##}</text>");
        }
        svg.Append(Inv, $"<text transform=\"translate(14,{top + h / 2}) rotate(-90)\" text-anchor=\"middle\">depth (mm)</text>");

        int barX = left + w + barGap;
        svg.Append(Inv, $"<defs><linearGradient id=\"{id}\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (int i = 0; i <= 16; i++)
            svg.Append(Inv, $"<stop offset=\"{i / 16.0:0.###}\" stop-color=\"{ColormapTable.Hex(Colormap, i / 16.0)}\"/>");
        svg.Append("</linearGradient></defs>");
        svg.Append(Inv, $"<rect x=\"{barX}\" y=\"{top}\" width=\"{barWidth}\" height=\"{h}\" fill=\"url(#{id})\" stroke=\"#444\"/>");
        svg.Append(Inv, $"<text x=\"{barX + barWidth + 4}\" y=\"{top + 9}\">{Number(hi)}</text>");
        svg.Append(Inv, $"<text x=\"{barX + barWidth + 4}\" y=\"{top + h}\">{Number(lo)}</text>");
        svg.Append(Inv, $"<text x=\"{barX + barWidth + 4}\" y=\"{top + h / 2 + 4}\">{Esc(Unit)}</text>");
        svg.Append("</svg>");
        return $"<div class=\"breastseg-image\">{svg}</div>";
    }

    /// <summary>Short text form: title, size in samples and mm, value range.</summary>
    public override string ToString()
    {
        var (lo, hi) = Limits();
        return FormattableString.Invariant($"{Title} {Samples} x {Lines} ({DepthMm:0.#} mm deep, {WidthMm:0.#} mm wide), {Number(lo)} .. {Number(hi)} {Unit}").Trim();
    }

    private (int W, int H) PixelSize()
    {
        int w = Math.Max(16, WidthPx);
        int h = (int)Math.Round(w * DepthMm / Math.Max(WidthMm, 1e-9));
        if (h > 2 * w) { w = Math.Max(16, w * 2 * w / h); h = 2 * w; } // very deep frames: keep the cell readable
        return (w, Math.Max(8, h));
    }

    /// <summary>The colour limits: <see cref="Min"/>/<see cref="Max"/>, or the percentiles of the finite values.</summary>
    public (double Lo, double Hi) Limits()
    {
        double[]? sorted = Min is null || Max is null ? Values.Where(double.IsFinite).Order().ToArray() : null;
        double At(double p) => sorted!.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * (sorted.Length - 1)))];
        double lo = Min ?? At(LowPercentile);
        double hi = Max ?? At(HighPercentile);
        return hi > lo ? (lo, hi) : (lo, lo + 1);
    }

    /// <summary>
    /// The part of the image around <paramref name="mask"/>'s lesion with <paramref name="marginMm"/> on every side
    /// (a lesion zoom), on the same mm axes; the outline is kept. The whole image when the mask is empty.
    /// </summary>
    public MapImage ZoomTo(LesionMask mask, double marginMm = 3)
    {
        if (mask.Samples != Samples || mask.Lines != Lines)
            throw new ArgumentException($"the mask is {mask.Samples} x {mask.Lines}, the image {Samples} x {Lines}", nameof(mask));
        int top = Samples, bottom = -1, left = Lines, right = -1;
        for (int j = 0; j < Lines; j++)
            for (int i = 0; i < Samples; i++)
                if (mask.Data[j * Samples + i]) { top = Math.Min(top, i); bottom = Math.Max(bottom, i); left = Math.Min(left, j); right = Math.Max(right, j); }
        if (bottom < 0) return this with { Mask = mask };
        int dr = (int)Math.Ceiling(marginMm / AxialSpacingMm), dc = (int)Math.Ceiling(marginMm / LinePitchMm);
        int r0 = Math.Max(0, top - dr), r1 = Math.Min(Samples - 1, bottom + dr), c0 = Math.Max(0, left - dc), c1 = Math.Min(Lines - 1, right + dc);
        int rows = r1 - r0 + 1, cols = c1 - c0 + 1;
        var values = new double[rows * cols];
        var inside = new bool[rows * cols];
        for (int c = 0; c < cols; c++)
            for (int r = 0; r < rows; r++)
            {
                values[c * rows + r] = Values[(c0 + c) * Samples + r0 + r];
                inside[c * rows + r] = mask.Data[(c0 + c) * Samples + r0 + r];
            }
        var (lo, hi) = Limits(); // the full image's colour scale, so the zoom reads like the overview
        return this with
        {
            Values = values, Samples = rows, Lines = cols, Mask = new LesionMask(rows, cols, inside),
            Min = lo, Max = hi,
            DepthOffsetMm = DepthOffsetMm + r0 * AxialSpacingMm,
            LateralOffsetMm = (LateralOffsetMm ?? -WidthMm / 2) + c0 * LinePitchMm,
            Title = Title.Length > 0 ? Title + " (lesion zoom)" : "lesion zoom",
        };
    }

    private byte[] Raster(int w, int h)
    {
        var (lo, hi) = Limits();
        var values = BoxAverage(w, h);
        var rgb = new byte[w * h * 3];
        int SampleAt(int y) => Math.Min(Samples - 1, (int)((y + 0.5) * Samples / h));
        int LineAt(int x) => Math.Min(Lines - 1, (int)((x + 0.5) * Lines / w));
        bool Inside(int x, int y) => x >= 0 && y >= 0 && x < w && y < h && Mask!.Data[LineAt(x) * Samples + SampleAt(y)];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var (r, g, b) = ColormapTable.Colour(Colormap, (values[y * w + x] - lo) / (hi - lo));
                if (Mask is not null && Inside(x, y) && !(Inside(x - 1, y) && Inside(x + 1, y) && Inside(x, y - 1) && Inside(x, y + 1)))
                    (r, g, b) = (255, 40, 40);
                int o = (y * w + x) * 3;
                rgb[o] = r;
                rgb[o + 1] = g;
                rgb[o + 2] = b;
            }
        return rgb;
    }

    /// <summary>
    /// The image on a <paramref name="w"/> x <paramref name="h"/> raster (row-major): each display pixel is the mean of
    /// the finite map pixels it covers (a box filter, so a 2000-sample column shown in 300 pixels averages about 7
    /// samples instead of keeping every 7th, which would alias speckle), or the nearest map pixel when enlarging.
    /// </summary>
    internal double[] BoxAverage(int w, int h)
    {
        var sum = new double[w * h];
        var count = new int[w * h];
        for (int j = 0; j < Lines; j++)
        {
            int x = Math.Min(w - 1, (int)((long)j * w / Lines));
            for (int i = 0; i < Samples; i++)
            {
                double v = Values[(long)j * Samples + i];
                if (!double.IsFinite(v)) continue;
                int k = Math.Min(h - 1, (int)((long)i * h / Samples)) * w + x;
                sum[k] += v;
                count[k]++;
            }
        }
        var result = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int k = y * w + x;
                if (count[k] > 0) { result[k] = sum[k] / count[k]; continue; }
                // Enlarged (or an all-NaN block): the map pixel under the display pixel's centre.
                int i = Math.Min(Samples - 1, (int)((y + 0.5) * Samples / h)), j = Math.Min(Lines - 1, (int)((x + 0.5) * Lines / w));
                result[k] = Values[(long)j * Samples + i];
            }
        return result;
    }

    /// <summary>Round tick positions between <paramref name="from"/> and <paramref name="to"/> (at most about 9).</summary>
    internal static IEnumerable<double> Ticks(double from, double to)
    {
        double span = to - from;
        if (!(span > 0)) yield break;
        double raw = span / 8, mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        for (double t = Math.Ceiling(from / step) * step; t <= to + 1e-9 * span; t += step)
            yield return Math.Abs(t) < 1e-12 * span ? 0 : t;
    }

    internal static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return 0;
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * (sorted.Length - 1)))];
    }

    private static string Number(double v) => v.ToString(Math.Abs(v) >= 1e4 || (Math.Abs(v) < 1e-2 && v != 0) ? "0.##e0" : "0.###", Inv);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
