using DynamicObj;
using Plotly.NET;

namespace BreastSeg.Figures;

/// <summary>
/// Builds Plotly.NET charts from plain plotly.js attribute names. The typed Plotly.NET API takes F# options on every
/// argument, which is unreadable from C#; setting the attributes plotly.js documents keeps the figure code close to
/// the plotly.js reference and still yields a <see cref="GenericChart"/> that notebooks display and export.
/// </summary>
internal static class PlotlyBuilder
{
    /// <summary>An attribute object; null values are left out so plotly.js applies its default.</summary>
    public static DynamicObj.DynamicObj Obj(params (string Name, object? Value)[] attributes)
    {
        var o = new DynamicObj.DynamicObj();
        Set(o, attributes);
        return o;
    }

    /// <summary>A trace of plotly.js type <paramref name="type"/> ("heatmap", "scatter", "box").</summary>
    public static Trace Trace(string type, params (string Name, object? Value)[] attributes)
    {
        var t = new Trace2D(type);
        Set(t, attributes);
        return t;
    }

    /// <summary>A chart of the traces with the layout attributes; fonts and axes styled for print.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, params (string Name, object? Value)[] layout)
    {
        var l = new Layout();
        Set(l, [
            ("font", Obj(("family", FigureStyle.FontFamily), ("size", FigureStyle.FontSize), ("color", "#222222"))),
            ("paper_bgcolor", "white"),
            ("plot_bgcolor", "white"),
            ("margin", Obj(("l", 70), ("r", 30), ("t", 70), ("b", 60))),
        ]);
        Set(l, layout);
        var chart = GenericChart.ofTraceObjects(false, traces.ToList());
        return GenericChart.setLayout(l, chart);
    }

    /// <summary>A print-style axis: a frame line, outside ticks, a light grid, the title with its unit.</summary>
    public static DynamicObj.DynamicObj Axis(string title, params (string Name, object? Value)[] extra)
    {
        var axis = Obj(
            ("title", Obj(("text", title))),
            ("showline", true), ("linecolor", "#444444"), ("mirror", true),
            ("ticks", "outside"), ("tickcolor", "#444444"),
            ("showgrid", true), ("gridcolor", "#E5E5E5"), ("zeroline", false));
        Set(axis, extra);
        return axis;
    }

    /// <summary>A plotly.js title object, left-aligned over the plot as in journals.</summary>
    public static DynamicObj.DynamicObj Title(string text) =>
        Obj(("text", text), ("x", 0.01), ("xanchor", "left"), ("font", Obj(("size", FigureStyle.TitleSize))));

    /// <summary>An annotation placed in paper coordinates (0..1 across the whole figure).</summary>
    public static DynamicObj.DynamicObj PaperText(string text, double x, double y, string xanchor = "center", string yanchor = "bottom", int? size = null) =>
        Obj(("text", text), ("x", x), ("y", y), ("xref", "paper"), ("yref", "paper"), ("xanchor", xanchor),
            ("yanchor", yanchor), ("showarrow", false), ("font", size is null ? null : Obj(("size", size))));

    /// <summary>"x", "x2", ... as plotly.js names subplot axes in trace references.</summary>
    public static string AxisRef(char axis, int index) => index == 1 ? $"{axis}" : $"{axis}{index}";

    /// <summary>"xaxis", "xaxis2", ... as plotly.js names subplot axes in the layout.</summary>
    public static string AxisKey(char axis, int index) => index == 1 ? $"{axis}axis" : $"{axis}axis{index}";

    private static void Set(DynamicObj.DynamicObj target, (string Name, object? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
            if (value is not null) target.SetProperty(name, value);
    }
}
