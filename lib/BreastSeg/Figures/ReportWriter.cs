using System.Globalization;
using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Figures;

/// <summary>Where a run's data came from.</summary>
public enum DataSource
{
    /// <summary>The kit's simulated cohort.</summary>
    Simulated,

    /// <summary>The OASBUD RF dataset (Piotrzkowska-Wroblewska et al. 2017).</summary>
    Oasbud,

    /// <summary>Another file the user supplied.</summary>
    Other,
}

/// <summary>The data a run used.</summary>
/// <param name="Source">Simulated, OASBUD or other.</param>
/// <param name="Path">The data file.</param>
/// <param name="Cases">Number of cases (lesions).</param>
/// <param name="TestCases">Number of test masses (each with its views).</param>
/// <param name="Description">Extra detail (simulator seed and parameters, views used), or null.</param>
public sealed record ReportData(DataSource Source, string Path, int Cases, int TestCases, string? Description = null);

/// <summary>A figure to show in the report.</summary>
/// <param name="Title">Heading of the figure.</param>
/// <param name="Files">The written files (PNG shown inline where it exists, HTML linked).</param>
/// <param name="Caption">One or two sentences on what the figure shows, or null.</param>
public sealed record ReportFigure(string Title, FigureFiles Files, string? Caption = null);

/// <summary>A further section of the report's results (threshold choice, entropy sweep, ...).</summary>
/// <param name="Title">Heading.</param>
/// <param name="Markdown">Body (Markdown).</param>
public sealed record ReportSection(string Title, string Markdown);

/// <summary>Everything the report states about a run.</summary>
/// <param name="RunName">Name of the run (its results folder).</param>
/// <param name="Command">The command line that produced it.</param>
/// <param name="Started">Start time.</param>
/// <param name="Duration">Wall-clock time taken.</param>
/// <param name="Data">The data used.</param>
/// <param name="Configuration">Every parameter of the run, in the order to show.</param>
/// <param name="Table">The results table.</param>
/// <param name="Figures">Figures to include.</param>
/// <param name="Notes">Further lines (for example why PNGs are missing), or null.</param>
public sealed record ReportInput(
    string RunName,
    string Command,
    DateTimeOffset Started,
    TimeSpan Duration,
    ReportData Data,
    IReadOnlyList<KeyValuePair<string, string>> Configuration,
    ResultsTable Table,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<string>? Notes = null)
{
    /// <summary>Results of the control cohorts (null, statistics-only, echogenicity-only), or null to leave them out.</summary>
    public ControlsTable? Controls { get; init; }

    /// <summary>Further sections after the results and controls, in order.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];
}

/// <summary>Writes a run's report (Markdown): what was run, on which data, configuration, time, results and figures.</summary>
public static class ReportWriter
{
    /// <summary>The sentence stating what the simulated cohort is not.</summary>
    public const string SimulatedDisclaimer =
        "The data are a simulated cohort made by this kit's simulator: it is not the study's patient data, so its Dice values " +
        "show how the pipeline behaves, not whether the study's numbers are reproduced on patients.";

    /// <summary>The sentence stating how OASBUD relates to the study's data.</summary>
    public const string OasbudDisclaimer =
        "OASBUD (Piotrzkowska-Wroblewska et al. 2017) comes from the study's group and scanner, but it is a different and smaller " +
        "set (100 lesions) than the study's 269 masses, which are not public.";

    /// <summary>The report as Markdown; figure links are relative to <paramref name="reportDirectory"/>.</summary>
    public static string ToMarkdown(ReportInput input, string reportDirectory)
    {
        var sb = new StringBuilder();
        sb.Append($"# BreastSeg run `{input.RunName}`\n\n");
        sb.Append("Reproduction of Byra et al. 2020, \"Breast mass segmentation based on ultrasonic entropy maps and attention gated U-Net\" (arXiv:2001.10061): ");
        sb.Append("attention-gated U-Nets trained on B-mode images and on entropy maps, compared on the same test cases.\n\n");

        sb.Append("## What was run\n\n");
        sb.Append($"- Command: `{input.Command}`\n");
        sb.Append($"- Started: {input.Started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}\n");
        sb.Append($"- Time taken: {FormatDuration(input.Duration)}\n\n");

        sb.Append("## Data\n\n");
        var d = input.Data;
        string source = d.Source switch
        {
            DataSource.Simulated => "simulated cohort",
            DataSource.Oasbud => "OASBUD",
            _ => "user-supplied data",
        };
        sb.Append($"- Source: {source} (`{d.Path}`)\n");
        sb.Append($"- Masses: {d.Cases}, of which {d.TestCases} are test masses\n");
        if (!string.IsNullOrWhiteSpace(d.Description)) sb.Append($"- {d.Description}\n");
        sb.Append('\n');
        if (d.Source == DataSource.Simulated) sb.Append($"**{SimulatedDisclaimer}**\n\n");
        else if (d.Source == DataSource.Oasbud) sb.Append($"{OasbudDisclaimer}\n\n");
        else sb.Append("These data are not the study's patient data.\n\n");

        sb.Append("## Configuration\n\n| Parameter | Value |\n|---|---|\n");
        foreach (var (key, value) in input.Configuration) sb.Append($"| {Cell(key)} | {Cell(value)} |\n");
        sb.Append('\n');

        sb.Append("## Results\n\n");
        sb.Append(input.Table.ToMarkdown()).Append('\n');
        sb.Append("### What this run cannot show\n\n");
        foreach (string line in ResultsFindings.CannotShow(input.Table, d.Source)) sb.Append($"- {line}\n");
        sb.Append('\n');
        if (input.Controls is { Controls.Count: > 0 } controls)
        {
            sb.Append("### Controls\n\n");
            sb.Append(controls.ToMarkdown()).Append('\n');
        }
        foreach (var section in input.Sections)
            sb.Append($"### {section.Title}\n\n").Append(section.Markdown.TrimEnd()).Append("\n\n");

        if (input.Figures.Count > 0)
        {
            sb.Append("## Figures\n\n");
            foreach (var f in input.Figures)
            {
                sb.Append($"### {f.Title}\n\n");
                if (f.Files.PngPath is not null) sb.Append($"![{f.Title}]({Link(f.Files.PngPath, reportDirectory)})\n\n");
                if (!string.IsNullOrWhiteSpace(f.Caption)) sb.Append(f.Caption!.Trim()).Append(' ');
                sb.Append($"[Interactive version (HTML)]({Link(f.Files.HtmlPath, reportDirectory)}).\n\n");
            }
        }

        var notes = (input.Notes ?? []).Concat(input.Figures.Select(f => f.Files.Note).OfType<string>()).Distinct().ToList();
        if (notes.Count > 0)
        {
            sb.Append("## Notes\n\n");
            foreach (var n in notes) sb.Append($"- {n}\n");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> atomically (links relative to its folder).</summary>
    public static void Write(ReportInput input, string path)
    {
        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        AtomicFile.WriteAllText(path, ToMarkdown(input, dir));
    }

    /// <summary>"2 h 03 min", "4 min 12 s", "38.2 s".</summary>
    public static string FormatDuration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes:00} min"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds:00} s"
        : $"{t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static string Link(string path, string reportDirectory) =>
        System.IO.Path.GetRelativePath(reportDirectory, System.IO.Path.GetFullPath(path)).Replace('\\', '/').Replace(" ", "%20");

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
