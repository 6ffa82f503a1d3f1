namespace BreastSeg.Figures;

/// <summary>
/// The data behind the standard figures of a run; any part left null is skipped. <c>breastseg reproduce</c> and
/// notebook 04 both write through <see cref="PaperFigures.Write"/>, so they produce the same files.
/// </summary>
/// <param name="DataLabel">What the numbers were measured on ("simulated cohort", "OASBUD").</param>
/// <param name="Examples">Good, median and poor test cases with every model's prediction.</param>
/// <param name="Dice">Per-case Dice of every model.</param>
/// <param name="Table">Summary table (mean, median, CI, paired test, the study's numbers).</param>
/// <param name="Sweep">Entropy window sweep points.</param>
/// <param name="SweepMaps">One case's entropy maps by window size (slider figure), with its ground truth.</param>
/// <param name="Training">Training history of every model.</param>
/// <param name="Attention">Attention gate maps of a few cases.</param>
/// <param name="AttentionModel">Which model the attention maps come from.</param>
/// <param name="SweepWindowTitle">Axis title of the window size, with its unit.</param>
/// <param name="SeparabilityTitle">Axis title of the separability measure.</param>
public sealed record PaperFiguresInput(
    string DataLabel,
    IReadOnlyList<ExampleCase>? Examples = null,
    IReadOnlyList<ModelDice>? Dice = null,
    ResultsTable? Table = null,
    IReadOnlyList<SweepPoint>? Sweep = null,
    (IReadOnlyList<WindowMap> Maps, MmMask? GroundTruth, string CaseLabel)? SweepMaps = null,
    IReadOnlyList<TrainingHistory>? Training = null,
    IReadOnlyList<AttentionCase>? Attention = null,
    string AttentionModel = "",
    string SweepWindowTitle = "Window side (mm)",
    string SeparabilityTitle = "Lesion/background CNR");

/// <summary>Writes the standard figures of a run under fixed file names in one folder.</summary>
public static class PaperFigures
{
    /// <summary>Base name of the results table files (<c>.md</c> and <c>.csv</c>).</summary>
    public const string TableName = "dice-table";

    /// <summary>
    /// Writes every figure the input has data for into <paramref name="folder"/> (HTML always, PNG where a browser is
    /// found) and the table as Markdown and CSV; returns the figures in report order with titles and captions.
    /// <paramref name="browser"/> overrides the browser search (<see cref="ChromiumLocator.Find"/>).
    /// </summary>
    public static IReadOnlyList<ReportFigure> Write(PaperFiguresInput input, string folder, ChromiumSearch? browser = null)
    {
        Directory.CreateDirectory(folder);
        browser ??= ChromiumLocator.Find();
        var written = new List<ReportFigure>();
        void Save(string name, string title, string caption, Func<Plotly.NET.GenericChart> make) =>
            written.Add(new ReportFigure(title, FigureExport.Save(make(), Path.Combine(folder, name), browser: browser), caption));

        if (input.Examples is { Count: > 0 } examples)
            Save("example-cases", "Example test cases",
                "B-mode image (dB) and entropy map (bits) on mm axes; white: ground truth; dashed/dotted: each model's prediction.",
                () => ExampleCasesFigure.Create(examples));
        if (input.Dice is { Count: > 0 } dice)
            Save("dice-distributions", "Dice per test mass",
                $"Boxes: quartiles and median, dashed line: mean, points: every test mass, its views' Dice averaged ({input.DataLabel}; hover for each view). Black markers: the study's reported mean and median, on its own patient data.",
                () => DiceDistributionFigure.Create(dice, input.Table?.Study ?? StudyResults.Byra2020, input.DataLabel));
        input.Table?.Save(Path.Combine(folder, TableName));
        if (input.Sweep is { Count: > 0 } sweep)
        {
            Save("entropy-window-sweep", "Entropy window sweep",
                "Lesion/background separability of entropy maps against window size, one line per histogram bin count.",
                () => EntropySweepFigure.Lines(sweep, input.SweepWindowTitle, input.SeparabilityTitle));
            Save("entropy-window-sweep-heatmap", "Entropy window sweep (heatmap)",
                "The same sweep as a grid of window size by bin count.",
                () => EntropySweepFigure.Heatmap(sweep, input.SweepWindowTitle, input.SeparabilityTitle));
        }
        if (input.SweepMaps is { } sm && sm.Maps.Count > 0)
            Save("entropy-window-slider", "Entropy map by window size",
                "One case's entropy map; the HTML version has a slider over window sizes (the PNG shows the smallest).",
                () => EntropySweepFigure.WindowSlider(sm.Maps, sm.GroundTruth, UnitOf(input.SweepWindowTitle), sm.CaseLabel));
        if (input.Training is { Count: > 0 } training)
            Save("training-curves", "Training curves", "Loss per epoch (training solid, validation dashed) and validation Dice, per model.",
                () => TrainingCurvesFigure.Create(training));
        if (input.Attention is { Count: > 0 } attention)
            Save("attention-maps", "Attention gate maps", "Attention coefficients (0..1) of each gate, ground truth outlined.",
                () => AttentionMapsFigure.Create(attention, input.AttentionModel));
        return written;
    }

    // "Window side (mm)" -> "mm".
    private static string UnitOf(string title)
    {
        int open = title.LastIndexOf('('), close = title.LastIndexOf(')');
        return open >= 0 && close > open ? title[(open + 1)..close] : "";
    }
}
