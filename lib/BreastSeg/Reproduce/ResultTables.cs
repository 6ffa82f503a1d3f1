using BreastSeg.Evaluation;
using BreastSeg.Figures;

namespace BreastSeg.Reproduce;

/// <summary>The run's Dice table: each model's mean, median and bootstrap 95% CI over the test views, the paired
/// Wilcoxon test between the B-mode and entropy models, and the study's numbers beside them.</summary>
public static class ResultTables
{
    /// <summary>The study's model a run's model corresponds to ("B-mode", "entropy"), or null.</summary>
    public static string? StudyCounterpart(string input) => input switch
    {
        "bmode" => "B-mode",
        "entropy" => "entropy",
        _ => null,
    };

    /// <summary>A display name for a model input.</summary>
    public static string DisplayName(string input) => input switch
    {
        "bmode" => "B-mode",
        "entropy" => "entropy",
        "nakagami" => "Nakagami",
        "bmode+entropy" => "B-mode + entropy",
        _ => input,
    };

    /// <summary>Builds the table from the evaluated models.</summary>
    public static ResultsTable Build(IReadOnlyList<ModelRun> models, string dataLabel, int seed)
    {
        var summaries = models.Select(m =>
        {
            var dice = EvaluationTable.Summarize(m.Results.ToList(), seed).First(s => s.Metric == "Dice");
            return new ModelSummary(DisplayName(m.Name), dice.N, dice.Mean, dice.Median, dice.CiLow, dice.CiHigh, StudyCounterpart(m.Name));
        }).ToList();
        PairedComparison? comparison = null;
        var bmode = models.FirstOrDefault(m => m.Name == "bmode");
        var entropy = models.FirstOrDefault(m => m.Name == "entropy");
        if (bmode is not null && entropy is not null && bmode.Results.Count > 0)
        {
            var w = EvaluationTable.Compare(bmode.Results.ToList(), entropy.Results.ToList(), r => r.Dice);
            comparison = new PairedComparison(DisplayName(bmode.Name), DisplayName(entropy.Name), w.PValue, w.N,
                w.Exact ? "Wilcoxon signed-rank (exact)" : "Wilcoxon signed-rank (normal approximation)");
        }
        return new ResultsTable(summaries, comparison, StudyResults.Byra2020, dataLabel);
    }
}
