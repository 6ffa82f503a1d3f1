using System.Globalization;
using Plotly.NET;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Figures;

/// <summary>Lesion/background separability of entropy maps made with one window size and bin count.</summary>
/// <param name="Window">Window side, in the unit the figure's axis title states (mm or pulse lengths).</param>
/// <param name="Bins">Histogram bin count.</param>
/// <param name="Separability">Separability measure (for example CNR), averaged over cases.</param>
/// <param name="Spread">Spread over cases (standard deviation), drawn as error bars when given.</param>
public sealed record SweepPoint(double Window, int Bins, double Separability, double? Spread = null);

/// <summary>An entropy map of one case made with one window size, for the slider figure.</summary>
/// <param name="Window">Window side (same unit as the figure's label).</param>
/// <param name="Map">Entropy map (bits).</param>
public sealed record WindowMap(double Window, MmImage Map);

/// <summary>Entropy window sweep: how well lesion and background separate as window size and bin count change.</summary>
public static class EntropySweepFigure
{
    /// <summary>Separability against window size, one line per bin count.</summary>
    public static GenericChart Lines(IReadOnlyList<SweepPoint> points, string windowTitle = "Window side (mm)", string separabilityTitle = "Lesion/background CNR")
    {
        if (points.Count == 0) throw new ArgumentException("no sweep points to show", nameof(points));
        var bins = points.Select(p => p.Bins).Distinct().Order().ToList();
        var traces = bins.Select((b, i) =>
        {
            var line = points.Where(p => p.Bins == b).OrderBy(p => p.Window).ToList();
            bool spread = line.Any(p => p.Spread is not null);
            return Trace("scatter",
                ("name", $"{b} bins"), ("mode", "lines+markers"),
                ("x", line.Select(p => p.Window).ToArray()), ("y", line.Select(p => p.Separability).ToArray()),
                ("error_y", spread ? Obj(("type", "data"), ("array", line.Select(p => p.Spread ?? 0).ToArray()), ("visible", true), ("thickness", 1)) : null),
                ("line", Obj(("color", FigureStyle.ModelColor(i)), ("width", 2))),
                ("marker", Obj(("size", 7))),
                ("hovertemplate", $"{b} bins<br>window %{{x}}<br>{separabilityTitle} %{{y:.3f}}<extra></extra>"));
        });
        return Chart(traces,
            ("title", Title("Entropy window sweep: lesion/background separability")),
            ("xaxis", Axis(windowTitle)),
            ("yaxis", Axis(separabilityTitle)),
            ("legend", Obj(("title", Obj(("text", "Histogram"))))),
            ("width", 900), ("height", 560));
    }

    /// <summary>Separability as a heatmap over window size (x) and bin count (y).</summary>
    public static GenericChart Heatmap(IReadOnlyList<SweepPoint> points, string windowTitle = "Window side (mm)", string separabilityTitle = "Lesion/background CNR")
    {
        if (points.Count == 0) throw new ArgumentException("no sweep points to show", nameof(points));
        var windows = points.Select(p => p.Window).Distinct().Order().ToList();
        var bins = points.Select(p => p.Bins).Distinct().Order().ToList();
        var z = bins.Select(b => windows.Select(w => points.Where(p => p.Bins == b && p.Window == w).Select(p => (double?)p.Separability).FirstOrDefault()).ToArray()).ToArray();
        var trace = Trace("heatmap",
            // Categories keep unevenly spaced windows and bin counts as equal cells.
            ("x", windows.Select(w => w.ToString("G4", CultureInfo.InvariantCulture)).ToArray()),
            ("y", bins.Select(b => b.ToString(CultureInfo.InvariantCulture)).ToArray()),
            ("z", z), ("colorscale", "Viridis"),
            ("colorbar", Obj(("title", Obj(("text", separabilityTitle), ("side", "right"))))),
            ("texttemplate", "%{z:.2f}"),
            ("hovertemplate", $"window %{{x}}<br>%{{y}} bins<br>{separabilityTitle} %{{z:.3f}}<extra></extra>"));
        return Chart([trace],
            ("title", Title("Entropy window sweep: separability by window size and bin count")),
            ("xaxis", Axis(windowTitle, ("type", "category"), ("showgrid", false))),
            ("yaxis", Axis("Histogram bins", ("type", "category"), ("showgrid", false))),
            ("width", 900), ("height", 520));
    }

    /// <summary>
    /// One case's entropy map with a slider over window sizes (one heatmap per window, one visible at a time), the
    /// ground truth outlined; colours fixed across windows so changes in contrast are visible.
    /// </summary>
    public static GenericChart WindowSlider(IReadOnlyList<WindowMap> maps, MmMask? groundTruth = null, string windowUnit = "mm", string caseLabel = "")
    {
        if (maps.Count == 0) throw new ArgumentException("no maps to show", nameof(maps));
        var panels = new ImagePanels(1, 1);
        var ordered = maps.OrderBy(m => m.Window).ToList();
        var (min, max) = MmImage.CommonRange(ordered.Select(m => m.Map));

        var traces = new List<Trace>();
        for (int i = 0; i < ordered.Count; i++)
        {
            var t = ImagePanels.Heatmap(ordered[i].Map, 1, "coloraxis", "entropy", "bits");
            t.SetProperty("visible", i == 0);
            traces.Add(t);
        }
        if (groundTruth is not null)
            traces.Add(ImagePanels.Outline(groundTruth, 1, "ground truth", FigureStyle.GroundTruthColor, "solid", true, 2.6));

        var steps = ordered.Select((m, i) => Obj(
            ("method", "restyle"),
            ("label", m.Window.ToString("G4", CultureInfo.InvariantCulture)),
            ("args", new object[] { Obj(("visible", Enumerable.Range(0, traces.Count).Select(k => k == i || k >= ordered.Count).ToArray())) }))).ToArray();
        var layout = panels.Axes(0, 0, ordered[0].Map.Geometry).ToList();
        layout.Add(("coloraxis", panels.ColorAxis(0, FigureStyle.EntropyColorscale, min, max, "Entropy (bits)")));
        layout.Add(("sliders", new object[] { Obj(
            ("active", 0), ("steps", steps), ("pad", Obj(("t", 60))),
            ("currentvalue", Obj(("prefix", $"Window side ({windowUnit}): "), ("font", Obj(("size", 15)))))) }));
        layout.Add(("title", Title($"Entropy map{(caseLabel.Length > 0 ? " of " + caseLabel : "")} by window size")));
        layout.Add(("legend", ImagePanels.Legend(-0.02)));
        layout.Add(("width", 760));
        layout.Add(("height", 820));
        layout.Add(("margin", Obj(("l", 70), ("r", 30), ("t", 70), ("b", 170))));
        return Chart(traces, layout.ToArray());
    }
}
