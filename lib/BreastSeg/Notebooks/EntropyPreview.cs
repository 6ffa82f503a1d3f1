using System.Diagnostics;
using System.Globalization;
using BreastSeg.Figures;
using BreastSeg.Maps;
using BreastSeg.Rf;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Notebooks;

/// <summary>One parameter setting of an <see cref="EntropyPreview"/>: the map, the histogram of one window, the figure and what it cost.</summary>
/// <param name="Parameters">The entropy parameters.</param>
/// <param name="Stride">The preview stride used (1 = every pixel).</param>
/// <param name="Map">The entropy map (bits, column-major samples x lines).</param>
/// <param name="Histogram">The histogram of the marked window.</param>
/// <param name="Chart">The map beside the histogram.</param>
/// <param name="MapTime">Time to compute the map.</param>
/// <param name="FigureTime">Time to build the figure and its HTML (what the notebook sends).</param>
public sealed record EntropyPreviewResult(NotebookParameters Parameters, int Stride, double[] Map, WindowHistogram Histogram, NotebookChart Chart,
    TimeSpan MapTime, TimeSpan FigureTime)
{
    /// <summary>CPU time of the process over map and figure (all threads; the map runs on every core).</summary>
    public TimeSpan CpuTime { get; init; }

    /// <summary>Map plus figure time: the latency of a parameter change, before the browser draws.</summary>
    public TimeSpan Latency => MapTime + FigureTime;

    /// <summary>One line with the parameters and the latency.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Parameters}, stride {Stride}: map {MapTime.TotalMilliseconds:0} ms + figure {FigureTime.TotalMilliseconds:0} ms = {Latency.TotalMilliseconds:0} ms (CPU {CpuTime.TotalMilliseconds:0} ms); H of the marked window {Histogram.EntropyBits:0.000} bits");
}

/// <summary>
/// Entropy maps of one view, recomputed quickly for interactive parameter changes: the envelope is detected once, each
/// <see cref="Show"/> computes only the entropy map (at a preview stride when asked) and draws it beside the histogram of
/// one window. Keep the object in a cell of its own and call Show from the parameter cell.
/// </summary>
public sealed class EntropyPreview
{
    /// <summary>Detects the envelope of <paramref name="view"/> once.</summary>
    /// <param name="view">The frame and its lesion mask.</param>
    /// <param name="label">Name of the view in titles ("case 3, view 1").</param>
    public EntropyPreview(RfView view, string label)
    {
        View = view;
        Label = label;
        Envelope = Maps.Envelope.Compute(view.Frame);
        Geometry = ImageGeometry.Of(view.Frame);
        (CentreSample, CentreLine) = Centre(view.Mask, view.Frame);
        _outline = ImagePanels.Outline(MmMask.Of(view.Mask, Geometry), 1, "lesion (ground truth)", FigureStyle.GroundTruthColor, "solid", true, 2);
        // The kernel's first Plotly figure compiles Plotly.NET's serialisers (about a second); paid here, in the data
        // cell, so a parameter change costs only the map and its figure.
        _ = Show(NotebookParameters.Defaults, stride: 4);
    }

    /// <summary>Rows and columns the map is box-averaged to at most for display.</summary>
    public const int DisplaySize = 240;

    // The outline does not change with the parameters: traced once, not on every redraw.
    private readonly Plotly.NET.Trace _outline;

    /// <summary>The view.</summary>
    public RfView View { get; }

    /// <summary>Name used in titles.</summary>
    public string Label { get; }

    /// <summary>The envelope (column-major samples x lines).</summary>
    public double[] Envelope { get; }

    /// <summary>The frame's mm grid.</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>Depth sample of the default histogram window: the lesion's centroid (the frame's centre without a lesion).</summary>
    public int CentreSample { get; }

    /// <summary>Scan line of the default histogram window.</summary>
    public int CentreLine { get; }

    /// <summary>
    /// The entropy map for <paramref name="parameters"/> at <paramref name="stride"/> (1: every pixel; 2-4 make a preview
    /// several times faster, evaluated pixels exact, the rest interpolated), beside the histogram of the window at
    /// (<paramref name="sample"/>, <paramref name="line"/>), default the lesion's centre.
    /// </summary>
    public EntropyPreviewResult Show(NotebookParameters parameters, int stride = 1, int? sample = null, int? line = null)
    {
        var frame = View.Frame;
        var options = parameters.MapOptions() with { Stride = stride };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var map = ParametricMaps.FromEnvelope(Envelope, frame.Samples, frame.Lines, frame.Acquisition, options, MapKind.Entropy).Entropy!;
        var mapTime = clock.Elapsed;
        clock.Restart();
        var window = options.EntropyWindow(frame.Acquisition, frame.Lines);
        var histogram = WindowHistogram.Of(Envelope, frame.Samples, frame.Lines, window, parameters.Bins, parameters.Normalization,
            sample ?? CentreSample, line ?? CentreLine);
        var chart = new NotebookChart(Figure(parameters, stride, map, histogram));
        _ = chart.ToHtml(); // what the formatter does once more: counted so the latency includes it
        var figureTime = clock.Elapsed;
        return new EntropyPreviewResult(parameters, stride, map, histogram, chart, mapTime, figureTime)
        {
            CpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu,
        };
    }

    private Plotly.NET.GenericChart Figure(NotebookParameters parameters, int stride, double[] map, WindowHistogram histogram)
    {
        var panels = new ImagePanels(1, 2);
        // Box-averaged once; the colour limits are percentiles of what is shown.
        var image = new MmImage(Geometry, map).ForDisplay(DisplaySize, DisplaySize);
        var (lo, hi) = PercentileRange(image.Values, 0.01, 0.99);
        var traces = new List<Plotly.NET.Trace> { ImagePanels.Heatmap(image, 1, "coloraxis", "entropy", "bits", DisplaySize, DisplaySize), _outline };
        var w = histogram.Window;
        double x0 = Geometry.LateralMm(histogram.Line - w.Left - 0.5), x1 = Geometry.LateralMm(histogram.Line + w.Right + 0.5);
        double y0 = Geometry.DepthMm(histogram.Sample - w.Above - 0.5), y1 = Geometry.DepthMm(histogram.Sample + w.Below + 0.5);
        traces.Add(Trace("scatter", ("name", $"histogram window ({w.Samples} x {w.Lines} px)"), ("mode", "lines+markers"),
            ("x", new[] { x0, x1, x1, x0, x0 }), ("y", new[] { y0, y0, y1, y1, y0 }),
            ("line", Obj(("color", "#FF2020"), ("width", 2))), ("marker", Obj(("size", 3))), ("xaxis", "x"), ("yaxis", "y")));
        var inv = CultureInfo.InvariantCulture;
        traces.Add(Trace("bar", ("name", "window histogram"), ("showlegend", false),
            ("x", histogram.BinLow.Select(b => Math.Round(b + histogram.BinWidth / 2, 6)).ToArray()), ("y", histogram.Counts),
            ("width", histogram.BinWidth > 0 ? histogram.BinWidth * 0.95 : null),
            ("marker", Obj(("color", "#3B528B"))), ("xaxis", "x2"), ("yaxis", "y2"),
            ("hovertemplate", "envelope %{x:.3g}<br>%{y} values<extra></extra>")));
        var layout = panels.Axes(0, 0, Geometry).ToList();
        layout.Add(("coloraxis", panels.ColorAxis(0, FigureStyle.EntropyColorscale, lo, hi, "Entropy (bits)")));
        layout.Add(("xaxis2", Axis("Envelope amplitude (RF units)", ("domain", new[] { 0.58, 1.0 }), ("anchor", "y2"))));
        layout.Add(("yaxis2", Axis("Values in the window", ("domain", new[] { 0.18, 0.92 }), ("anchor", "x2"))));
        layout.Add(("title", Title(string.Format(inv, "{0}: entropy map, {1}{2}", Label, parameters, stride > 1 ? $", preview stride {stride}" : ""))));
        layout.Add(("annotations", new object[]
        {
            PaperText(string.Format(inv, "Histogram of the marked window: {0} values, {1} bins<br>({2}), H = {3:0.000} bits",
                histogram.Counts.Sum(), histogram.Counts.Length, parameters.Normalization == EntropyNormalization.Window ? "spanning the window's range" : "spanning the frame's range",
                histogram.EntropyBits), 0.79, 0.93, size: FigureStyle.FontSize - 1),
            PaperText("colour limits: 1st-99th percentile", 0.2, -0.16, size: FigureStyle.FontSize - 2),
        }));
        layout.Add(("legend", ImagePanels.Legend(-0.2)));
        layout.Add(("width", 1000));
        layout.Add(("height", 560));
        layout.Add(("margin", Obj(("l", 70), ("r", 30), ("t", 70), ("b", 120))));
        return Chart(traces, layout.ToArray());
    }

    /// <summary>The <paramref name="low"/> and <paramref name="high"/> percentiles of the finite values (colour limits that outliers do not stretch).</summary>
    public static (double Low, double High) PercentileRange(double[] values, double low, double high)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return (0, 1);
        double At(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * (sorted.Length - 1)))];
        double a = At(low), b = At(high);
        return b > a ? (a, b) : (a, a + 1);
    }

    private static (int Sample, int Line) Centre(LesionMask mask, RfFrame frame)
    {
        long si = 0, sj = 0, n = 0;
        for (int j = 0; j < mask.Lines; j++)
            for (int i = 0; i < mask.Samples; i++)
                if (mask.Data[j * mask.Samples + i]) { si += i; sj += j; n++; }
        return n == 0 ? (frame.Samples / 2, frame.Lines / 2) : ((int)(si / n), (int)(sj / n));
    }
}
