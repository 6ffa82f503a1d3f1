using System.Globalization;
using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.IO;

namespace BreastSeg.Reproduce;

/// <summary>
/// The run's Dice tables, with the mass as the unit: each model's mean, median and cluster-bootstrap 95% CI over the
/// test masses (views averaged, <see cref="MassResults"/>), the paired B-mode vs entropy comparison (mean difference
/// with its CI, Hodges-Lehmann, Wilcoxon) and the other pairs, Dice per class and size, the study's numbers beside
/// them; pooled cross-validation tables; and the controls table.
/// </summary>
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

    /// <summary>Builds the table from the evaluated models of one split.</summary>
    public static ResultsTable Build(IReadOnlyList<ModelRun> models, string dataLabel, int seed) =>
        Build(models.Select(m => (m.Name, (IReadOnlyList<MassResult>)MassResults.FromViews(m.Results))).ToList(), dataLabel, seed,
            $"one split by mass (seed {seed.ToString(CultureInfo.InvariantCulture)})");

    /// <summary>
    /// Builds the table from per-mass results of each model input (same masses for all). <paramref name="design"/>
    /// says where the test masses came from; <paramref name="pooled"/> marks results pooled over folds or seeds.
    /// </summary>
    public static ResultsTable Build(IReadOnlyList<(string Input, IReadOnlyList<MassResult> Masses)> models, string dataLabel, int seed,
        string design, bool pooled = false, IReadOnlyList<SeedMean>? seedMeans = null, int resamples = BootstrapInterval.DefaultResamples)
    {
        var summaries = models.Select(m => Summarize(m.Input, m.Masses, seed, resamples)).ToList();
        var (primary, others) = Comparisons(models, seed, resamples);
        var subgroups = MassSubgroups.Standard().SelectMany(g => models.Select(m =>
            new SubgroupSummary(g.Grouping, g.Label, Summarize(m.Input, m.Masses.Where(g.Includes).ToList(), seed, resamples)))).ToList();
        return new ResultsTable(summaries, primary, StudyResults.Byra2020, dataLabel)
        {
            OtherComparisons = others,
            Subgroups = subgroups,
            Design = design,
            Pooled = pooled,
            SeedMeans = seedMeans ?? [],
            Bootstrap = (resamples, seed),
        };
    }

    /// <summary>
    /// The table of a cross-validated run: for each model input, the test views of every fold of every seed
    /// (<see cref="CrossValidation.Plan"/>), pooled per mass with <see cref="CrossValidation.Pool"/>.
    /// </summary>
    public static ResultsTable BuildPooled(IReadOnlyList<(string Input, IReadOnlyList<(FoldSplit Fold, IReadOnlyList<CaseResult> TestViews)> Folds)> models,
        string dataLabel, int seed, int resamples = BootstrapInterval.DefaultResamples, string? design = null)
    {
        if (models.Count == 0) throw new ArgumentException("no models", nameof(models));
        var first = models[0].Folds;
        int k = first.Select(f => f.Fold.Folds).DefaultIfEmpty().Max();
        var seeds = first.Select(f => f.Fold.Seed).Distinct().Order().ToList();
        design ??= $"{k}-fold cross-validation by mass, {(seeds.Count == 1 ? "seed" : "seeds")} {string.Join(", ", seeds)}" +
                   (seeds.Count > 1 ? " (each mass's Dice averaged over the seeds)" : "");
        var pooled = models.Select(m => (m.Input, (IReadOnlyList<MassResult>)CrossValidation.Pool(m.Folds))).ToList();
        var seedMeans = seeds.Count < 2 ? [] : models.SelectMany(m => CrossValidation.SeedSummaries(m.Folds)
            .Select(s => new SeedMean(DisplayName(m.Input), s.Seed, s.Masses, s.MeanDice))).ToList();
        return Build(pooled, dataLabel, seed, design, pooled: true, seedMeans, resamples);
    }

    /// <summary>One model's summary over masses (masses without a scored view are counted as excluded).</summary>
    public static ModelSummary Summarize(string input, IReadOnlyList<MassResult> masses, int seed, int resamples = BootstrapInterval.DefaultResamples)
    {
        var dice = BootstrapInterval.Summarize("Dice", masses.Select(m => m.Dice), seed, resamples);
        return new ModelSummary(DisplayName(input), dice.N, dice.Mean, dice.Median, dice.CiLow, dice.CiHigh, StudyCounterpart(input),
            masses.Where(m => double.IsFinite(m.Dice)).Sum(m => m.ScoredViews), masses.Count(m => !double.IsFinite(m.Dice)));
    }

    /// <summary>The primary comparison (B-mode vs entropy, when both ran) and every other pair, earlier input as A.</summary>
    public static (PairedComparison? Primary, List<PairedComparison> Others) Comparisons(
        IReadOnlyList<(string Input, IReadOnlyList<MassResult> Masses)> models, int seed, int resamples = BootstrapInterval.DefaultResamples)
    {
        PairedComparison? primary = null;
        var others = new List<PairedComparison>();
        for (int i = 0; i < models.Count; i++)
            for (int j = i + 1; j < models.Count; j++)
            {
                var (a, b) = (models[i], models[j]);
                bool isPrimary = (a.Input, b.Input) is ("bmode", "entropy") or ("entropy", "bmode");
                if (isPrimary && a.Input == "entropy") (a, b) = (b, a);
                var c = ToComparison(PairedComparisons.Compare(DisplayName(a.Input), a.Masses, DisplayName(b.Input), b.Masses, seed, resamples));
                if (isPrimary) primary = c;
                else others.Add(c);
            }
        return (primary, others);
    }

    /// <summary>The report's form of a paired difference.</summary>
    public static PairedComparison ToComparison(PairedDifference d) =>
        new(d.ModelA, d.ModelB, d.Wilcoxon.PValue, d.Masses,
            d.Wilcoxon.Exact ? "Wilcoxon signed-rank (exact)" : "Wilcoxon signed-rank (normal approximation)",
            d.MeanDifference, d.CiLow, d.CiHigh, d.HodgesLehmann);

    /// <summary>Per-mass Dice of a model for the Dice figure, with each view's Dice in the hover text.</summary>
    public static ModelDice PerMassDice(string input, IReadOnlyList<CaseResult> views)
    {
        var masses = MassResults.FromViews(views).Where(m => double.IsFinite(m.Dice)).ToList();
        return new ModelDice(DisplayName(input), masses.Select(m => m.Dice).ToList(), StudyCounterpart(input),
            masses.Select(m => $"{m.CaseId}: views {string.Join(", ", m.ViewDice.Select(d => double.IsFinite(d) ? d.ToString("0.000", CultureInfo.InvariantCulture) : "n/a"))}").ToList());
    }

    /// <summary>
    /// The controls table from each control cohort's per-view test results per model input (B-mode vs entropy
    /// compared where both ran).
    /// </summary>
    public static ControlsTable Controls(IEnumerable<(string Control, IReadOnlyList<(string Input, IReadOnlyList<CaseResult> Views)> Models)> controls,
        int seed, int resamples = BootstrapInterval.DefaultResamples) =>
        new(controls.Select(c =>
        {
            var masses = c.Models.Select(m => (m.Input, (IReadOnlyList<MassResult>)MassResults.FromViews(m.Views))).ToList();
            return new ControlResult(c.Control, masses.Select(m => Summarize(m.Input, m.Item2, seed, resamples)).ToList(),
                Comparisons(masses, seed, resamples).Primary);
        }).ToList());

    /// <summary>
    /// The controls table from finished <c>reproduce</c> results folders, one per control cohort: each folder's
    /// <c>models/INPUT/test-cases.csv</c>. Throws <see cref="BreastSegInputException"/> naming a folder without results.
    /// </summary>
    public static ControlsTable ControlsFromRunFolders(IEnumerable<(string Control, string ResultsFolder)> folders, int seed,
        int resamples = BootstrapInterval.DefaultResamples) =>
        Controls(folders.Select(f =>
        {
            string models = Path.Combine(f.ResultsFolder, "models");
            var csvs = Directory.Exists(models)
                ? Directory.GetDirectories(models).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "test-cases.csv")).Where(File.Exists).ToList()
                : [];
            if (csvs.Count == 0) throw new BreastSegInputException(f.ResultsFolder, "no models/*/test-cases.csv: not a finished reproduce results folder");
            return (f.Control, (IReadOnlyList<(string, IReadOnlyList<CaseResult>)>)csvs
                .Select(p => (Path.GetFileName(Path.GetDirectoryName(p))!, (IReadOnlyList<CaseResult>)EvaluationCsv.Read(p))).ToList());
        }).ToList(), seed, resamples);
}
