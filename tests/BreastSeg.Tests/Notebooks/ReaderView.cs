using System.Diagnostics;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// What a reader of a saved notebook sees: nbconvert's HTML (Debian python3-nbconvert, the page Jupyter shows) loaded in
/// headless Chromium with no network, its scripts run and the resulting DOM returned.
/// </summary>
internal static class ReaderView
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Null when nbconvert and Chromium are both here, else why not (the browser test skips with it; .ci/run installs both).</summary>
    public static string? Unavailable()
    {
        if (Run(Python, ["-c", "import nbconvert"], TimeSpan.FromSeconds(60)).Code != 0)
            return $"{Python} has no nbconvert: apt-get install python3-nbconvert (.ci/run does)";
        return Chromium() is null ? "no chromium on the PATH: apt-get install chromium (.ci/run does)" : null;
    }

    public static string? Chromium() => BreastSeg.Figures.ChromiumLocator.Find().ExecutablePath;

    /// <summary>Converts <paramref name="notebook"/> to HTML in <paramref name="folder"/>; returns the HTML file.</summary>
    public static string ToHtml(string notebook, string folder)
    {
        Directory.CreateDirectory(folder);
        var (code, output) = Run(Python, ["-m", "nbconvert", "--to", "html", "--output-dir", folder, notebook], TimeSpan.FromMinutes(3));
        string html = Path.Combine(folder, Path.GetFileNameWithoutExtension(notebook) + ".html");
        if (code != 0 || !File.Exists(html)) throw new InvalidOperationException($"nbconvert failed ({code}): {output}");
        return html;
    }

    /// <summary>The DOM after the page's scripts ran (30 s of virtual time), every network request refused.</summary>
    public static string Dom(string html) => Browse(html, "--dump-dom");

    /// <summary>A screenshot of the page's top <paramref name="height"/> pixels at 1400 px wide.</summary>
    public static void Screenshot(string html, string png, int height = 3000) =>
        Browse(html, $"--screenshot={png}", $"--window-size=1400,{height}", "--hide-scrollbars");

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
            var (code, output) = Run(Chromium()!, args, TimeSpan.FromMinutes(3), stdoutOnly: true);
            if (code != 0) throw new InvalidOperationException($"chromium exited with {code}");
            return output;
        }
        finally { try { Directory.Delete(profile, true); } catch (IOException) { } }
    }

    private static (int Code, string Output) Run(string file, string[] args, TimeSpan timeout, bool stdoutOnly = false)
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
