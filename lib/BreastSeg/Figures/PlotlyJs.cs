using Plotly.NET;

namespace BreastSeg.Figures;

/// <summary>The plotly.js bundled inside Plotly.NET (so nothing is fetched from a CDN).</summary>
internal static class PlotlyJs
{
    private static readonly Lazy<string> _source = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<string> _globalScript = new(() =>
        // plotly.min.js is a UMD bundle: where a page has RequireJS (classic Jupyter, nbconvert's templates when the
        // CDN is reachable) it registers an anonymous AMD module instead of window.Plotly, and the charts' inline
        // Plotly.newPlot calls find nothing. Shadowing define/module/exports makes it take the browser-global branch
        // everywhere. "</script" never occurs in the bundle (a test checks), so it can sit inside a script element.
        "<script type=\"text/javascript\">/* plotly.js " + Version + ", bundled with Plotly.NET, loaded once per notebook */\n" +
        "(function (define, module, exports) {\n" + Source + "\n}).call(window, undefined, undefined, undefined);\n</script>");

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => _source.Value;

    /// <summary>The plotly.js version of the bundle ("2.28.0").</summary>
    public static string Version
    {
        get
        {
            const string marker = "plotly.js v";
            int at = Source.IndexOf(marker, StringComparison.Ordinal);
            return at < 0 ? "unknown" : new string(Source.Skip(at + marker.Length).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        }
    }

    /// <summary>
    /// A script element that defines <c>window.Plotly</c> from the bundled source, whatever module loader the page has;
    /// about 3.6 MB. A notebook shows it once (its setup cell); every later chart of that page uses it.
    /// </summary>
    public static string GlobalScript => _globalScript.Value;
}
