using System.Buffers.Binary;
using System.IO.Compression;
using BreastSeg.Figures;
using Plotly.NET;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Figures;

public sealed class FigureExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-figures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static GenericChart SmallChart(string title) => PlotlyBuilder.Chart(
        [PlotlyBuilder.Trace("scatter", ("x", new[] { 1, 2, 3 }), ("y", new[] { 0.2, 0.5, 0.4 }))],
        ("title", PlotlyBuilder.Title(title)), ("width", 400), ("height", 300));

    [Fact]
    public void Html_is_self_contained_with_plotly_js_inlined()
    {
        string html = FigureExport.ToSelfContainedHtml(SmallChart("html"));
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
        var files = FigureExport.Save(SmallChart("no browser"), basePath, browser: new ChromiumSearch(null, "no Chromium found; " + ChromiumLocator.Hint));
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
            var files = FigureExport.Save(SmallChart(name), Path.Combine(_dir, name), scale);
            Assert.Null(files.Note);
            Assert.Equal(Path.Combine(_dir, name + ".png"), files.PngPath);
            byte[] png = File.ReadAllBytes(files.PngPath!);
            Assert.InRange(png.Length, 2_000, 2_000_000);
            var (width, height) = DecodePng(png);
            Assert.Equal((int)(400 * scale), width);
            Assert.Equal((int)(300 * scale), height);
        }
    }

    // Checks the signature and IHDR, then inflates the image data and checks it holds every scanline.
    private static (int Width, int Height) DecodePng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pos = 8, width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);   // bit depth
                channels = data[9] switch { 2 => 3, 6 => 4, 0 => 1, 4 => 2, _ => throw new InvalidDataException($"colour type {data[9]}") };
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        Assert.Equal((long)height * (1 + width * channels), inflated.Length);
        return (width, height);
    }
}
