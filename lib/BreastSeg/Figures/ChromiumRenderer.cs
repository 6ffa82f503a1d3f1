using Plotly.NET;
using PuppeteerSharp;

namespace BreastSeg.Figures;

/// <summary>
/// Renders charts to PNG in one headless Chromium kept open across figures. Plotly.NET.ImageExport starts a browser
/// for every image (most of its 1.3-2 s per figure); this renderer loads plotly.js once into one page and calls
/// Plotly.toImage per figure, the same mechanism without the restarts. Nothing is downloaded: the browser must be
/// installed (see <see cref="ChromiumLocator"/>).
/// </summary>
public sealed class ChromiumRenderer : IDisposable
{
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly object _gate = new();

    private ChromiumRenderer(IBrowser browser, IPage page)
    {
        _browser = browser;
        _page = page;
    }

    /// <summary>
    /// Starts <paramref name="executablePath"/> headless and loads plotly.js into a page. PuppeteerSharp gives the
    /// browser a fresh temporary profile and removes it when the browser closes.
    /// </summary>
    public static ChromiumRenderer Launch(string executablePath)
    {
        var options = new LaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = LaunchArguments(),
            Timeout = 60_000,
        };
        IBrowser? browser = null;
        try
        {
            browser = Puppeteer.LaunchAsync(options).GetAwaiter().GetResult();
            var page = browser.NewPageAsync().GetAwaiter().GetResult();
            page.SetContentAsync($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>{PlotlyJs.Source}</script></head><body></body></html>")
                .GetAwaiter().GetResult();
            return new ChromiumRenderer(browser, page);
        }
        catch
        {
            browser?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Chromium flags: no GPU; no background connections (they are refused on closed networks, many at a time, and
    /// slow the start); no sandbox when running as root, where Chromium refuses to start with it.
    /// </summary>
    public static string[] LaunchArguments()
    {
        var args = new List<string>
        {
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
        };
        if (IsRoot()) args.Insert(0, "--no-sandbox");
        return args.ToArray();
    }

    /// <summary>PNG bytes of <paramref name="chart"/> at <paramref name="width"/> x <paramref name="height"/> CSS px times <paramref name="scale"/>.</summary>
    public byte[] RenderPng(GenericChart chart, int width, int height, double scale)
    {
        string figure = GenericChart.toFigureJson(chart);
        string dataUrl;
        lock (_gate)
        {
            dataUrl = _page.EvaluateFunctionAsync<string>(
                    "(fig, w, h, s) => Plotly.toImage(JSON.parse(fig), { format: 'png', width: w, height: h, scale: s })",
                    figure, width, height, scale)
                .GetAwaiter().GetResult();
        }
        const string prefix = "data:image/png;base64,";
        if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException("plotly.js did not return a PNG data URL");
        return Convert.FromBase64String(dataUrl[prefix.Length..]);
    }

    /// <summary>Closes the browser (PuppeteerSharp then removes its temporary profile).</summary>
    public void Dispose()
    {
        try { _browser.CloseAsync().GetAwaiter().GetResult(); }
        catch (Exception e) when (e is PuppeteerException or IOException or InvalidOperationException) { }
        _browser.Dispose();
    }

    private static bool IsRoot() =>
        !OperatingSystem.IsWindows() && string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
}
