using BreastSeg.IO;
using BreastSeg.Training;

namespace BreastSeg.Evaluation;

/// <summary>One train / validation / test split of a cross-validation plan.</summary>
/// <param name="Seed">Split seed (one repetition of the k-fold partition per seed).</param>
/// <param name="Fold">Fold number (0-based): its masses are the test set.</param>
/// <param name="Folds">Number of folds k.</param>
/// <param name="Split">Case indices of the three sets (masses, both views together).</param>
public sealed record FoldSplit(int Seed, int Fold, int Folds, CaseSplit Split);

/// <summary>Per-seed summary of pooled cross-validated results: how much the mean moves with the split and training seed.</summary>
/// <param name="Seed">Seed.</param>
/// <param name="Masses">Masses with a finite Dice.</param>
/// <param name="MeanDice">Mean per-mass Dice over all folds of that seed.</param>
public sealed record SeedSummary(int Seed, int Masses, double MeanDice);

/// <summary>
/// k-fold cross-validation by mass, repeated over seeds. Every mass is a test mass in exactly one fold per seed; within
/// each pathology class the masses are shuffled with the seed and dealt to folds in turn (classes dealt one after the
/// other, so fold sizes differ by at most one and each fold keeps the class balance). The validation set of a fold
/// (early stopping, best model, threshold choice) comes from its non-test masses, stratified, with the same share of
/// all masses as <see cref="CaseSplit.DefaultValidationFraction"/>; the rest train.
/// Pooling: a model's per-mass results of all folds of one seed cover every mass once; over several seeds a mass's
/// Dice is the mean of its per-seed Dice (its expected Dice over splits and training seeds), and statistics are then
/// taken over masses as for a single split. The spread between seeds is reported separately (<see cref="SeedSummaries"/>).
/// </summary>
public static class CrossValidation
{
    /// <summary>The k folds of one seed.</summary>
    public static List<FoldSplit> KFold(IReadOnlyList<(int CaseIndex, bool Malignant)> cases, int folds, int seed,
        double validationFraction = CaseSplit.DefaultValidationFraction)
    {
        if (folds < 2) throw new BreastSegInputException("--folds", $"need at least 2 folds, got {folds}");
        if (cases.Select(c => c.CaseIndex).Distinct().Count() != cases.Count) throw new ArgumentException("each case must be listed once", nameof(cases));
        if (cases.Count < 2 * folds) throw new BreastSegInputException("--folds", $"{folds} folds need at least {2 * folds} masses, the cohort has {cases.Count}");
        var fold = new Dictionary<int, int>();
        int dealt = 0;
        foreach (bool malignant in new[] { false, true })
        {
            var group = cases.Where(c => c.Malignant == malignant).Select(c => c.CaseIndex).Order().ToArray();
            new Random(SeedMix.Derive(seed, 7919, malignant ? 1 : 0)).Shuffle(group);
            foreach (int c in group) fold[c] = dealt++ % folds;
        }
        var result = new List<FoldSplit>();
        for (int f = 0; f < folds; f++)
        {
            var test = cases.Where(c => fold[c.CaseIndex] == f).Select(c => c.CaseIndex).Order().ToArray();
            var rest = cases.Where(c => fold[c.CaseIndex] != f).ToList();
            // The validation share of all masses, expressed as a share of the non-test masses.
            double share = Math.Min(0.5, validationFraction * cases.Count / rest.Count);
            var inner = CaseSplit.Stratified(rest, SeedMix.Derive(seed, 7927, f), testFraction: 0, validationFraction: share);
            result.Add(new FoldSplit(seed, f, folds, new CaseSplit(inner.Train, inner.Validation, test)));
        }
        return result;
    }

    /// <summary>The k folds of every seed, seed by seed.</summary>
    public static List<FoldSplit> Plan(IReadOnlyList<(int CaseIndex, bool Malignant)> cases, int folds, IReadOnlyList<int> seeds)
    {
        if (seeds.Count == 0) throw new BreastSegInputException("--seeds", "name at least one seed");
        if (seeds.Distinct().Count() != seeds.Count) throw new BreastSegInputException("--seeds", "seeds must differ");
        return seeds.SelectMany(s => KFold(cases, folds, s)).ToList();
    }

    /// <summary>
    /// One model's per-mass results pooled over folds and seeds (see the class remarks). Throws when a fold's results
    /// hold a mass outside its test set, or when a seed's folds score a mass twice or miss one another seed scored.
    /// </summary>
    public static List<MassResult> Pool(IEnumerable<(FoldSplit Fold, IReadOnlyList<CaseResult> TestViews)> results)
    {
        var perSeed = new SortedDictionary<int, Dictionary<int, MassResult>>();
        foreach (var (fold, views) in results)
        {
            var test = fold.Split.Test.ToHashSet();
            if (!perSeed.TryGetValue(fold.Seed, out var masses)) perSeed[fold.Seed] = masses = [];
            foreach (var m in MassResults.FromViews(views))
            {
                if (!test.Contains(m.CaseIndex)) throw new ArgumentException($"seed {fold.Seed} fold {fold.Fold}: mass {m.CaseIndex} is not one of its test masses");
                if (!masses.TryAdd(m.CaseIndex, m)) throw new ArgumentException($"seed {fold.Seed}: mass {m.CaseIndex} is scored in two folds");
            }
        }
        if (perSeed.Count == 0) return [];
        var keys = perSeed.Values.First().Keys.Order().ToArray();
        if (perSeed.Values.Any(s => !s.Keys.Order().SequenceEqual(keys))) throw new ArgumentException("the seeds' folds cover different masses");
        return keys.Select(k =>
        {
            var all = perSeed.Values.Select(s => s[k]).ToList();
            var finite = all.Where(m => double.IsFinite(m.Dice)).ToList();
            return all[0] with
            {
                Dice = finite.Count > 0 ? finite.Average(m => m.Dice) : double.NaN,
                ScoredViews = all.Sum(m => m.ScoredViews),
                Views = all.Sum(m => m.Views),
                ViewDice = all.SelectMany(m => m.ViewDice).ToList(),
            };
        }).ToList();
    }

    /// <summary>Mean per-mass Dice of each seed's pooled folds.</summary>
    public static List<SeedSummary> SeedSummaries(IEnumerable<(FoldSplit Fold, IReadOnlyList<CaseResult> TestViews)> results) =>
        results.GroupBy(r => r.Fold.Seed).OrderBy(g => g.Key).Select(g =>
        {
            var dice = MassResults.Dice(g.SelectMany(r => MassResults.FromViews(r.TestViews)));
            return new SeedSummary(g.Key, dice.Length, dice.Length > 0 ? dice.Average() : double.NaN);
        }).ToList();
}
