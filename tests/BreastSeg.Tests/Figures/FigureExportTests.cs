using BreastSeg.Figures;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Figures;

public sealed class FigureExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-figures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Html_is_self_contained_with_plotly_js_inlined()
    {
        string html = FigureExport.ToSelfContainedHtml(TestCharts.Small("html"));
        string plotlyJs = PlotlyJs.Source;
        Assert.True(plotlyJs.Length > 1_000_000);
        Assert.Contains(plotlyJs, html);
        // plotly.js itself names cdn.plot.ly as the default for geo map data, unused here; the page around it loads nothing.
        string page = html.Replace(plotlyJs, "");
        Assert.Contains("Plotly.newPlot", page);
        Assert.DoesNotContain("cdn", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<script[^>]*src\s*=", page);
        Assert.DoesNotContain("require.js", page);
    }

    [Fact]
    public void Without_a_browser_the_html_is_written_and_the_note_says_how_to_get_pngs()
    {
        string basePath = Path.Combine(_dir, "sub", "dice");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllText(basePath + ".png", "a PNG of an earlier run");
        var files = FigureExport.Save(TestCharts.Small("no browser"), basePath, browser: new ChromiumSearch(null, "no Chromium found; " + ChromiumLocator.Hint));
        Assert.Equal(basePath + ".html", files.HtmlPath);
        Assert.True(File.Exists(files.HtmlPath));
        Assert.Null(files.PngPath);
        Assert.False(File.Exists(basePath + ".png"));
        Assert.NotNull(files.Note);
        Assert.DoesNotContain('\n', files.Note);
        Assert.Contains("PNG not written for dice", files.Note);
        Assert.Contains(ChromiumLocator.Variable, files.Note);
        Assert.Contains("apt-get install chromium", files.Note);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "sub")));   // no temporary file left
    }

    [Fact]
    public void The_locator_prefers_the_variable_then_searches_the_path()
    {
        string bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        string fake = Path.Combine(bin, "chromium-browser");
        File.WriteAllText(fake, "");

        var onPath = ChromiumLocator.Find(new Dictionary<string, string?> { ["PATH"] = "/nonexistent" + Path.PathSeparator + bin });
        Assert.Equal(fake, onPath.ExecutablePath);
        Assert.Null(onPath.Problem);

        string other = Path.Combine(_dir, "my-chrome");
        File.WriteAllText(other, "");
        var configured = ChromiumLocator.Find(new Dictionary<string, string?> { ["PATH"] = bin, [ChromiumLocator.Variable] = other });
        Assert.Equal(other, configured.ExecutablePath);

        var missing = ChromiumLocator.Find(new Dictionary<string, string?> { ["PATH"] = bin, [ChromiumLocator.Variable] = "/no/such/chrome" });
        Assert.Null(missing.ExecutablePath);
        Assert.Contains("BREASTSEG_CHROMIUM=/no/such/chrome does not exist", missing.Problem);

        var none = ChromiumLocator.Find(new Dictionary<string, string?> { ["PATH"] = "/nonexistent" });
        Assert.Null(none.ExecutablePath);
        Assert.Contains(ChromiumLocator.Hint, none.Problem);
    }

    [Fact]
    public void Launch_arguments_keep_chromium_off_the_network_and_unsandboxed_only_as_root()
    {
        var args = ChromiumRenderer.LaunchArguments();
        Assert.Contains("--disable-gpu", args);
        Assert.Contains("--disable-background-networking", args);
        Assert.Contains("--disable-component-update", args);
        Assert.Equal(Environment.UserName == "root" && !OperatingSystem.IsWindows(), args.Contains("--no-sandbox"));
    }

    [SkippableFact]
    public void Png_export_through_the_installed_chromium_gives_decodable_pngs_of_the_layout_size()
    {
        var browser = ChromiumLocator.Find();
        Skip.If(browser.ExecutablePath is null, $"no browser for PNG export: {browser.Problem}");
        output.WriteLine($"browser: {browser.ExecutablePath}");

        // Two figures: the second reuses the browser the first started.
        foreach (var (name, scale) in new[] { ("first", 1.0), ("second", 2.0) })
        {
            var files = FigureExport.Save(TestCharts.Small(name), Path.Combine(_dir, name), scale);
            Assert.Null(files.Note);
            Assert.Equal(Path.Combine(_dir, name + ".png"), files.PngPath);
            byte[] png = File.ReadAllBytes(files.PngPath!);
            Assert.InRange(png.Length, 2_000, 2_000_000);
            var (width, height) = TestCharts.DecodePng(png);
            Assert.Equal((int)(400 * scale), width);
            Assert.Equal((int)(300 * scale), height);
        }
    }
}
