using System.Globalization;
using BreastSeg.Figures;
using BreastSeg.Maps;
using BreastSeg.Rf;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Notebooks;

/// <summary>
/// One view's entropy map precomputed for every window x bins x normalisation, in one Plotly figure whose controls (a
/// window slider, a bins and a normalisation dropdown) pick the map shown. The controls act together: a few lines of
/// JavaScript after the draw (<see cref="NotebookChart.AfterPlot"/>) turn the three choices into the one visible map,
/// which plotly's own slider and button actions cannot express. Each map keeps its own 1st-99th percentile colour limits.
/// </summary>
public static class EntropyExplorer
{
    /// <summary>Rows and columns each map is box-averaged to at most (keeps the notebook small: about 75 kB per map as float32).</summary>
    public const int DisplaySize = 120;

    /// <summary>Computes every map of <paramref name="envelope"/> (the view's, detected once) and builds the figure.</summary>
    /// <param name="view">The frame and lesion mask.</param>
    /// <param name="envelope">Its envelope (<see cref="EntropyPreview.Envelope"/>).</param>
    /// <param name="windowsPulseLengths">Window sides (pulse lengths), the slider's steps.</param>
    /// <param name="bins">Bin counts, the first dropdown.</param>
    /// <param name="normalizations">Normalisations, the second dropdown.</param>
    /// <param name="label">Name of the view in the title.</param>
    public static NotebookChart Create(RfView view, double[] envelope, IReadOnlyList<double> windowsPulseLengths, IReadOnlyList<int> bins,
        IReadOnlyList<EntropyNormalization> normalizations, string label)
    {
        if (windowsPulseLengths.Count == 0 || bins.Count == 0 || normalizations.Count == 0)
            throw new ArgumentException("the explorer needs at least one window, one bin count and one normalisation");
        var frame = view.Frame;
        var geometry = ImageGeometry.Of(frame);
        var panels = new ImagePanels(1, 1);
        var inv = CultureInfo.InvariantCulture;
        var traces = new List<Plotly.NET.Trace>();
        // Trace order: normalisation, then bins, then window (index = (n * B + b) * W + w), as the script computes it.
        foreach (var normalization in normalizations)
            foreach (int b in bins)
                foreach (double w in windowsPulseLengths)
                {
                    var options = new MapOptions { Window = MapWindow.PulseLengths(w), Bins = b, Normalization = normalization };
                    var map = ParametricMaps.FromEnvelope(envelope, frame.Samples, frame.Lines, frame.Acquisition, options, MapKind.Entropy).Entropy!;
                    var shown = new MmImage(geometry, map).ForDisplay(DisplaySize, DisplaySize);
                    var (lo, hi) = EntropyPreview.PercentileRange(shown.Values, 0.01, 0.99);
                    var t = ImagePanels.Heatmap(shown, 1, "coloraxis", "entropy", "bits", DisplaySize, DisplaySize);
                    t.RemoveProperty("coloraxis");
                    t.SetProperty("colorscale", FigureStyle.EntropyColorscale);
                    t.SetProperty("zmin", Math.Round(lo, 3));
                    t.SetProperty("zmax", Math.Round(hi, 3));
                    t.SetProperty("colorbar", Obj(("title", Obj(("text", "Entropy (bits)"), ("side", "right"))), ("thickness", 14), ("len", 0.8)));
                    t.SetProperty("visible", traces.Count == 0);
                    t.SetProperty("name", string.Format(inv, "{0:G4} PL, {1} bins, {2}", w, b, Name(normalization)));
                    traces.Add(t);
                }
        int maps = traces.Count;
        traces.Add(ImagePanels.Outline(MmMask.Of(view.Mask, geometry), 1, "lesion (ground truth)", FigureStyle.GroundTruthColor, "solid", true, 2));

        var layout = panels.Axes(0, 0, geometry).ToList();
        layout.Add(("title", Title($"{label}: entropy map by window, bins and normalisation")));
        layout.Add(("sliders", new object[] { Obj(
            ("active", 0), ("pad", Obj(("t", 50))), ("len", 0.9),
            ("currentvalue", Obj(("prefix", "Window side (pulse lengths): "), ("font", Obj(("size", 14))))),
            ("steps", windowsPulseLengths.Select(w => Obj(("method", "skip"), ("label", w.ToString("G4", inv)), ("args", Array.Empty<object>()))).ToArray())) }));
        layout.Add(("updatemenus", new object[]
        {
            Menu("bins", bins.Select(b => $"{b} bins").ToArray(), 0.0),
            Menu("normalization", normalizations.Select(n => $"{Name(n)} normalisation").ToArray(), 0.3),
        }));
        layout.Add(("legend", ImagePanels.Legend(-0.32)));
        layout.Add(("width", 760));
        layout.Add(("height", 780));
        layout.Add(("margin", Obj(("l", 70), ("r", 30), ("t", 120), ("b", 200))));
        string script = string.Create(inv, $$"""
            var W = {{windowsPulseLengths.Count}}, B = {{bins.Count}}, N = {{maps}}, state = { w: 0, b: 0, n: 0 };
            function show() {
              var k = (state.n * B + state.b) * W + state.w, visible = [];
              for (var i = 0; i < N; i++) visible.push(i === k);
              visible.push(true);
              window.Plotly.restyle(gd, { visible: visible });
            }
            gd.on('plotly_sliderchange', function (e) {
              var i = e.slider.steps.indexOf(e.step);
              state.w = i >= 0 ? i : e.slider.active; show();
            });
            gd.on('plotly_buttonclicked', function (e) {
              var i = e.menu.buttons.indexOf(e.button);
              if (i < 0) i = e.active;
              if (e.menu.name === 'bins') state.b = i; else state.n = i;
              show();
            });
            """);
        return new NotebookChart(Chart(traces, layout.ToArray()), script);
    }

    private static DynamicObj.DynamicObj Menu(string name, string[] labels, double x) => Obj(
        ("name", name), ("type", "dropdown"), ("direction", "down"), ("active", 0), ("showactive", true),
        ("x", x), ("xanchor", "left"), ("y", 1.01), ("yanchor", "bottom"),
        ("buttons", labels.Select(l => Obj(("method", "skip"), ("label", l), ("args", Array.Empty<object>()))).ToArray()));

    private static string Name(EntropyNormalization n) => n.ToString().ToLowerInvariant();
}
