using Plotly.NET;
using static BreastSeg.Figures.PlotlyBuilder;

namespace BreastSeg.Figures;

/// <summary>Metrics after one training epoch.</summary>
/// <param name="Epoch">Epoch number (1-based).</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="ValidationLoss">Validation loss, or null.</param>
/// <param name="ValidationDice">Mean validation Dice (0..1), or null.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double? ValidationLoss = null, double? ValidationDice = null);

/// <summary>One model's training history.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Epochs">Metrics per epoch, in order.</param>
/// <param name="LossName">The loss, for the axis title ("Dice + BCE loss").</param>
public sealed record TrainingHistory(string Model, IReadOnlyList<EpochMetrics> Epochs, string LossName = "Loss");

/// <summary>Training curves: loss (training solid, validation dashed) and validation Dice per epoch for each model.</summary>
public static class TrainingCurvesFigure
{
    /// <summary>Loss on the left, validation Dice on the right, one colour per model.</summary>
    public static GenericChart Create(IReadOnlyList<TrainingHistory> histories)
    {
        if (histories.Count == 0) throw new ArgumentException("no training histories to show", nameof(histories));
        var traces = new List<Trace>();
        for (int m = 0; m < histories.Count; m++)
        {
            var h = histories[m];
            string color = FigureStyle.ModelColor(m);
            var epochs = h.Epochs.Select(e => e.Epoch).ToArray();
            traces.Add(Line(h.Model, $"{h.Model}: training", epochs, h.Epochs.Select(e => (double?)e.TrainLoss), color, "solid", "x", "y"));
            if (h.Epochs.Any(e => e.ValidationLoss is not null))
                traces.Add(Line(h.Model, $"{h.Model}: validation", epochs, h.Epochs.Select(e => e.ValidationLoss), color, "dash", "x", "y"));
            if (h.Epochs.Any(e => e.ValidationDice is not null))
                traces.Add(Line(h.Model, $"{h.Model}: validation Dice", epochs, h.Epochs.Select(e => e.ValidationDice), color, "solid", "x2", "y2", false));
        }
        string lossName = histories.Select(h => h.LossName).Distinct().Count() == 1 ? histories[0].LossName : "Loss";
        return Chart(traces,
            ("title", Title("Training curves")),
            ("xaxis", Axis("Epoch", ("domain", new[] { 0.0, 0.45 }), ("anchor", "y"))),
            ("yaxis", Axis(lossName, ("anchor", "x"))),
            ("xaxis2", Axis("Epoch", ("domain", new[] { 0.57, 1.0 }), ("anchor", "y2"))),
            ("yaxis2", Axis("Validation Dice", ("anchor", "x2"), ("range", new[] { 0.0, 1.0 }))),
            ("annotations", new object[]
            {
                PaperText("Loss (solid: training, dashed: validation)", 0.225, 1.0, size: FigureStyle.FontSize),
                PaperText("Validation Dice", 0.785, 1.0, size: FigureStyle.FontSize),
            }),
            ("legend", Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.18), ("yanchor", "top"))),
            ("width", 1100), ("height", 560),
            ("margin", Obj(("l", 70), ("r", 30), ("t", 90), ("b", 130))));
    }

    private static Trace Line(string model, string name, int[] epochs, IEnumerable<double?> values, string color, string dash, string x, string y, bool showLegend = true) =>
        Trace("scatter",
            ("name", name), ("legendgroup", model), ("showlegend", showLegend), ("mode", epochs.Length > 30 ? "lines" : "lines+markers"),
            ("x", epochs), ("y", values.ToArray()), ("xaxis", x), ("yaxis", y),
            ("line", Obj(("color", color), ("width", 2), ("dash", dash))), ("marker", Obj(("size", 5))),
            ("hovertemplate", $"{name}<br>epoch %{{x}}: %{{y:.4f}}<extra></extra>"));
}
