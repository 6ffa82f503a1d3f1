using System.Globalization;
using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Figures;

/// <summary>Summary of one model's Dice on the test cases (computed by the evaluation step).</summary>
/// <param name="Model">Model name.</param>
/// <param name="Cases">Number of test cases.</param>
/// <param name="MeanDice">Mean Dice.</param>
/// <param name="MedianDice">Median Dice.</param>
/// <param name="CiLow">Lower end of the 95% confidence interval of the mean Dice.</param>
/// <param name="CiHigh">Upper end of the 95% confidence interval of the mean Dice.</param>
/// <param name="StudyCounterpart">The study's model this one reproduces ("B-mode", "entropy"), or null.</param>
public sealed record ModelSummary(string Model, int Cases, double MeanDice, double MedianDice, double CiLow, double CiHigh, string? StudyCounterpart = null);

/// <summary>A paired test between two models on the same test cases.</summary>
/// <param name="ModelA">First model (the B-mode model in the study's comparison).</param>
/// <param name="ModelB">Second model (the entropy model).</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Pairs">Number of paired cases.</param>
/// <param name="Test">Name of the test.</param>
public sealed record PairedComparison(string ModelA, string ModelB, double PValue, int Pairs, string Test = "Wilcoxon signed-rank");

/// <summary>
/// The results table: this run's Dice summary per model, the paired test between the B-mode and entropy models,
/// and the study's reported numbers beside them, labelled as the study's and on its own (different) data.
/// </summary>
/// <param name="Models">This run's models.</param>
/// <param name="Comparison">The paired test, or null.</param>
/// <param name="Study">The study's numbers, or null to leave them out.</param>
/// <param name="DataLabel">What this run's numbers were measured on ("simulated cohort", "OASBUD").</param>
public sealed record ResultsTable(IReadOnlyList<ModelSummary> Models, PairedComparison? Comparison, StudyResults? Study, string DataLabel)
{
    /// <summary>CSV header (columns in order).</summary>
    public static readonly string[] CsvColumns =
        ["source", "data", "model", "cases", "mean_dice", "median_dice", "ci95_low", "ci95_high", "test", "compared_with", "p_value"];

    /// <summary>
    /// Machine-readable table (RFC 4180, invariant culture, round-trip precision): one row per model of this run, then
    /// one per model of the study (CI and test empty: not reported). The paired test's p-value is on both compared rows.
    /// </summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', CsvColumns).Append('\n');
        foreach (var m in Models)
        {
            string test = "", other = "", p = "";
            if (Comparison is { } c && (m.Model == c.ModelA || m.Model == c.ModelB))
                (test, other, p) = (c.Test, m.Model == c.ModelA ? c.ModelB : c.ModelA, Number(c.PValue));
            Row(sb, "this run", DataLabel, m.Model, m.Cases.ToString(CultureInfo.InvariantCulture), Number(m.MeanDice), Number(m.MedianDice),
                Number(m.CiLow), Number(m.CiHigh), test, other, p);
        }
        foreach (var s in Study?.Models ?? [])
            Row(sb, StudyResults.Label, Study!.Citation, s.Model, s.TestCases.ToString(CultureInfo.InvariantCulture),
                Number(s.MeanDice), Number(s.MedianDice), "", "", "", "", "");
        return sb.ToString();
    }

    /// <summary>Human-readable table (Dice to 3 decimals, p to 3 significant digits) with notes on what is compared.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Model | Source | Test cases | Mean Dice | Median Dice | 95% CI of mean |\n");
        sb.Append("|---|---|---:|---:|---:|---|\n");
        foreach (var m in Models)
            sb.Append($"| {Escape(m.Model)} | this run ({Escape(DataLabel)}) | {m.Cases} | {Dice(m.MeanDice)} | {Dice(m.MedianDice)} | {Dice(m.CiLow)} to {Dice(m.CiHigh)} |\n");
        foreach (var s in Study?.Models ?? [])
            sb.Append($"| {Escape(s.Model)} | {StudyResults.Label} | {s.TestCases} | {Dice(s.MeanDice)} | {Dice(s.MedianDice)} | not reported |\n");
        sb.Append('\n');
        if (Comparison is { } c)
            sb.Append($"{c.Test} test, {Escape(c.ModelA)} vs {Escape(c.ModelB)} on the same {c.Pairs} test cases: p = {P(c.PValue)}.\n\n");
        if (Study is { } study)
            sb.Append($"Rows marked \"{StudyResults.Label}\" are the numbers reported by {study.Citation} on its own test masses " +
                      $"of patient data. The rows of this run were measured on different data ({Escape(DataLabel)}): the two are side by side " +
                      "for reference, not as a like-for-like comparison.\n");
        return sb.ToString();
    }

    /// <summary>Writes <c>base.md</c> and <c>base.csv</c> atomically; returns their paths.</summary>
    public (string Markdown, string Csv) Save(string basePathWithoutExt)
    {
        string md = basePathWithoutExt + ".md", csv = basePathWithoutExt + ".csv";
        AtomicFile.WriteAllText(md, ToMarkdown());
        AtomicFile.WriteAllText(csv, ToCsv());
        return (md, csv);
    }

    /// <summary>Dice as shown in the Markdown table.</summary>
    public static string Dice(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>p-value as shown in the Markdown table: 3 significant digits, scientific below 0.001.</summary>
    public static string P(double p) =>
        !double.IsFinite(p) ? "n/a"
        : p < 1e-3 ? p.ToString("0.00e+0", CultureInfo.InvariantCulture)
        : p.ToString("G3", CultureInfo.InvariantCulture);

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("\n", " ");

    private static void Row(StringBuilder sb, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(',');
            string f = fields[i];
            sb.Append(f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f);
        }
        sb.Append('\n');
    }
}
