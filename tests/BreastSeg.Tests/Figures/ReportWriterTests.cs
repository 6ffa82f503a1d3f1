using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ReportInput Input(DataSource source, bool png) => new(
        "quick-1",
        "breastseg reproduce --preset quick",
        new DateTimeOffset(2026, 11, 26, 14, 5, 0, TimeSpan.Zero),
        TimeSpan.FromSeconds(312),
        new ReportData(source, "data/cohort.mat", 60, 12, "seed 7"),
        [new("preset", "quick"), new("entropy window (mm)", "1.5"), new("note", "a | b")],
        new ResultsTable([new ModelSummary("entropy", 12, 0.7, 0.72, 0.6, 0.8)], null, StudyResults.Byra2020, "simulated cohort"),
        [new ReportFigure("Dice per case", new FigureFiles(Path.Combine(_dir, "figures", "dice.html"), png ? Path.Combine(_dir, "figures", "dice.png") : null,
            png ? null : "PNG not written for dice: no Chromium found"), "Boxes show quartiles.")]);

    [Fact]
    public void A_simulated_run_says_plainly_it_is_not_the_studys_patient_data()
    {
        string md = ReportWriter.ToMarkdown(Input(DataSource.Simulated, png: true), _dir);
        Assert.Contains(ReportWriter.SimulatedDisclaimer, md);
        Assert.Contains("not the study's patient data", md);
        Assert.Contains("`breastseg reproduce --preset quick`", md);
        Assert.Contains("Time taken: 5 min 12 s", md);
        Assert.Contains("| entropy window (mm) | 1.5 |", md);
        Assert.Contains("| note | a \\| b |", md);
        Assert.Contains("| entropy | this run (simulated cohort) | 12 | 0.700 |", md);
        Assert.Contains("![Dice per case](figures/dice.png)", md);
        Assert.Contains("[Interactive version (HTML)](figures/dice.html)", md);
        Assert.DoesNotContain("## Notes", md);
    }

    [Fact]
    public void Oasbud_runs_explain_how_the_data_differ_and_missing_pngs_are_noted()
    {
        string md = ReportWriter.ToMarkdown(Input(DataSource.Oasbud, png: false), _dir);
        Assert.Contains(ReportWriter.OasbudDisclaimer, md);
        Assert.DoesNotContain(ReportWriter.SimulatedDisclaimer, md);
        Assert.DoesNotContain("![", md);
        Assert.Contains("- PNG not written for dice: no Chromium found", md);
    }

    [Fact]
    public void Write_puts_the_report_in_place_with_links_relative_to_it()
    {
        string path = Path.Combine(_dir, "report.md");
        ReportWriter.Write(Input(DataSource.Simulated, png: true), path);
        Assert.Equal(ReportWriter.ToMarkdown(Input(DataSource.Simulated, png: true), _dir), File.ReadAllText(path));
    }

    [Theory]
    [InlineData(38.24, "38.2 s")]
    [InlineData(312, "5 min 12 s")]
    [InlineData(7385, "2 h 03 min")]
    public void Durations_read_naturally(double seconds, string expected) =>
        Assert.Equal(expected, ReportWriter.FormatDuration(TimeSpan.FromSeconds(seconds)));
}
