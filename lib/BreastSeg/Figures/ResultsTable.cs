using System.Globalization;
using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Figures;

/// <summary>Summary of one model's per-mass Dice on the test masses (computed by the evaluation step).</summary>
/// <param name="Model">Model name.</param>
/// <param name="Cases">Number of test masses with a Dice (the statistical unit; the views of a mass are averaged).</param>
/// <param name="MeanDice">Mean per-mass Dice.</param>
/// <param name="MedianDice">Median per-mass Dice.</param>
/// <param name="CiLow">Lower end of the 95% bootstrap confidence interval of the mean (masses resampled).</param>
/// <param name="CiHigh">Upper end of that interval.</param>
/// <param name="StudyCounterpart">The study's model this one reproduces ("B-mode", "entropy"), or null.</param>
/// <param name="Views">Scored views behind the masses (0: not given).</param>
/// <param name="Excluded">Test masses left out because none of their views could be scored (empty reference).</param>
public sealed record ModelSummary(string Model, int Cases, double MeanDice, double MedianDice, double CiLow, double CiHigh,
    string? StudyCounterpart = null, int Views = 0, int Excluded = 0);

/// <summary>A paired comparison between two models on the same test masses; differences are B - A.</summary>
/// <param name="ModelA">First model (the B-mode model in the study's comparison).</param>
/// <param name="ModelB">Second model (the entropy model).</param>
/// <param name="PValue">Two-sided p-value of the test.</param>
/// <param name="Pairs">Number of paired masses.</param>
/// <param name="Test">Name of the test.</param>
/// <param name="MeanDifference">Mean per-mass Dice difference B - A (NaN: not computed).</param>
/// <param name="CiLow">Lower end of the 95% bootstrap CI of the mean difference (masses resampled).</param>
/// <param name="CiHigh">Upper end of that interval.</param>
/// <param name="HodgesLehmann">Hodges-Lehmann estimate of the shift B - A.</param>
public sealed record PairedComparison(string ModelA, string ModelB, double PValue, int Pairs, string Test = "Wilcoxon signed-rank",
    double MeanDifference = double.NaN, double CiLow = double.NaN, double CiHigh = double.NaN, double HodgesLehmann = double.NaN);

/// <summary>One model's Dice in a subgroup of the test masses.</summary>
/// <param name="Grouping">"class" or "size".</param>
/// <param name="Group">The subgroup ("benign", "10-20 mm", ...).</param>
/// <param name="Summary">The model's summary over the subgroup's masses.</param>
public sealed record SubgroupSummary(string Grouping, string Group, ModelSummary Summary);

/// <summary>Mean per-mass Dice of one model under one seed (cross-validated runs: the spread over seeds).</summary>
/// <param name="Model">Model name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Masses">Masses.</param>
/// <param name="MeanDice">Mean per-mass Dice over that seed's folds.</param>
public sealed record SeedMean(string Model, int Seed, int Masses, double MeanDice);

/// <summary>
/// The results table: this run's per-mass Dice summary per model, the paired comparison between the B-mode and entropy
/// models (and the other pairs), Dice per class and size, and the study's reported numbers beside them, labelled as the
/// study's and on its own (different) data.
/// </summary>
/// <param name="Models">This run's models.</param>
/// <param name="Comparison">The primary paired comparison (B-mode vs entropy), or null.</param>
/// <param name="Study">The study's numbers, or null to leave them out.</param>
/// <param name="DataLabel">What this run's numbers were measured on ("simulated cohort", "OASBUD").</param>
public sealed record ResultsTable(IReadOnlyList<ModelSummary> Models, PairedComparison? Comparison, StudyResults? Study, string DataLabel)
{
    /// <summary>The other pairs of models (secondary comparisons, p-values not adjusted).</summary>
    public IReadOnlyList<PairedComparison> OtherComparisons { get; init; } = [];

    /// <summary>Dice per class and size group.</summary>
    public IReadOnlyList<SubgroupSummary> Subgroups { get; init; } = [];

    /// <summary>How the test masses were obtained ("one split by mass, seed 1", "5-fold cross-validation by mass, seeds 1, 2").</summary>
    public string Design { get; init; } = "one split by mass";

    /// <summary>Whether several splits or seeds were pooled (cross-validation or repeated seeds).</summary>
    public bool Pooled { get; init; }

    /// <summary>Per-seed means (pooled runs with more than one seed).</summary>
    public IReadOnlyList<SeedMean> SeedMeans { get; init; } = [];

    /// <summary>Bootstrap resamples and seed behind the CIs, for the note under the table.</summary>
    public (int Resamples, int Seed) Bootstrap { get; init; } = (10_000, 1);

    /// <summary>Every comparison, the primary one first.</summary>
    public IEnumerable<PairedComparison> AllComparisons => (Comparison is null ? [] : new[] { Comparison }).Concat(OtherComparisons);

    /// <summary>CSV header (columns in order). <c>masses</c> counts test masses; the difference columns are this row's
    /// model minus <c>compared_with</c>.</summary>
    public static readonly string[] CsvColumns =
        ["source", "data", "model", "masses", "views", "mean_dice", "median_dice", "ci95_low", "ci95_high", "test", "compared_with", "p_value",
         "mean_difference", "difference_ci95_low", "difference_ci95_high", "hodges_lehmann"];

    /// <summary>Header of the comparisons CSV (differences are model_b - model_a).</summary>
    public static readonly string[] ComparisonCsvColumns =
        ["model_a", "model_b", "masses", "mean_difference", "ci95_low", "ci95_high", "hodges_lehmann", "test", "p_value", "primary"];

    /// <summary>Header of the subgroup CSV.</summary>
    public static readonly string[] SubgroupCsvColumns = ["grouping", "group", "model", "masses", "mean_dice", "median_dice", "ci95_low", "ci95_high"];

    /// <summary>
    /// Machine-readable table (RFC 4180, invariant culture, round-trip precision): one row per model of this run, then
    /// one per model of the study (CI and test empty: not reported). The primary comparison is on both compared rows.
    /// </summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        Row(sb, CsvColumns);
        foreach (var m in Models)
        {
            string[] test = ["", "", "", "", "", "", ""];
            if (Comparison is { } c && (m.Model == c.ModelA || m.Model == c.ModelB))
            {
                // The difference columns read "this row's model minus compared_with".
                bool isB = m.Model == c.ModelB;
                double sign = isB ? 1 : -1;
                test = [c.Test, isB ? c.ModelA : c.ModelB, Number(c.PValue), Number(sign * c.MeanDifference),
                    Number(isB ? c.CiLow : -c.CiHigh), Number(isB ? c.CiHigh : -c.CiLow), Number(sign * c.HodgesLehmann)];
            }
            Row(sb, ["this run", DataLabel, m.Model, Int(m.Cases), Int(m.Views), Number(m.MeanDice), Number(m.MedianDice),
                Number(m.CiLow), Number(m.CiHigh), .. test]);
        }
        foreach (var s in Study?.Models ?? [])
            Row(sb, [StudyResults.Label, Study!.Citation, s.Model, Int(s.TestCases), "", Number(s.MeanDice), Number(s.MedianDice),
                "", "", "", "", "", "", "", "", ""]);
        return sb.ToString();
    }

    /// <summary>Every paired comparison as CSV (differences model_b - model_a).</summary>
    public string ComparisonsCsv()
    {
        var sb = new StringBuilder();
        Row(sb, ComparisonCsvColumns);
        foreach (var c in AllComparisons)
            Row(sb, [c.ModelA, c.ModelB, Int(c.Pairs), Number(c.MeanDifference), Number(c.CiLow), Number(c.CiHigh), Number(c.HodgesLehmann),
                c.Test, Number(c.PValue), c == Comparison ? "true" : "false"]);
        return sb.ToString();
    }

    /// <summary>Dice per subgroup as CSV.</summary>
    public string SubgroupsCsv()
    {
        var sb = new StringBuilder();
        Row(sb, SubgroupCsvColumns);
        foreach (var g in Subgroups)
            Row(sb, [g.Grouping, g.Group, g.Summary.Model, Int(g.Summary.Cases), Number(g.Summary.MeanDice), Number(g.Summary.MedianDice),
                Number(g.Summary.CiLow), Number(g.Summary.CiHigh)]);
        return sb.ToString();
    }

    /// <summary>Human-readable tables (Dice to 3 decimals, p to 3 significant digits) with notes on what is compared and
    /// the findings worded from the intervals and p-values (<see cref="ResultsFindings"/>).</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Model | Source | Test masses | Mean Dice | Median Dice | 95% CI of mean |\n");
        sb.Append("|---|---|---:|---:|---:|---|\n");
        foreach (var m in Models)
            sb.Append($"| {Escape(m.Model)} | this run ({Escape(DataLabel)}) | {m.Cases} | {Dice(m.MeanDice)} | {Dice(m.MedianDice)} | {Dice(m.CiLow)} to {Dice(m.CiHigh)} |\n");
        foreach (var s in Study?.Models ?? [])
            sb.Append($"| {Escape(s.Model)} | {StudyResults.Label} | {s.TestCases} | {Dice(s.MeanDice)} | {Dice(s.MedianDice)} | not reported |\n");
        sb.Append('\n');
        sb.Append(UnitNote()).Append("\n\n");

        if (AllComparisons.Any())
        {
            sb.Append("| Comparison (difference B - A) | Masses | Mean difference | 95% CI | Hodges-Lehmann | Test | p |\n");
            sb.Append("|---|---:|---:|---|---:|---|---:|\n");
            foreach (var c in AllComparisons)
                sb.Append($"| {Escape(c.ModelB)} - {Escape(c.ModelA)}{(c == Comparison ? " (primary)" : "")} | {c.Pairs} | {Signed(c.MeanDifference)} | " +
                          $"{Signed(c.CiLow)} to {Signed(c.CiHigh)} | {Signed(c.HodgesLehmann)} | {Escape(c.Test)} | {P(c.PValue)} |\n");
            sb.Append('\n');
            foreach (string line in ResultsFindings.Shows(this)) sb.Append(line).Append('\n');
            sb.Append('\n');
        }

        if (Subgroups.Count > 0)
        {
            sb.Append(SubgroupMarkdown()).Append('\n');
        }
        if (SeedMeans.Count > 0)
        {
            sb.Append("Mean per-mass Dice of each seed (the spread between training runs, not included in the CIs above):\n\n");
            foreach (var g in SeedMeans.GroupBy(s => s.Model))
                sb.Append($"- {Escape(g.Key)}: {string.Join(", ", g.Select(s => $"seed {s.Seed} {Dice(s.MeanDice)}"))}\n");
            sb.Append('\n');
        }
        if (Study is { } study)
            sb.Append($"Rows marked \"{StudyResults.Label}\" are the numbers reported by {study.Citation} on its own test masses " +
                      $"of patient data. The rows of this run were measured on different data ({Escape(DataLabel)}): the two are side by side " +
                      "for reference, not as a like-for-like comparison.\n");
        return sb.ToString();
    }

    /// <summary>The sentence under the table: what a row counts and how the CIs were made.</summary>
    public string UnitNote()
    {
        int views = Models.Select(m => m.Views).DefaultIfEmpty().Max();
        int excluded = Models.Select(m => m.Excluded).DefaultIfEmpty().Max();
        string viewText = views > 0 ? $" ({views} scored views)" : "";
        string excludedText = excluded > 0 ? $" {excluded} test mass(es) had no scorable view (empty reference) and are left out." : "";
        return $"The unit is the mass: each mass's Dice is the mean of its views' Dice{viewText}; test masses come from {Escape(Design)}. " +
               $"95% CIs: percentile bootstrap over masses ({Bootstrap.Resamples:N0} resamples, seed {Bootstrap.Seed}); Wilcoxon signed-rank " +
               $"tests on the per-mass differences.{excludedText}";
    }

    private string SubgroupMarkdown()
    {
        var sb = new StringBuilder();
        var models = Subgroups.Select(s => s.Summary.Model).Distinct().ToList();
        sb.Append("Dice per subgroup (mean, 95% CI; size = equivalent diameter of the reference mask):\n\n");
        sb.Append("| Group | Masses | ").AppendJoin(" | ", models.Select(Escape)).Append(" |\n");
        sb.Append("|---|---:|").Append(string.Concat(models.Select(_ => "---|"))).Append('\n');
        foreach (var g in Subgroups.GroupBy(s => (s.Grouping, s.Group)))
        {
            var byModel = g.ToDictionary(s => s.Summary.Model, s => s.Summary);
            sb.Append($"| {g.Key.Grouping}: {Escape(g.Key.Group)} | {g.Max(s => s.Summary.Cases)} | ");
            sb.AppendJoin(" | ", models.Select(m => byModel.TryGetValue(m, out var s) && s.Cases > 0
                ? $"{Dice(s.MeanDice)} ({Dice(s.CiLow)} to {Dice(s.CiHigh)})" : "no masses"));
            sb.Append(" |\n");
        }
        return sb.ToString();
    }

    /// <summary>Writes <c>base.md</c> and <c>base.csv</c> atomically (and <c>base-comparisons.csv</c>,
    /// <c>base-subgroups.csv</c> when there are comparisons or subgroups); returns the Markdown and main CSV paths.</summary>
    public (string Markdown, string Csv) Save(string basePathWithoutExt)
    {
        string md = basePathWithoutExt + ".md", csv = basePathWithoutExt + ".csv";
        AtomicFile.WriteAllText(md, ToMarkdown());
        AtomicFile.WriteAllText(csv, ToCsv());
        if (AllComparisons.Any()) AtomicFile.WriteAllText(basePathWithoutExt + "-comparisons.csv", ComparisonsCsv());
        if (Subgroups.Count > 0) AtomicFile.WriteAllText(basePathWithoutExt + "-subgroups.csv", SubgroupsCsv());
        return (md, csv);
    }

    /// <summary>Dice as shown in the Markdown table.</summary>
    public static string Dice(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A difference with its sign ("+0.031", "-0.020").</summary>
    public static string Signed(double value) => double.IsFinite(value) ? value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>p-value as shown in the Markdown table: 3 significant digits, scientific below 0.001.</summary>
    public static string P(double p) =>
        !double.IsFinite(p) ? "n/a"
        : p < 1e-3 ? p.ToString("0.00e+0", CultureInfo.InvariantCulture)
        : p.ToString("G3", CultureInfo.InvariantCulture);

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    internal static string Escape(string s) => s.Replace("|", "\\|").Replace("\n", " ");

    internal static void Row(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            string f = fields[i];
            sb.Append(f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f);
        }
        sb.Append('\n');
    }
}
