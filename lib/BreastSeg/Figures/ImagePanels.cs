using DynamicObj;
using Plotly.NET;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Figures;

/// <summary>
/// A grid of image panels on mm axes (rows top to bottom), each with its own axes so every panel keeps its true
/// depth/lateral aspect ratio, and room right of each column for that column's colour bar.
/// </summary>
internal sealed class ImagePanels(int rows, int columns)
{
    private const double ColorbarSpace = 0.085;
    private const double RowGap = 0.17;

    public int Rows { get; } = rows;
    public int Columns { get; } = columns;

    /// <summary>1-based plotly.js axis number of panel (row, column).</summary>
    public int AxisIndex(int row, int column) => row * Columns + column + 1;

    public (double From, double To) XDomain(int column)
    {
        double w = 1.0 / Columns;
        return (column * w + 0.01, (column + 1) * w - ColorbarSpace);
    }

    public (double From, double To) YDomain(int row)
    {
        double h = 1.0 / Rows;
        double top = 1 - row * h;
        return (top - h + RowGap * h * 0.5, top - RowGap * h * 0.5 - 0.03 / Rows);
    }

    /// <summary>Layout entries for panel (row, column): mm axes over the grid's extent, depth increasing downwards.</summary>
    public IEnumerable<(string, object?)> Axes(int row, int column, ImageGeometry g)
    {
        int k = AxisIndex(row, column);
        var (left, right) = g.LateralExtentMm;
        var (top, bottom) = g.DepthExtentMm;
        var x = XDomain(column);
        var y = YDomain(row);
        yield return (AxisKey('x', k), Axis(row == Rows - 1 ? "Lateral (mm)" : "",
            ("domain", new[] { x.From, x.To }), ("range", new[] { left, right }), ("anchor", AxisRef('y', k)),
            ("constrain", "domain"), ("showgrid", false)));
        yield return (AxisKey('y', k), Axis(column == 0 ? "Depth (mm)" : "",
            ("domain", new[] { y.From, y.To }), ("range", new[] { bottom, top }), ("anchor", AxisRef('x', k)),
            ("scaleanchor", AxisRef('x', k)), ("scaleratio", 1), ("constrain", "domain"), ("showgrid", false)));
    }

    /// <summary>Panel title centred above panel (row, column).</summary>
    public DynamicObj.DynamicObj PanelTitle(int row, int column, string text)
    {
        var x = XDomain(column);
        return PaperText(text, (x.From + x.To) / 2, YDomain(row).To + 0.005, size: FigureStyle.FontSize);
    }

    /// <summary>Row title, left-aligned above the row's panel titles.</summary>
    public DynamicObj.DynamicObj RowTitle(int row, string text)
    {
        var title = PaperText(text, 0, YDomain(row).To + 0.045 / Rows + 0.01, xanchor: "left", size: FigureStyle.FontSize + 1);
        // Drawn over a colour bar it may cross, on white so both stay readable.
        title.SetProperty("bgcolor", "white");
        return title;
    }

    /// <summary>A colour axis whose bar stands right of <paramref name="column"/>.</summary>
    public DynamicObj.DynamicObj ColorAxis(int column, object colorscale, double min, double max, string title, bool reverse = false) =>
        Obj(("colorscale", colorscale), ("cmin", min), ("cmax", max), ("reversescale", reverse ? true : null),
            ("colorbar", Obj(("title", Obj(("text", title), ("side", "right"))), ("x", XDomain(column).To + 0.01),
                ("xanchor", "left"), ("thickness", 14), ("len", 0.9), ("y", 0.5), ("outlinewidth", 1))));

    /// <summary>A heatmap of <paramref name="image"/> on panel <paramref name="axisIndex"/>, coloured by a shared colour axis.</summary>
    public static Trace Heatmap(MmImage image, int axisIndex, string colorAxis, string name, string unit, int maxRows = 360, int maxColumns = 360)
    {
        var shown = image.ForDisplay(maxRows, maxColumns);
        var g = shown.Geometry;
        return Trace("heatmap",
            ("name", name),
            ("z", shown.RowsForPlotly()),
            ("x", Enumerable.Range(0, g.Lines).Select(j => Math.Round(g.LateralMm(j), 4)).ToArray()),
            ("y", Enumerable.Range(0, g.Samples).Select(i => Math.Round(g.DepthMm(i), 4)).ToArray()),
            ("coloraxis", colorAxis),
            ("zsmooth", false),
            ("xaxis", AxisRef('x', axisIndex)), ("yaxis", AxisRef('y', axisIndex)),
            ("hovertemplate", $"lateral %{{x:.2f}} mm<br>depth %{{y:.2f}} mm<br>{name} %{{z:.3g}} {unit}<extra></extra>"));
    }

    /// <summary>The outlines of <paramref name="mask"/> as one line trace (outlines separated by gaps).</summary>
    public static Trace Outline(MmMask mask, int axisIndex, string name, string color, string dash, bool showLegend, double width = 2.2)
    {
        var x = new List<double?>();
        var y = new List<double?>();
        foreach (var contour in mask.ContoursMm())
        {
            if (x.Count > 0) { x.Add(null); y.Add(null); }
            x.AddRange(contour.LateralMm.Select(v => (double?)Math.Round(v, 4)));
            y.AddRange(contour.DepthMm.Select(v => (double?)Math.Round(v, 4)));
        }
        return Trace("scatter",
            ("name", name), ("legendgroup", name), ("showlegend", showLegend),
            ("mode", "lines"), ("x", x.ToArray()), ("y", y.ToArray()),
            ("line", Obj(("color", color), ("width", width), ("dash", dash))),
            ("xaxis", AxisRef('x', axisIndex)), ("yaxis", AxisRef('y', axisIndex)),
            ("hoverinfo", "name"));
    }

    /// <summary>A horizontal legend below the panels, on grey so white outlines show.</summary>
    public static DynamicObj.DynamicObj Legend(double y) =>
        Obj(("orientation", "h"), ("x", 0), ("xanchor", "left"), ("y", y), ("yanchor", "top"),
            ("bgcolor", FigureStyle.LegendBackground), ("bordercolor", "#888888"), ("borderwidth", 1));

    /// <summary>Line style of the model at position <paramref name="index"/> (dashes tell models apart in greyscale print).</summary>
    public static string ModelDash(int index) => (index % 3) switch { 0 => "dash", 1 => "dot", _ => "dashdot" };
}
