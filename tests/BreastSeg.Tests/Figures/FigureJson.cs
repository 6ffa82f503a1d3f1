using System.Text.Json;
using Plotly.NET;

namespace BreastSeg.Tests.Figures;

/// <summary>A chart's plotly.js figure (data and layout) as parsed JSON, to check what the browser will draw.</summary>
internal static class FigureJson
{
    public static JsonElement Of(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.Clone();

    public static JsonElement[] Traces(this JsonElement figure) => figure.GetProperty("data").EnumerateArray().ToArray();

    public static JsonElement Layout(this JsonElement figure) => figure.GetProperty("layout");

    public static double[] Doubles(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string Type(this JsonElement trace) => trace.GetProperty("type").GetString()!;
}
