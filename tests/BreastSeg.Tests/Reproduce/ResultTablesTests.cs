using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.Reproduce;
using BreastSeg.Tests.Evaluation;

namespace BreastSeg.Tests.Reproduce;

public class ResultTablesTests
{
    // 30 masses x 2 views; B-mode ~ difficulty, entropy ~ difficulty + shift; mass m has area 20 m mm².
    private static List<(string, IReadOnlyList<CaseResult>)> Views(double shift, int seed = 1)
    {
        var rng = new Random(seed);
        var difficulty = Enumerable.Range(0, 30).Select(_ => 0.2 + 0.6 * rng.NextDouble()).ToArray();
        IReadOnlyList<CaseResult> Model(double s) => Enumerable.Range(0, 30).SelectMany(m => new[] { 1, 2 }.Select(v =>
            MassResultsTests.View(m, v, Math.Clamp(difficulty[m] + s + 0.05 * (rng.NextDouble() - 0.5), 0, 1), 20.0 * (m + 1), m % 2 == 0))).ToList();
        return [("bmode", Model(0)), ("entropy", Model(shift)), ("bmode+entropy", Model(shift / 2))];
    }

    [Fact]
    public void The_table_counts_masses_compares_every_pair_and_splits_by_class_and_size()
    {
        var views = Views(0.1);
        var masses = views.Select(v => (v.Item1, (IReadOnlyList<MassResult>)MassResults.FromViews(v.Item2))).ToList();
        var table = ResultTables.Build(masses, "simulated cohort", seed: 1, design: "one split by mass (seed 1)", resamples: 2000);
        Assert.All(table.Models, m => Assert.Equal(30, m.Cases));
        Assert.All(table.Models, m => Assert.Equal(60, m.Views));
        var c = table.Comparison!;
        Assert.Equal(("B-mode", "entropy", 30), (c.ModelA, c.ModelB, c.Pairs));
        Assert.Equal(MassResults.Dice(masses[1].Item2).Average() - MassResults.Dice(masses[0].Item2).Average(), c.MeanDifference, 12);
        Assert.Equal(ResultsFindings.Verdict.BHigher, ResultsFindings.Judge(c));
        Assert.Equal(2, table.OtherComparisons.Count);
        // Subgroups: 15 benign + 15 malignant; sizes from the equivalent diameter 2 sqrt(20 (m + 1) / pi).
        int Count(string group) => table.Subgroups.First(s => s.Group == group).Summary.Cases;
        Assert.Equal((15, 15), (Count("benign"), Count("malignant")));
        int small = Enumerable.Range(0, 30).Count(m => 2 * Math.Sqrt(20.0 * (m + 1) / Math.PI) < 10);
        Assert.Equal(small, Count("< 10 mm"));
        Assert.Equal(30, Count("< 10 mm") + Count("10-20 mm") + Count(">= 20 mm"));
    }

    [Fact]
    public void Pooled_folds_cover_every_mass_and_report_the_spread_between_seeds()
    {
        var cases = Enumerable.Range(0, 30).Select(m => (m, m % 2 == 0)).ToList();
        var plan = CrossValidation.Plan(cases, 3, [1, 2]);
        var models = Views(0.0).Select(v => (v.Item1, (IReadOnlyList<(FoldSplit, IReadOnlyList<CaseResult>)>)plan
            .Select(f => (f, (IReadOnlyList<CaseResult>)v.Item2.Where(r => f.Split.Test.Contains(r.CaseIndex)).ToList())).ToList())).ToList();
        var table = ResultTables.BuildPooled(models, "simulated cohort", seed: 1, resamples: 1000);
        Assert.True(table.Pooled);
        Assert.Equal("3-fold cross-validation by mass, seeds 1, 2 (each mass's Dice averaged over the seeds)", table.Design);
        Assert.All(table.Models, m => Assert.Equal(30, m.Cases));
        Assert.Equal(6, table.SeedMeans.Count);
        Assert.Contains("Mean per-mass Dice of each seed", table.ToMarkdown());
    }

    [Fact]
    public void The_dice_figure_gets_one_point_per_mass_with_its_views_in_the_hover()
    {
        var d = ResultTables.PerMassDice("entropy", [MassResultsTests.View(4, 1, 0.5), MassResultsTests.View(4, 2, 0.7), MassResultsTests.View(9, 1, double.NaN, 0)]);
        Assert.Equal([0.6], d.Dice.Select(x => Math.Round(x, 12)));
        Assert.Equal(["case4: views 0.500, 0.700"], d.CaseIds!);
        Assert.Equal("entropy", d.StudyCounterpart);
    }
}
