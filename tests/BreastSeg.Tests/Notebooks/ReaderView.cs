using System.Diagnostics;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// What a reader of a saved notebook sees: nbconvert's HTML (Debian python3-nbconvert, the page Jupyter shows) loaded in
/// headless Chromium with no network, its scripts run and the resulting DOM returned. The DOM comes from Chromium's own
/// command line (virtual time), independent of the PuppeteerSharp path that takes the committed screenshots
/// (<see cref="BreastSeg.Notebooks.NotebookPages"/>).
/// </summary>
internal static class ReaderView
{
    /// <summary>Null when nbconvert and Chromium are both here, else why not (the browser test skips with it; .ci/run installs both).</summary>
    public static string? Unavailable() => BreastSeg.Notebooks.NotebookPages.Unavailable();

    public static string? Chromium() => BreastSeg.Figures.ChromiumLocator.Find().ExecutablePath;

    /// <summary>Converts <paramref name="notebook"/> to HTML in <paramref name="folder"/> (the library's nbconvert call); returns the HTML file.</summary>
    public static string ToHtml(string notebook, string folder) => BreastSeg.Notebooks.NotebookPages.ToHtml(notebook, folder);

    /// <summary>The DOM after the page's scripts ran (30 s of virtual time), every network request refused.</summary>
    public static string Dom(string html) => Browse(html, "--dump-dom");

    private static string Browse(string html, params string[] what)
    {
        string profile = Directory.CreateTempSubdirectory("bs-chromium").FullName;
        try
        {
            string[] args =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                // No network: every host resolves to nothing and every request goes to a proxy that is not there.
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--virtual-time-budget=30000", .. what, new Uri(Path.GetFullPath(html)).AbsoluteUri,
            ];
            var (code, output) = BreastSeg.Notebooks.NotebookPages.Run(Chromium()!, args, TimeSpan.FromMinutes(3), stdoutOnly: true);
            if (code != 0) throw new InvalidOperationException($"chromium exited with {code}");
            return output;
        }
        finally { try { Directory.Delete(profile, true); } catch (IOException) { } }
    }
}
