using Plotly.NET;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Figures;

/// <summary>Per-mass Dice of one model on the test masses.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Dice">Dice of each test mass (0..1; the mean of its views' Dice).</param>
/// <param name="StudyCounterpart">The study's model this one reproduces ("B-mode", "entropy"), or null for models beyond the study.</param>
/// <param name="CaseIds">Hover text per mass (name, and each view's Dice), in the order of <paramref name="Dice"/>, or null.</param>
public sealed record ModelDice(string Model, IReadOnlyList<double> Dice, string? StudyCounterpart = null, IReadOnlyList<string>? CaseIds = null);

/// <summary>Dice distributions per model: box plots with every test mass as a point (its views averaged), and the
/// study's mean and median marked as the study's.</summary>
public static class DiceDistributionFigure
{
    /// <summary>
    /// Box (quartiles, median line, dashed mean) and all masses as jittered points per model; where a model has a study
    /// counterpart, the study's reported mean (diamond) and median (bar) are drawn beside it, labelled as the study's.
    /// </summary>
    public static GenericChart Create(IReadOnlyList<ModelDice> models, StudyResults? study = null, string dataLabel = "this run")
    {
        if (models.Count == 0) throw new ArgumentException("no models to show", nameof(models));
        var traces = new List<Trace>();
        bool meanShown = false, medianShown = false;
        for (int m = 0; m < models.Count; m++)
        {
            var md = models[m];
            string category = Category(md);
            string color = FigureStyle.ModelColor(m);
            traces.Add(Trace("box",
                ("name", md.Model), ("x", Enumerable.Repeat(category, md.Dice.Count).ToArray()), ("y", md.Dice.ToArray()),
                ("boxpoints", "all"), ("jitter", 0.45), ("pointpos", 0), ("boxmean", true),
                ("text", md.CaseIds?.ToArray()),
                ("hovertemplate", "%{text}<br>Dice %{y:.3f}<extra>" + md.Model + "</extra>"),
                ("marker", Obj(("color", color), ("size", 6), ("opacity", 0.75), ("line", Obj(("color", "#333333"), ("width", 0.5))))),
                ("line", Obj(("color", color), ("width", 2))),
                ("fillcolor", Translucent(color)),
                ("showlegend", false)));

            var reported = study?.For(md.StudyCounterpart);
            if (reported is null) continue;
            string hover = $"{StudyResults.Label}<br>{study!.Citation}, {reported.Model}, {reported.TestCases} test masses";
            traces.Add(Trace("scatter",
                ("name", $"{StudyResults.Label}: mean"), ("legendgroup", "study-mean"), ("showlegend", !meanShown),
                ("x", new[] { category }), ("y", new[] { reported.MeanDice }), ("mode", "markers"),
                ("marker", Obj(("symbol", "diamond"), ("size", 14), ("color", FigureStyle.StudyColor), ("line", Obj(("color", "white"), ("width", 1.5))))),
                ("hovertemplate", $"{hover}<br>mean Dice %{{y:.2f}}<extra></extra>")));
            traces.Add(Trace("scatter",
                ("name", $"{StudyResults.Label}: median"), ("legendgroup", "study-median"), ("showlegend", !medianShown),
                ("x", new[] { category }), ("y", new[] { reported.MedianDice }), ("mode", "markers"),
                ("marker", Obj(("symbol", "line-ew-open"), ("size", 46), ("color", FigureStyle.StudyColor), ("line", Obj(("color", FigureStyle.StudyColor), ("width", 3))))),
                ("hovertemplate", $"{hover}<br>median Dice %{{y:.2f}}<extra></extra>")));
            meanShown = medianShown = true;
        }

        var annotations = new List<object>();
        if (meanShown)
            annotations.Add(PaperText(
                $"Black markers: numbers reported by {study!.Citation}<br>on its own {study.Models.Max(s => s.TestCases)} test masses of patient data, not on the masses shown here.",
                0, -0.2, xanchor: "left", yanchor: "top", size: 12));
        return Chart(traces,
            ("title", Title($"Dice per test mass, views averaged ({dataLabel})")),
            ("xaxis", Axis("Model (input)", ("showgrid", false), ("type", "category"))),
            ("yaxis", Axis("Dice coefficient", ("range", new[] { 0.0, 1.02 }), ("dtick", 0.1))),
            ("legend", Obj(("orientation", "h"), ("x", 1), ("xanchor", "right"), ("y", 1.02), ("yanchor", "bottom"))),
            ("annotations", annotations.ToArray()),
            ("width", Math.Max(640, 200 + 190 * models.Count)),
            ("height", 600),
            ("margin", Obj(("l", 70), ("r", 30), ("t", 90), ("b", 130))));
    }

    /// <summary>The x-axis category of a model: its name and its number of masses.</summary>
    public static string Category(ModelDice model) => $"{model.Model}<br>(n = {model.Dice.Count} masses)";

    private static string Translucent(string hex)
    {
        int rgb = Convert.ToInt32(hex.TrimStart('#'), 16);
        return $"rgba({(rgb >> 16) & 255},{(rgb >> 8) & 255},{rgb & 255},0.25)";
    }
}
