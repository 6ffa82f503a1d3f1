using System.Globalization;
using BreastSeg.Figures;
using BreastSeg.Maps;
using BreastSeg.Rf;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Notebooks;

/// <summary>A frame to show in <see cref="EntropyMapsBeside"/>.</summary>
/// <param name="Label">Panel title ("a1.rf frame 0 (forearm, real)").</param>
/// <param name="Frame">The RF frame (its acquisition gives the mm grid and the pulse length).</param>
/// <param name="Mask">Lesion outline to draw, or null.</param>
/// <param name="Envelope">The frame's envelope when already detected (<see cref="EntropyPreview.Envelope"/>), or null.</param>
public sealed record LabelledFrame(string Label, RfFrame Frame, LesionMask? Mask = null, double[]? Envelope = null);

/// <summary>
/// Entropy maps of several frames computed with the same parameters, side by side on their own mm axes, each with its
/// own colour scale (its 1st-99th percentile: the grids differ, and so does the level of H, see below), so the texture
/// of a real scanner's frame and a simulated one can be compared; each panel's title gives the map's mean and standard
/// deviation (bits) over the whole frame and the window in pixels. The window is in pulse lengths, so it spans the same
/// depth on either grid, but a grid with fewer lines per mm puts fewer values in it, and H is at most log2 of that count.
/// </summary>
public static class EntropyMapsBeside
{
    /// <summary>Rows and columns each map is box-averaged to at most for display.</summary>
    public const int DisplaySize = 140;

    /// <summary>Computes every frame's entropy map with <paramref name="parameters"/> and builds the figure.</summary>
    public static NotebookChart Create(NotebookParameters parameters, IReadOnlyList<LabelledFrame> frames, string title)
    {
        if (frames.Count == 0) throw new ArgumentException("at least one frame is needed", nameof(frames));
        var panels = new ImagePanels(1, frames.Count);
        var options = parameters.MapOptions();
        var traces = new List<Plotly.NET.Trace>();
        var layout = new List<(string, object?)>();
        var annotations = new List<object>();
        var inv = CultureInfo.InvariantCulture;
        for (int k = 0; k < frames.Count; k++)
        {
            var (label, frame, mask, envelope) = frames[k];
            envelope ??= Maps.Envelope.Compute(frame);
            var map = ParametricMaps.FromEnvelope(envelope, frame.Samples, frame.Lines, frame.Acquisition, options, MapKind.Entropy).Entropy!;
            var geometry = ImageGeometry.Of(frame);
            var shown = new MmImage(geometry, map).ForDisplay(DisplaySize, DisplaySize);
            string colorAxis = k == 0 ? "coloraxis" : $"coloraxis{k + 1}";
            var (lo, hi) = EntropyPreview.PercentileRange(shown.Values, 0.01, 0.99);
            // Only the last bar carries the title: the others would run into the next panel.
            layout.Add((colorAxis, panels.ColorAxis(k, FigureStyle.EntropyColorscale, lo, hi, k == frames.Count - 1 ? "Entropy (bits)" : "")));
            traces.Add(ImagePanels.Heatmap(shown, panels.AxisIndex(0, k), colorAxis, "entropy", "bits", DisplaySize, DisplaySize));
            if (mask is not null)
                traces.Add(ImagePanels.Outline(MmMask.Of(mask, geometry), panels.AxisIndex(0, k), "lesion (ground truth)", FigureStyle.GroundTruthColor, "solid", true, 2));
            layout.AddRange(panels.Axes(0, k, geometry));
            var finite = map.Where(double.IsFinite).ToArray();
            double mean = finite.Average(), sd = Math.Sqrt(finite.Average(v => (v - mean) * (v - mean)));
            var window = options.EntropyWindow(frame.Acquisition, frame.Lines);
            annotations.Add(panels.PanelTitle(0, k, string.Format(inv, "{0}<br>H {1:0.00} ± {2:0.00} bits<br>window {3} x {4} px", label, mean, sd, window.Samples, window.Lines)));
        }
        layout.Add(("title", Title(string.Format(inv, "{0}: {1}", title, parameters))));
        layout.Add(("annotations", annotations.ToArray()));
        layout.Add(("legend", ImagePanels.Legend(-0.12)));
        layout.Add(("width", Math.Min(1000, 340 * frames.Count + 60)));
        layout.Add(("height", 620));
        layout.Add(("margin", Obj(("l", 70), ("r", 40), ("t", 140), ("b", 90))));
        return new NotebookChart(Chart(traces, layout.ToArray()));
    }
}
