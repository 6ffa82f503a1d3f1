using BreastSeg.Evaluation;
using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Samples;

namespace BreastSeg.Tests.Evaluation;

public class ThresholdSelectionTests
{
    // A 16 x 16 view (network grid = RF grid, so resampling is the identity): lesion rows/cols 5..10 with probability
    // `inside`, a one-pixel ring with `ring`, background `outside` (symmetric, so row/column-major does not matter).
    private static (SegmentationSample, float[]) View(int mass, int view, float inside, float ring, float outside)
    {
        const int n = 16;
        var mask = new bool[n * n];
        var p = new float[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                bool lesion = r is >= 5 and <= 10 && c is >= 5 and <= 10;
                bool nearby = r is >= 4 and <= 11 && c is >= 4 and <= 11;
                mask[c * n + r] = lesion;
                p[r * n + c] = lesion ? inside : nearby ? ring : outside;
            }
        var sample = new SegmentationSample(mass, view, $"m{mass}", false, new float[n * n], mask, n, new LesionMask(n, n, mask), 0.1, 0.1);
        return (sample, p);
    }

    [Fact]
    public void Chooses_the_threshold_that_maximises_mean_per_mass_validation_dice()
    {
        var views = new[] { View(0, 0, 0.8f, 0.6f, 0.1f), View(0, 1, 0.8f, 0.6f, 0.1f), View(1, 0, 0.9f, 0.55f, 0.2f) };
        var choice = ThresholdSelection.Choose(views.Select(v => v.Item1).ToList(), views.Select(v => v.Item2).ToList());
        // Dice 1 for every threshold in (0.6, 0.8]; the tie goes to the one nearest 0.5.
        Assert.Equal(0.65, choice.Threshold, 12);
        Assert.Equal(1, choice.MeanValidationDice, 12);
        Assert.Equal(2, choice.Masses);
        Assert.Equal(ThresholdSelection.DefaultCandidates.Count, choice.Curve.Count);

        // The curve equals a naive evaluation: threshold, count, Dice, average per mass then over masses.
        foreach (var (t, dice) in choice.Curve)
        {
            double Naive(int i)
            {
                var (s, p) = views[i];
                long tp = 0, fp = 0, fn = 0;
                for (int k = 0; k < p.Length; k++)
                {
                    bool pred = p[k] >= t, truth = s.GridMask.Data[k];
                    if (pred && truth) tp++; else if (pred) fp++; else if (truth) fn++;
                }
                return 2.0 * tp / (2 * tp + fp + fn);
            }
            Assert.Equal(((Naive(0) + Naive(1)) / 2 + Naive(2)) / 2, dice, 12);
        }
    }

    [Fact]
    public void A_flat_curve_keeps_one_half_and_test_scoring_uses_the_same_definition()
    {
        var views = new[] { View(0, 0, 0.97f, 0.02f, 0.01f) };
        var choice = ThresholdSelection.Choose(views.Select(v => v.Item1).ToList(), views.Select(v => v.Item2).ToList());
        Assert.Equal(0.5, choice.Threshold);
        var scored = SegmentationEvaluator.Score(views[0].Item1, views[0].Item2, new EvaluationOptions(choice.Threshold));
        Assert.Equal(1, scored.Dice, 12);
        Assert.Throws<ArgumentException>(() => ThresholdSelection.Choose([1.5], _ => [], false));
    }
}

public class CrossValidationTests
{
    private static List<(int, bool)> Cohort(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(i => (i * 3 + 1, rng.NextDouble() < 0.45)).ToList();
    }

    [Theory]
    [InlineData(100, 5, 1)]
    [InlineData(37, 3, 2)]
    [InlineData(269, 10, 3)]
    public void Every_mass_is_tested_once_per_seed_and_sets_never_overlap(int n, int k, int seed)
    {
        var cases = Cohort(n, seed);
        var folds = CrossValidation.KFold(cases, k, seed);
        Assert.Equal(k, folds.Count);
        Assert.Equal(cases.Select(c => c.Item1).Order(), folds.SelectMany(f => f.Split.Test).Order());
        foreach (var f in folds)
        {
            var s = f.Split;
            var all = s.Train.Concat(s.Validation).Concat(s.Test).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.Equal(n, all.Count);
            Assert.NotEmpty(s.Validation);
            Assert.InRange(s.Validation.Length, (int)(0.1 * n) - 1, (int)(0.1 * n) + 2);
        }
        // Fold sizes within one; each fold's malignant count within one of its share.
        var sizes = folds.Select(f => f.Split.Test.Length).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1);
        var malignant = cases.Where(c => c.Item2).Select(c => c.Item1).ToHashSet();
        var counts = folds.Select(f => f.Split.Test.Count(malignant.Contains)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1);
    }

    [Fact]
    public void Split_options_with_folds_draw_the_cross_validation_folds_and_one_split_keeps_its_identity()
    {
        var cases = Cohort(40, 5).Select(c => new DatasetCase(c.Item1, $"C{c.Item1}", c.Item2)).ToList();
        var folds = CrossValidation.KFold(cases.Select(c => (c.Index, c.Malignant)).ToList(), 4, 9);
        for (int f = 0; f < 4; f++)
        {
            var split = new SplitOptions(Seed: 9) { Folds = 4, Fold = f }.Apply(cases);
            Assert.Equal(folds[f].Split.Train, split.Train);
            Assert.Equal(folds[f].Split.Validation, split.Validation);
            Assert.Equal(folds[f].Split.Test, split.Test);
        }
        // One split: the folds are absent from the JSON (so identities of existing runs do not change).
        string single = System.Text.Json.JsonSerializer.Serialize(new SplitOptions(), BreastSeg.Training.ExperimentJson.Options);
        Assert.DoesNotContain("Fold", single);
        Assert.Contains("\"Folds\": 4", System.Text.Json.JsonSerializer.Serialize(new SplitOptions() { Folds = 4, Fold = 1 }, BreastSeg.Training.ExperimentJson.Options));
        Assert.Equal(CaseSplit.Stratified(cases.Select(c => (c.Index, c.Malignant)).ToList(), 1).Test, new SplitOptions().Apply(cases).Test);
        Assert.Throws<BreastSegInputException>(() => new SplitOptions { Folds = 1 }.Validate());
        Assert.Throws<BreastSegInputException>(() => new SplitOptions { Folds = 4, Fold = 4 }.Validate());
        Assert.Throws<BreastSegInputException>(() => new SplitOptions { Fold = 1 }.Validate());
    }

    [Fact]
    public void Plans_are_deterministic_per_seed_and_differ_between_seeds()
    {
        var cases = Cohort(60, 4);
        var plan = CrossValidation.Plan(cases, 4, [1, 2]);
        Assert.Equal(8, plan.Count);
        var again = CrossValidation.Plan(cases, 4, [1, 2]);
        Assert.Equal(plan.Select(f => string.Join(",", f.Split.Test)), again.Select(f => string.Join(",", f.Split.Test)));
        Assert.NotEqual(plan.Where(f => f.Seed == 1).Select(f => string.Join(",", f.Split.Test)),
            plan.Where(f => f.Seed == 2).Select(f => string.Join(",", f.Split.Test)));
        Assert.Throws<BreastSegInputException>(() => CrossValidation.KFold(cases, 1, 1));
        Assert.Throws<BreastSegInputException>(() => CrossValidation.KFold(cases.Take(5).ToList(), 3, 1));
        Assert.Throws<BreastSegInputException>(() => CrossValidation.Plan(cases, 3, [1, 1]));
    }

    [Fact]
    public void Pooling_covers_every_mass_once_and_averages_a_mass_over_seeds()
    {
        var cases = Cohort(20, 8);
        var plan = CrossValidation.Plan(cases, 4, [1, 2]);
        // Dice of mass m under seed s: views 0.01 m + 0.1 s and that + 0.02.
        var results = plan.Select(f => (f, (IReadOnlyList<CaseResult>)f.Split.Test.SelectMany(m => new[]
        {
            MassResultsTests.View(m, 1, 0.01 * m + 0.1 * f.Seed), MassResultsTests.View(m, 2, 0.01 * m + 0.1 * f.Seed + 0.02),
        }).ToList())).ToList();
        var pooled = CrossValidation.Pool(results);
        Assert.Equal(cases.Select(c => c.Item1).Order(), pooled.Select(m => m.CaseIndex));
        foreach (var m in pooled)
        {
            Assert.Equal(0.01 * m.CaseIndex + 0.15 + 0.01, m.Dice, 12);
            Assert.Equal(4, m.Views);
        }
        var seeds = CrossValidation.SeedSummaries(results);
        Assert.Equal([1, 2], seeds.Select(s => s.Seed));
        Assert.Equal(0.1, seeds[1].MeanDice - seeds[0].MeanDice, 12);

        // A mass scored in two folds of one seed, or outside a fold's test set, is an error.
        var broken = results.ToList();
        broken[1] = (broken[1].f, broken[0].Item2);
        Assert.Throws<ArgumentException>(() => CrossValidation.Pool(broken));
    }
}

[Collection(SerialTorchCollection.Name)]
public class ValidatedEvaluationTests
{
    [Fact]
    public void The_test_views_are_scored_at_the_threshold_chosen_on_validation()
    {
        var rng = new Random(3);
        SegmentationSample Sample(int mass, int view)
        {
            const int n = 16;
            var mask = new bool[n * n];
            for (int r = 4; r < 12; r++) for (int c = 3 + mass % 3; c < 11 + mass % 3; c++) mask[c * n + r] = true;
            var input = Enumerable.Range(0, n * n).Select(k => (float)rng.NextDouble()).ToArray();
            return new SegmentationSample(mass, view, $"m{mass}", mass % 2 == 1, input, mask, n, new BreastSeg.Rf.LesionMask(n, n, mask), 0.1, 0.1);
        }
        var validation = Enumerable.Range(0, 4).SelectMany(m => new[] { Sample(m, 0), Sample(m, 1) }).ToList();
        var test = Enumerable.Range(4, 3).SelectMany(m => new[] { Sample(m, 0), Sample(m, 1) }).ToList();
        TorchSharp.torch.manual_seed(1);
        using var net = new BreastSeg.Models.AttentionUNet(1, 1, 2, 3);
        var normalizer = ChannelNormalizer.Fit(validation);
        var options = new EvaluationOptions(LargestComponent: true);

        var chosen = ValidatedEvaluation.Evaluate(net, normalizer, validation, test, options, chooseThreshold: true);
        Assert.NotNull(chosen.Choice);
        Assert.Equal(chosen.Choice!.Threshold, chosen.Options.Threshold);
        Assert.True(chosen.Options.LargestComponent);
        // The chosen value is the best of the recorded curve, and the test scores equal a direct evaluation at it.
        Assert.Equal(chosen.Choice.Curve.Where(c => double.IsFinite(c.MeanDice)).Max(c => c.MeanDice), chosen.Choice.MeanValidationDice, 12);
        var direct = SegmentationEvaluator.Evaluate(net, test, normalizer, chosen.Options);
        Assert.Equal(direct.Select(r => r.Dice), chosen.Test.Select(r => r.Dice));

        var fixedThreshold = ValidatedEvaluation.Evaluate(net, normalizer, validation, test, options, chooseThreshold: false);
        Assert.Null(fixedThreshold.Choice);
        Assert.Equal(0.5, fixedThreshold.Options.Threshold);
    }
}
