using System.Diagnostics;
using BreastSeg.Figures;
using BreastSeg.IO;
using PuppeteerSharp;

namespace BreastSeg.Notebooks;

/// <summary>A notebook page as a reader sees it: how many of its charts drew, and the screenshot written.</summary>
/// <param name="Notebook">The executed notebook (.ipynb).</param>
/// <param name="ChartsPresent">Charts the kit put in the page (<see cref="NotebookChart.Marker"/>).</param>
/// <param name="ChartsDrawn">Charts plotly.js drew.</param>
/// <param name="Screenshot">The PNG written, or null.</param>
/// <param name="Width">Screenshot width (px).</param>
/// <param name="Height">Screenshot height (px).</param>
public sealed record NotebookPage(string Notebook, int ChartsPresent, int ChartsDrawn, string? Screenshot, int Width, int Height);

/// <summary>
/// What a reader of a saved notebook sees: nbconvert's HTML (the page Jupyter shows; Debian's python3-nbconvert) opened
/// in headless Chromium with every network request refused, the charts given time to draw, then a full-page screenshot
/// (<see cref="ScreenshotScale"/> of the CSS size, so a long notebook stays a modest PNG).
/// </summary>
public static class NotebookPages
{
    /// <summary>The Python that runs nbconvert (Debian's, where python3-nbconvert installs it).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Page width (CSS px) the screenshot is taken at.</summary>
    public const int PageWidth = 1400;

    /// <summary>Device pixels per CSS pixel of the screenshot.</summary>
    public const double ScreenshotScale = 0.55;

    /// <summary>Null when nbconvert and a Chromium are both here, else what to install (one line).</summary>
    public static string? Unavailable()
    {
        if (Run(Python, ["-c", "import nbconvert"], TimeSpan.FromSeconds(60)).Code != 0)
            return $"{Python} has no nbconvert: apt-get install python3-nbconvert";
        return ChromiumLocator.Find().Problem;
    }

    /// <summary>Converts <paramref name="notebook"/> to HTML in <paramref name="folder"/> with nbconvert; returns the HTML file.</summary>
    public static string ToHtml(string notebook, string folder)
    {
        Directory.CreateDirectory(folder);
        var (code, output) = Run(Python, ["-m", "nbconvert", "--to", "html", "--output-dir", folder, notebook], TimeSpan.FromMinutes(3));
        string html = Path.Combine(folder, Path.GetFileNameWithoutExtension(notebook) + ".html");
        if (code != 0 || !File.Exists(html))
            throw new BreastSegInputException(notebook, $"nbconvert failed ({code}): {output.Split('\n').LastOrDefault(l => l.Trim().Length > 0)}");
        return html;
    }

    /// <summary>
    /// Opens each executed notebook as a reader does (nbconvert, then Chromium without network), waits until every chart
    /// drew (at most <paramref name="timeout"/> per page) and writes a full-page PNG to <paramref name="screenshotFolder"/>
    /// under the notebook's name (written to a temporary name, then renamed).
    /// </summary>
    public static async Task<IReadOnlyList<NotebookPage>> ScreenshotAsync(IReadOnlyList<string> notebooks, string screenshotFolder, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        string executable = ChromiumLocator.Find().ExecutablePath
            ?? throw new BreastSegInputException("chromium", ChromiumLocator.Find().Problem ?? "not found");
        Directory.CreateDirectory(screenshotFolder);
        string htmlFolder = Directory.CreateTempSubdirectory("breastseg-pages-").FullName;
        var pages = new List<NotebookPage>();
        var options = new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumRenderer.LaunchArguments(),
            Timeout = 60_000,
        };
        try
        {
            await using var browser = await Puppeteer.LaunchAsync(options).ConfigureAwait(false);
            foreach (string notebook in notebooks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string html = ToHtml(notebook, htmlFolder);
                await using var page = await browser.NewPageAsync().ConfigureAwait(false);
                // No network: every request but the page's own file and data: URLs is refused (nbconvert's page asks a CDN
                // for MathJax and RequireJS; a reader offline sees it without them, and so does this).
                await page.SetRequestInterceptionAsync(true).ConfigureAwait(false);
                page.Request += async (_, e) =>
                {
                    if (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                        await e.Request.ContinueAsync().ConfigureAwait(false);
                    else
                        await e.Request.AbortAsync().ConfigureAwait(false);
                };
                await page.SetViewportAsync(new ViewPortOptions { Width = PageWidth, Height = 900, DeviceScaleFactor = ScreenshotScale }).ConfigureAwait(false);
                await page.GoToAsync(new Uri(html).AbsoluteUri, new NavigationOptions { Timeout = (int)timeout.TotalMilliseconds, WaitUntil = [WaitUntilNavigation.Load] })
                    .ConfigureAwait(false);
                string count = $"[document.querySelectorAll('[{NotebookChart.Marker}=\"1\"]').length, document.querySelectorAll('.plot-container.plotly').length]";
                var clock = Stopwatch.StartNew();
                int[] counts;
                while (true)
                {
                    counts = await page.EvaluateExpressionAsync<int[]>(count).ConfigureAwait(false);
                    if (counts[1] >= counts[0] || clock.Elapsed > timeout) break;
                    await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                }
                await Task.Delay(500, cancellationToken).ConfigureAwait(false); // the last chart's layout settles
                string png = Path.Combine(screenshotFolder, Path.GetFileNameWithoutExtension(notebook) + ".png");
                string temporary = png + ".tmp";
                await page.ScreenshotAsync(temporary, new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png }).ConfigureAwait(false);
                File.Move(temporary, png, overwrite: true);
                var size = await page.EvaluateExpressionAsync<double[]>("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]").ConfigureAwait(false);
                pages.Add(new NotebookPage(notebook, counts[0], counts[1], png, (int)Math.Round(size[0] * ScreenshotScale), (int)Math.Round(size[1] * ScreenshotScale)));
            }
        }
        finally { try { Directory.Delete(htmlFolder, true); } catch (IOException) { } }
        return pages;
    }

    /// <summary>Runs <paramref name="file"/> to its end or <paramref name="timeout"/> (then killed: code -1); its output
    /// (standard output, then standard error unless <paramref name="stdoutOnly"/>), or why it could not start.</summary>
    internal static (int Code, string Output) Run(string file, string[] args, TimeSpan timeout, bool stdoutOnly = false)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }
            return (p.ExitCode, stdoutOnly ? stdout.Result : stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
