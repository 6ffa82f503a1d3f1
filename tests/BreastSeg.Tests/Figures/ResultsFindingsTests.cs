using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public class ResultsFindingsTests
{
    private static PairedComparison C(string a, string b, double diff, double low, double high, double p, int n = 30) =>
        new(a, b, p, n, "Wilcoxon signed-rank (exact)", diff, low, high, diff);

    private static ModelSummary M(string name) => new(name, 30, 0.7, 0.72, 0.65, 0.75);

    [Fact]
    public void Wording_follows_the_interval_and_the_test()
    {
        Assert.Equal("B-mode and entropy do not differ detectably (difference entropy - B-mode +0.030, 95% CI -0.020 to +0.080, " +
                     "Hodges-Lehmann +0.030, Wilcoxon p = 0.21, n = 30 masses).",
            ResultsFindings.Sentence(C("B-mode", "entropy", 0.03, -0.02, 0.08, 0.21)));
        Assert.StartsWith("entropy scores higher than B-mode (difference entropy - B-mode +0.070, 95% CI +0.020 to +0.120",
            ResultsFindings.Sentence(C("B-mode", "entropy", 0.07, 0.02, 0.12, 0.004)));
        Assert.StartsWith("B-mode scores higher than entropy", ResultsFindings.Sentence(C("B-mode", "entropy", -0.07, -0.12, -0.02, 0.004)));
        Assert.StartsWith("Whether entropy and B-mode differ is inconclusive", ResultsFindings.Sentence(C("B-mode", "entropy", 0.05, 0.001, 0.1, 0.08)));
        Assert.StartsWith("Whether entropy and B-mode differ is inconclusive", ResultsFindings.Sentence(C("B-mode", "entropy", 0.05, -0.01, 0.1, 0.03)));
        Assert.Contains("could not be compared", ResultsFindings.Sentence(C("B-mode", "entropy", double.NaN, double.NaN, double.NaN, double.NaN, 0)));
    }

    [Fact]
    public void A_model_is_called_best_only_when_it_beats_every_other()
    {
        var models = new[] { M("B-mode"), M("entropy"), M("B-mode + entropy") };
        var primary = C("B-mode", "entropy", -0.1, -0.15, -0.05, 1e-5);
        var stackedBeatsBoth = new ResultsTable(models, primary, StudyResults.Byra2020, "simulated cohort")
        {
            OtherComparisons = [C("B-mode", "B-mode + entropy", 0.04, 0.01, 0.07, 0.01), C("entropy", "B-mode + entropy", 0.14, 0.09, 0.2, 1e-6)],
        };
        Assert.Contains("B-mode + entropy scores higher than every other model of this run", string.Join("\n", ResultsFindings.Shows(stackedBeatsBoth)));

        // The README's old "stacking is best" on a run where stacked vs B-mode is within noise: no such claim.
        var within = stackedBeatsBoth with
        {
            OtherComparisons = [C("B-mode", "B-mode + entropy", 0.021, -0.004, 0.046, 0.12), C("entropy", "B-mode + entropy", 0.14, 0.09, 0.2, 1e-6)],
        };
        var lines = ResultsFindings.Shows(within);
        Assert.Contains("No model is shown to be better than every other model of this run.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("every other model of this run (each"));
        Assert.Contains(lines, l => l.StartsWith("B-mode and B-mode + entropy do not differ detectably", StringComparison.Ordinal));
        Assert.StartsWith("Primary comparison: B-mode scores higher than entropy", lines[0]);
    }

    [Fact]
    public void What_the_run_cannot_show_depends_on_data_design_and_precision()
    {
        var table = new ResultsTable([M("B-mode"), M("entropy")], C("B-mode", "entropy", 0.03, -0.02, 0.08, 0.21), StudyResults.Byra2020, "simulated cohort");
        var simulated = ResultsFindings.CannotShow(table, DataSource.Simulated);
        Assert.Contains(simulated, l => l.StartsWith("These are simulated masses", StringComparison.Ordinal));
        Assert.Contains(simulated, l => l.Contains("spans 0.100 in Dice"));
        Assert.Contains(simulated, l => l.StartsWith("One split and one training seed", StringComparison.Ordinal));
        var pooled = ResultsFindings.CannotShow(table with { Pooled = true }, DataSource.Oasbud);
        Assert.DoesNotContain(pooled, l => l.Contains("simulated"));
        Assert.Contains(pooled, l => l.StartsWith("Folds share training masses", StringComparison.Ordinal));
    }

    [Fact]
    public void The_controls_table_has_one_row_per_control_and_words_each_comparison()
    {
        var controls = new ControlsTable([
            new ControlResult("null (invisible masses)", [new ModelSummary("B-mode", 30, 0.31, 0.3, 0.25, 0.37), new ModelSummary("entropy", 30, 0.29, 0.28, 0.23, 0.35)],
                C("B-mode", "entropy", -0.02, -0.06, 0.02, 0.4)),
            new ControlResult("statistics-only", [new ModelSummary("entropy", 30, 0.6, 0.62, 0.55, 0.65)], null),
        ]);
        string md = controls.ToMarkdown();
        Assert.Contains("| null (invisible masses) | 30 | 0.310 / 0.300 (0.250 to 0.370) | 0.290 / 0.280 (0.230 to 0.350) |", md);
        Assert.Contains("| statistics-only | 30 | not run | 0.600 / 0.620 (0.550 to 0.650) |", md);
        Assert.Contains("- null (invisible masses): B-mode and entropy do not differ detectably", md);
        var csv = controls.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, csv.Length);
        Assert.Equal("statistics-only,entropy,30,0.6,0.62,0.55,0.65", csv[3]);
    }
}
