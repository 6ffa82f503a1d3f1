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

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => _source.Value;
}
