using Plotly.NET;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Figures;

/// <summary>One model's segmentation of a case.</summary>
/// <param name="Model">Model name as in the results ("B-mode", "entropy", "B-mode + entropy").</param>
/// <param name="Mask">The predicted mask (at network size, on a grid covering the image: <see cref="ImageGeometry.Resampled"/>).</param>
/// <param name="Dice">The prediction's Dice against the ground truth, shown in the panel title when given.</param>
public sealed record ModelMask(string Model, MmMask Mask, double? Dice = null);

/// <summary>A test case to show: its images, its ground truth and every model's prediction.</summary>
/// <param name="Label">Why it was chosen ("good", "median", "poor").</param>
/// <param name="CaseId">Case name or index as in the per-case results.</param>
/// <param name="BModeDb">B-mode image (dB relative to the frame maximum, so at most 0).</param>
/// <param name="EntropyBits">Entropy map (bits).</param>
/// <param name="GroundTruth">The lesion mask drawn by the clinician (or the simulator's true lesion).</param>
/// <param name="Predictions">Each model's prediction.</param>
public sealed record ExampleCase(
    string Label, string CaseId, MmImage BModeDb, MmImage EntropyBits, MmMask GroundTruth, IReadOnlyList<ModelMask> Predictions);

/// <summary>Example cases: B-mode image and entropy map side by side, with the ground truth and predicted outlines.</summary>
public static class ExampleCasesFigure
{
    /// <summary>
    /// One row per case (B-mode left, entropy map right) on mm axes; B-mode shown over <paramref name="dynamicRangeDb"/>
    /// dB below the maximum; entropy over the range of all shown maps unless <paramref name="entropyRangeBits"/> is given.
    /// </summary>
    public static GenericChart Create(IReadOnlyList<ExampleCase> cases, double dynamicRangeDb = 50, (double Min, double Max)? entropyRangeBits = null)
    {
        if (cases.Count == 0) throw new ArgumentException("no cases to show", nameof(cases));
        var panels = new ImagePanels(cases.Count, 2);
        var traces = new List<Trace>();
        var layout = new List<(string, object?)>();
        var annotations = new List<object>();
        var models = cases.SelectMany(c => c.Predictions.Select(p => p.Model)).Distinct().ToList();
        var entropy = entropyRangeBits ?? MmImage.CommonRange(cases.Select(c => c.EntropyBits));

        for (int row = 0; row < cases.Count; row++)
        {
            var c = cases[row];
            string dice = string.Join(", ", c.Predictions.Where(p => p.Dice is not null).Select(p => $"{p.Model} {p.Dice:0.00}"));
            string caseTitle = $"<b>{Capitalise(c.Label)} case</b> ({c.CaseId}){(dice.Length > 0 ? $": Dice {dice}" : "")}";
            annotations.Add(panels.RowTitle(row, caseTitle));
            for (int col = 0; col < 2; col++)
            {
                int k = panels.AxisIndex(row, col);
                var image = col == 0 ? c.BModeDb : c.EntropyBits;
                traces.Add(col == 0
                    ? ImagePanels.Heatmap(image, k, "coloraxis", "B-mode", "dB")
                    : ImagePanels.Heatmap(image, k, "coloraxis2", "entropy", "bits"));
                traces.Add(ImagePanels.Outline(c.GroundTruth, k, "ground truth", FigureStyle.GroundTruthColor, "solid", row == 0 && col == 0, 2.6));
                foreach (var p in c.Predictions)
                {
                    int m = models.IndexOf(p.Model);
                    traces.Add(ImagePanels.Outline(p.Mask, k, p.Model + " model", FigureStyle.ModelColor(m), ImagePanels.ModelDash(m), row == 0 && col == 0));
                }
                layout.AddRange(panels.Axes(row, col, image.Geometry));
                annotations.Add(panels.PanelTitle(row, col, col == 0 ? "B-mode" : "Entropy map"));
            }
        }

        layout.Add(("coloraxis", panels.ColorAxis(0, FigureStyle.BModeColorscale, -dynamicRangeDb, 0, "B-mode (dB)")));
        layout.Add(("coloraxis2", panels.ColorAxis(1, FigureStyle.EntropyColorscale, entropy.Min, entropy.Max, "Entropy (bits)")));
        layout.Add(("annotations", annotations.ToArray()));
        layout.Add(("title", Title("Example test cases: ground truth and predicted lesion outlines")));
        layout.Add(("legend", ImagePanels.Legend(-60.0 / (130 + 440 * cases.Count))));
        layout.Add(("width", 1000));
        layout.Add(("height", 130 + 440 * cases.Count));
        layout.Add(("margin", Obj(("l", 70), ("r", 30), ("t", 90), ("b", 110))));
        return Chart(traces, layout.ToArray());
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
