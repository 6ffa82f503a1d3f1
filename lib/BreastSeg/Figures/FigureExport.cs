using BreastSeg.IO;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace BreastSeg.Figures;

/// <summary>What <see cref="FigureExport.Save"/> wrote.</summary>
/// <param name="HtmlPath">The self-contained HTML file (always written).</param>
/// <param name="PngPath">The PNG file, or null when no browser was available.</param>
/// <param name="Note">One line saying why no PNG was written and how to get one, or null.</param>
public sealed record FigureFiles(string HtmlPath, string? PngPath, string? Note);

/// <summary>
/// Writes figures as self-contained HTML (plotly.js inlined: opens offline, about 3.6 MB each) and as PNG through a
/// locally installed Chromium (<see cref="ChromiumLocator"/>). One browser is started on the first PNG and reused for
/// every later figure of the process; it closes at exit or on <see cref="CloseBrowser"/>.
/// </summary>
public static class FigureExport
{
    /// <summary>Default image width when the chart's layout sets none (CSS px).</summary>
    public const int DefaultWidth = 1000;

    /// <summary>Default image height when the chart's layout sets none (CSS px).</summary>
    public const int DefaultHeight = 700;

    private static readonly object Gate = new();
    private static ChromiumRenderer? _renderer;
    private static string? _rendererPath;
    private static string? _launchProblem;

    static FigureExport() => AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseBrowser();

    /// <summary>
    /// Writes <c>basePathWithoutExt.html</c> and, where a browser is found, <c>basePathWithoutExt.png</c> (at
    /// <paramref name="scale"/> times the layout's size, 2 = print resolution). Both writes are atomic.
    /// </summary>
    public static FigureFiles Save(GenericChart chart, string basePathWithoutExt, double scale = 2, ChromiumSearch? browser = null)
    {
        string html = basePathWithoutExt + ".html";
        AtomicFile.WriteAllText(html, ToSelfContainedHtml(chart));

        browser ??= ChromiumLocator.Find();
        if (browser.ExecutablePath is null)
            return WithoutPng(html, basePathWithoutExt, browser.Problem!);

        var (width, height) = SizeOf(chart);
        byte[] png;
        lock (Gate)
        {
            var renderer = RendererFor(browser.ExecutablePath);
            if (renderer is null)
                return WithoutPng(html, basePathWithoutExt, _launchProblem!);
            try
            {
                png = renderer.RenderPng(chart, width, height, scale);
            }
            catch (Exception e) when (e is PuppeteerSharp.PuppeteerException or InvalidOperationException or FormatException)
            {
                // A crashed or stuck browser costs this figure's PNG, not the run; the next figure starts a new one.
                CloseBrowser();
                return WithoutPng(html, basePathWithoutExt, $"rendering failed ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
            }
        }
        string pngPath = basePathWithoutExt + ".png";
        AtomicFile.WriteAllBytes(pngPath, png);
        return new FigureFiles(html, pngPath, null);
    }

    // A PNG left from an earlier run would no longer match the HTML beside it.
    private static FigureFiles WithoutPng(string html, string basePathWithoutExt, string reason)
    {
        File.Delete(basePathWithoutExt + ".png");
        return new FigureFiles(html, null, $"PNG not written for {Path.GetFileName(basePathWithoutExt)}: {reason}");
    }

    /// <summary>A complete HTML page showing the chart, with plotly.js inlined rather than loaded from a CDN.</summary>
    public static string ToSelfContainedHtml(GenericChart chart) => GenericChart.toEmbeddedHTML(WithInlinePlotlyJs(chart));

    /// <summary>
    /// The chart set to inline plotly.js (Plotly.NET's bundled copy) in its HTML instead of loading it from a CDN; needed
    /// offline, and by Plotly.NET.ImageExport, which otherwise waits 30 s for a script that never loads.
    /// </summary>
    public static GenericChart WithInlinePlotlyJs(GenericChart chart)
    {
        var options = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        return GenericChart.setDisplayOptions(options, chart);
    }

    /// <summary>The chart's layout width and height (CSS px), or the defaults.</summary>
    public static (int Width, int Height) SizeOf(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        return (Number(layout, "width") ?? DefaultWidth, Number(layout, "height") ?? DefaultHeight);
    }

    /// <summary>Closes the shared browser (a later PNG starts a new one).</summary>
    public static void CloseBrowser()
    {
        lock (Gate)
        {
            _renderer?.Dispose();
            _renderer = null;
            _rendererPath = null;
            _launchProblem = null;
        }
    }

    private static ChromiumRenderer? RendererFor(string executable)
    {
        if (_rendererPath == executable) return _renderer;
        _renderer?.Dispose();
        _renderer = null;
        _rendererPath = executable;
        _launchProblem = null;
        try
        {
            _renderer = ChromiumRenderer.Launch(executable);
        }
        catch (Exception e) when (e is PuppeteerSharp.PuppeteerException or PuppeteerSharp.ProcessException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            // Remembered so a broken browser costs one failed start per process, not one per figure.
            _launchProblem = $"{executable} did not start ({e.GetType().Name}: {e.Message.Split('\n')[0]}); {ChromiumLocator.Hint}";
        }
        return _renderer;
    }

    private static int? Number(Layout layout, string name)
    {
        var value = layout.TryGetPropertyValue(name);
        return FSharpOption<object>.get_IsSome(value) && value.Value is IConvertible c ? Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
