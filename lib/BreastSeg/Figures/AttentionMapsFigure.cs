using Plotly.NET;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Figures;

/// <summary>The attention coefficients of one gate for one case.</summary>
/// <param name="Gate">Gate name, coarsest last or as the model names them ("gate 1 (64x64)").</param>
/// <param name="Coefficients">Attention coefficients (0..1) on a grid covering the input (<see cref="ImageGeometry.Resampled"/>).</param>
public sealed record AttentionGateMap(string Gate, MmImage Coefficients);

/// <summary>A case with its model input and the attention gates' maps.</summary>
/// <param name="CaseId">Case name.</param>
/// <param name="Input">The image the model saw.</param>
/// <param name="InputTitle">Its name and unit for the colour bar ("B-mode (dB)", "Entropy (bits)").</param>
/// <param name="Gates">Attention maps of the gates.</param>
/// <param name="GroundTruth">Lesion mask to outline, or null.</param>
public sealed record AttentionCase(string CaseId, MmImage Input, string InputTitle, IReadOnlyList<AttentionGateMap> Gates, MmMask? GroundTruth = null);

/// <summary>Attention gate maps: for each case, the input image and each gate's coefficients, ground truth outlined.</summary>
public static class AttentionMapsFigure
{
    /// <summary>One row per case: input (grey) then one panel per gate (coefficients 0..1).</summary>
    public static GenericChart Create(IReadOnlyList<AttentionCase> cases, string model = "")
    {
        if (cases.Count == 0) throw new ArgumentException("no cases to show", nameof(cases));
        int columns = 1 + cases.Max(c => c.Gates.Count);
        var panels = new ImagePanels(cases.Count, columns);
        var traces = new List<Trace>();
        var layout = new List<(string, object?)>();
        var annotations = new List<object>();
        var inputRange = MmImage.CommonRange(cases.Select(c => c.Input));
        for (int row = 0; row < cases.Count; row++)
        {
            var c = cases[row];
            annotations.Add(panels.RowTitle(row, $"<b>{c.CaseId}</b>"));
            for (int col = 0; col < 1 + c.Gates.Count; col++)
            {
                int k = panels.AxisIndex(row, col);
                var image = col == 0 ? c.Input : c.Gates[col - 1].Coefficients;
                traces.Add(col == 0
                    ? ImagePanels.Heatmap(image, k, "coloraxis", "input", "")
                    : ImagePanels.Heatmap(image, k, "coloraxis2", "attention", ""));
                if (c.GroundTruth is not null)
                    traces.Add(ImagePanels.Outline(c.GroundTruth, k, "ground truth", col == 0 ? FigureStyle.GroundTruthColor : "#00FFFF", "solid", row == 0 && col == 0, 1.8));
                layout.AddRange(panels.Axes(row, col, image.Geometry));
                annotations.Add(panels.PanelTitle(row, col, col == 0 ? "Input" : c.Gates[col - 1].Gate));
            }
        }
        layout.Add(("coloraxis", panels.ColorAxis(0, FigureStyle.BModeColorscale, inputRange.Min, inputRange.Max, cases[0].InputTitle)));
        layout.Add(("coloraxis2", panels.ColorAxis(columns - 1, FigureStyle.AttentionColorscale, 0, 1, "Attention coefficient")));
        layout.Add(("annotations", annotations.ToArray()));
        layout.Add(("title", Title($"Attention gate maps{(model.Length > 0 ? " of the " + model + " model" : "")}")));
        layout.Add(("legend", ImagePanels.Legend(-40.0 / (110 + 330 * cases.Count))));
        layout.Add(("width", 330 * columns + 40));
        layout.Add(("height", 110 + 330 * cases.Count));
        layout.Add(("margin", Obj(("l", 70), ("r", 30), ("t", 90), ("b", 90))));
        return Chart(traces, layout.ToArray());
    }
}
