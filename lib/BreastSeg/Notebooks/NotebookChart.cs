using System.Text;
using Plotly.NET;

namespace BreastSeg.Notebooks;

/// <summary>
/// A Plotly chart as a notebook shows it: a div and a script that draws it with the plotly.js the setup cell loaded
/// (<see cref="NotebookKernel.Setup"/>), never a CDN. Optional <paramref name="afterPlot"/> JavaScript runs once the
/// chart is drawn, with the chart's element as <c>gd</c> (controls that act together, such as the entropy explorer's).
/// Any <see cref="GenericChart"/> displayed in a notebook goes through <see cref="Html(GenericChart, string)"/>.
/// </summary>
/// <param name="chart">The chart.</param>
/// <param name="afterPlot">JavaScript run after the first draw, <c>gd</c> being the chart's div; null for none.</param>
public sealed class NotebookChart(GenericChart chart, string? afterPlot = null)
{
    private string? _html;

    /// <summary>The chart.</summary>
    public GenericChart Chart { get; } = chart;

    /// <summary>JavaScript run after the first draw (<c>gd</c> is the chart's div), or null.</summary>
    public string? AfterPlot { get; } = afterPlot;

    /// <summary>Attribute that marks every chart the kit puts in a notebook (the browser test counts them).</summary>
    public const string Marker = "data-breastseg-chart";

    /// <summary>What a reader sees where plotly.js never loaded.</summary>
    public const string NotLoadedMessage = "plotly.js is not loaded on this page: run the first cells of the notebook (NotebookKernel.Setup()), then this cell again";

    /// <summary>The chart as an HTML fragment (no script source, no CDN); built once.</summary>
    public string ToHtml() => _html ??= Html(Chart, AfterPlot);

    /// <inheritdoc cref="ToHtml"/>
    public static string Html(GenericChart chart, string? afterPlot = null)
    {
        // Plotly.NET writes data, layout and config as one JSON line each; its own render call (which assumes plotly.js
        // is already there) is replaced by one that waits for it, so a chart that outruns the setup cell's script still draws.
        // The data goes in compacted (ChartPayload): the executed notebooks are committed.
        string generated = GenericChart.toChartHTML(chart);
        string Json(string name) =>
            generated.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith($"var {name} = ", StringComparison.Ordinal)) is { } line
                ? line[$"var {name} = ".Length..].TrimEnd(';')
                : throw new InvalidOperationException($"Plotly.NET's chart HTML has no '{name}' line");
        string id = "bs-" + Guid.NewGuid().ToString("N")[..12];
        var html = new StringBuilder();
        html.Append($"<div><div id=\"{id}\" {Marker}=\"1\"></div><script type=\"text/javascript\">(function () {{\n");
        html.Append($"var data = {ChartPayload.Compact(Json("data"))};\nvar layout = {Json("layout")};\nvar config = {Json("config")};\n");
        html.Append("var tries = 0;\nfunction draw() {\n");
        html.Append($"  var gd = document.getElementById('{id}');\n");
        html.Append("  if (!gd) return;\n");
        html.Append("  if (typeof window.Plotly === 'undefined') {\n");
        html.Append("    if (tries++ < 200) { setTimeout(draw, 50); return; }\n");
        html.Append($"    gd.textContent = {System.Text.Json.JsonSerializer.Serialize(NotLoadedMessage)}; return;\n  }}\n");
        html.Append("  window.Plotly.newPlot(gd, data, layout, config).then(function (gd) {\n");
        if (afterPlot is not null) html.Append(afterPlot).Append('\n');
        html.Append("  });\n}\ndraw();\n})();</script></div>");
        return html.ToString();
    }
}
