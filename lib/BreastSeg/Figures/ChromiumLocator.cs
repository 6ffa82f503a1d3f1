namespace BreastSeg.Figures;

/// <summary>The outcome of looking for a browser: its path, or why none was found.</summary>
/// <param name="ExecutablePath">The browser to drive, or null.</param>
/// <param name="Problem">Why no browser can be used (one line), or null when one was found.</param>
public sealed record ChromiumSearch(string? ExecutablePath, string? Problem);

/// <summary>
/// Finds a Chromium or Chrome for static image export without downloading one: the executable named by the
/// environment variable <c>BREASTSEG_CHROMIUM</c> if set, otherwise the first of chromium, chromium-browser,
/// google-chrome, google-chrome-stable on the PATH (Debian's package <c>chromium</c> installs /usr/bin/chromium).
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Environment variable naming the browser executable to use for PNG export.</summary>
    public const string Variable = "BREASTSEG_CHROMIUM";

    /// <summary>Executable names looked up on the PATH, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>How to get PNGs where no browser was found (one line).</summary>
    public const string Hint =
        "install Chromium (Debian/Ubuntu: apt-get install chromium) or set " + Variable + " to a Chromium/Chrome executable, then re-run for PNGs";

    /// <summary>Looks for a browser in <paramref name="environment"/> (the process environment when null).</summary>
    public static ChromiumSearch Find(IReadOnlyDictionary<string, string?>? environment = null)
    {
        string? Get(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);

        string? configured = Get(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured)
                ? new ChromiumSearch(Path.GetFullPath(configured), null)
                : new ChromiumSearch(null, $"{Variable}={configured} does not exist; {Hint}");

        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ""] : [""];
        foreach (string dir in (Get("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in Names)
                foreach (string ext in extensions)
                {
                    string candidate = Path.Combine(dir, name + ext);
                    if (File.Exists(candidate)) return new ChromiumSearch(candidate, null);
                }
        return new ChromiumSearch(null, $"no Chromium found on the PATH ({string.Join(", ", Names)}) and {Variable} is not set; {Hint}");
    }
}
