using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Figures;

/// <summary>One control cohort's results: every model's per-mass Dice summary and the B-mode vs entropy comparison.</summary>
/// <param name="Control">Control cohort ("null: invisible masses", "statistics-only", "echogenicity-only").</param>
/// <param name="Models">Each model's summary on that cohort's test masses.</param>
/// <param name="Comparison">The paired B-mode vs entropy comparison on that cohort, or null.</param>
public sealed record ControlResult(string Control, IReadOnlyList<ModelSummary> Models, PairedComparison? Comparison);

/// <summary>
/// The controls table of the report: one row per control cohort (simulated masses that are invisible, visible only
/// through scatterer statistics, or only through echogenicity), per-mass mean and median Dice with the bootstrap CI of
/// each input, and the worded B-mode vs entropy comparison. The null cohort's Dice is what shape and position priors
/// alone give.
/// </summary>
/// <param name="Controls">The control cohorts, in the order to show.</param>
public sealed record ControlsTable(IReadOnlyList<ControlResult> Controls)
{
    /// <summary>How the control cohorts were made and run (cases, models), printed under the table, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Markdown: one row per control, one column per model ("mean / median (CI)").</summary>
    public string ToMarkdown()
    {
        var models = Controls.SelectMany(c => c.Models.Select(m => m.Model)).Distinct().ToList();
        var sb = new StringBuilder();
        sb.Append("Controls (simulated cohorts; per-mass Dice, mean / median and 95% bootstrap CI of the mean over masses):\n\n");
        sb.Append("| Control cohort | Test masses | ").AppendJoin(" | ", models.Select(ResultsTable.Escape)).Append(" |\n");
        sb.Append("|---|---:|").Append(string.Concat(models.Select(_ => "---|"))).Append('\n');
        foreach (var c in Controls)
        {
            var byModel = c.Models.ToDictionary(m => m.Model);
            sb.Append($"| {ResultsTable.Escape(c.Control)} | {c.Models.Select(m => m.Cases).DefaultIfEmpty().Max()} | ");
            sb.AppendJoin(" | ", models.Select(m => byModel.TryGetValue(m, out var s)
                ? $"{ResultsTable.Dice(s.MeanDice)} / {ResultsTable.Dice(s.MedianDice)} ({ResultsTable.Dice(s.CiLow)} to {ResultsTable.Dice(s.CiHigh)})"
                : "not run"));
            sb.Append(" |\n");
        }
        sb.Append('\n');
        if (!string.IsNullOrWhiteSpace(Description)) sb.Append(Description.Trim()).Append("\n\n");
        foreach (var c in Controls.Where(c => c.Comparison is not null))
            sb.Append($"- {ResultsTable.Escape(c.Control)}: {ResultsFindings.Sentence(c.Comparison!)}\n");
        return sb.ToString();
    }

    /// <summary>CSV: one row per control and model.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        ResultsTable.Row(sb, ["control", "model", "masses", "mean_dice", "median_dice", "ci95_low", "ci95_high"]);
        foreach (var c in Controls)
            foreach (var m in c.Models)
                ResultsTable.Row(sb, [c.Control, m.Model, m.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    R(m.MeanDice), R(m.MedianDice), R(m.CiLow), R(m.CiHigh)]);
        return sb.ToString();
    }

    /// <summary>Writes <c>base.md</c> and <c>base.csv</c> atomically.</summary>
    public void Save(string basePathWithoutExt)
    {
        AtomicFile.WriteAllText(basePathWithoutExt + ".md", ToMarkdown());
        AtomicFile.WriteAllText(basePathWithoutExt + ".csv", ToCsv());
    }

    private static string R(double v) => double.IsNaN(v) ? "" : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
