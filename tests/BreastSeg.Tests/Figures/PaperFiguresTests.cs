using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public sealed class PaperFiguresTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-paper-figures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_figure_with_data_is_written_under_its_standard_name()
    {
        var g = new ImageGeometry(40, 30, 0.05, 0.1);
        var image = new MmImage(g, Enumerable.Range(0, 1200).Select(i => -(i % 50.0)).ToArray());
        var mask = new MmMask(g, Enumerable.Range(0, 1200).Select(i => i % 40 is > 10 and < 25 && i / 40 is > 8 and < 20).ToArray());
        var example = new ExampleCase("good", "case 1", image, image, mask, [new ModelMask("entropy", mask, 1)]);
        var input = new PaperFiguresInput("simulated cohort",
            Examples: [example],
            Dice: [new ModelDice("entropy", [0.4, 0.8], "entropy")],
            Table: new ResultsTable([new ModelSummary("entropy", 2, 0.6, 0.6, 0.4, 0.8)], null, StudyResults.Byra2020, "simulated cohort"),
            Sweep: [new SweepPoint(1, 16, 1.2), new SweepPoint(2, 16, 1.5)],
            SweepMaps: ([new WindowMap(1, image), new WindowMap(2, image)], mask, "case 1"),
            Training: [new TrainingHistory("entropy", [new EpochMetrics(1, 0.5, 0.6, 0.4)])],
            Attention: [new AttentionCase("case 1", image, "Entropy (bits)", [new AttentionGateMap("gate 1", image)], mask)]);

        var noBrowser = new ChromiumSearch(null, "no Chromium found; " + ChromiumLocator.Hint);
        var figures = PaperFigures.Write(input, _dir, noBrowser);

        string[] names = ["example-cases", "dice-distributions", "entropy-window-sweep", "entropy-window-sweep-heatmap",
            "entropy-window-slider", "training-curves", "attention-maps"];
        Assert.Equal(names.Select(n => Path.Combine(_dir, n + ".html")), figures.Select(f => f.Files.HtmlPath));
        Assert.All(figures, f => Assert.True(File.Exists(f.Files.HtmlPath)));
        Assert.All(figures, f => Assert.Contains(ChromiumLocator.Variable, f.Files.Note));
        Assert.True(File.Exists(Path.Combine(_dir, PaperFigures.TableName + ".md")));
        Assert.True(File.Exists(Path.Combine(_dir, PaperFigures.TableName + ".csv")));
        Assert.Equal(names.Length + 2, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void Only_the_parts_with_data_are_written()
    {
        var figures = PaperFigures.Write(new PaperFiguresInput("OASBUD", Dice: [new ModelDice("B-mode", [0.5])]), _dir, new ChromiumSearch(null, "none"));
        Assert.Equal("Dice per test mass", Assert.Single(figures).Title);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_browser_that_does_not_start_still_leaves_the_html_and_says_why()
    {
        string notABrowser = Path.Combine(_dir, "not-a-browser");
        File.WriteAllText(notABrowser, "not an executable");
        try
        {
            var files = FigureExport.Save(TestCharts.Small("broken browser"), Path.Combine(_dir, "fig"), browser: new ChromiumSearch(notABrowser, null));
            Assert.True(File.Exists(files.HtmlPath));
            Assert.Null(files.PngPath);
            Assert.Contains("did not start", files.Note);
            Assert.DoesNotContain('\n', files.Note!);
        }
        finally { FigureExport.CloseBrowser(); }
    }
}
