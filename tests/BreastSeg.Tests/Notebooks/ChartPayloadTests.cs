using System.Text.Json.Nodes;
using BreastSeg.Notebooks;

namespace BreastSeg.Tests.Notebooks;

/// <summary>The compacted chart data draws the same: float32 grids decode to the values, outlines keep their shape.</summary>
public class ChartPayloadTests
{
    [Fact]
    public void AHeatmapGridBecomesFloat32BytesThatDecodeToItsValuesWithGapsAsNaN()
    {
        var rng = new Random(3);
        int rows = 7, columns = 11;
        var values = new double?[rows, columns];
        var z = new JsonArray();
        for (int r = 0; r < rows; r++)
        {
            var row = new JsonArray();
            for (int c = 0; c < columns; c++)
            {
                values[r, c] = rng.NextDouble() < 0.1 ? null : (rng.NextDouble() - 0.5) * 1e3;
                row.Add(values[r, c] is { } v ? JsonValue.Create(v) : null);
            }
            z.Add(row);
        }
        string data = new JsonArray(new JsonObject { ["type"] = "heatmap", ["z"] = z }).ToJsonString();
        var compact = (JsonArray)JsonNode.Parse(ChartPayload.Compact(data))!;
        var spec = (JsonObject)compact[0]!["z"]!;
        Assert.Equal("f4", (string)spec["dtype"]!);
        Assert.Equal($"{rows},{columns}", (string)spec["shape"]!);
        // Decoded as plotly.js does: row-major, little-endian float32.
        byte[] bytes = Convert.FromBase64String((string)spec["bdata"]!);
        Assert.Equal(rows * columns * 4, bytes.Length);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                float f = BitConverter.ToSingle(bytes, 4 * (r * columns + c));
                if (values[r, c] is { } v) Assert.Equal((float)v, f);
                else Assert.True(float.IsNaN(f));
            }
    }

    [Fact]
    public void ARaggedOrNonNumericGridIsLeftAsItIs()
    {
        string ragged = """[{"type":"heatmap","z":[[1,2],[3]]}]""";
        Assert.Equal(JsonNode.Parse(ragged)!.ToJsonString(), ChartPayload.Compact(ragged));
        string text = """[{"type":"heatmap","z":[["a","b"],["c","d"]]}]""";
        Assert.Equal(JsonNode.Parse(text)!.ToJsonString(), ChartPayload.Compact(text));
    }

    [Fact]
    public void AnOutlineKeepsItsCornersGapsAndEndsAndEveryDroppedPointLiesOnTheKeptLine()
    {
        // A pixel-staircase outline (as MaskContours draws them), a gap, a second outline with a back-and-forth spike.
        var rng = new Random(9);
        var points = new List<(double X, double Y)?>();
        double x = 0, y = 0;
        for (int k = 0; k < 60; k++)
        {
            points.Add((x, y));
            if (rng.Next(3) == 0) y += 0.5; else x += 0.25;
        }
        points.Add(null);
        foreach (var p in new (double, double)[] { (5, 5), (6, 5), (7, 5), (6, 5), (6, 6), (6, 7) }) points.Add(p);
        var xs = new JsonArray(points.Select(p => p is { } q ? JsonValue.Create(q.X) : null).ToArray<JsonNode?>());
        var ys = new JsonArray(points.Select(p => p is { } q ? JsonValue.Create(q.Y) : null).ToArray<JsonNode?>());
        string data = new JsonArray(new JsonObject { ["type"] = "scatter", ["mode"] = "lines", ["x"] = xs, ["y"] = ys }).ToJsonString();
        var trace = (JsonObject)((JsonArray)JsonNode.Parse(ChartPayload.Compact(data))!)[0]!;
        var kept = ((JsonArray)trace["x"]!).Zip((JsonArray)trace["y"]!, (a, b) => a is null ? ((double, double)?)null : ((double)a, (double)b!)).ToList();
        Assert.True(kept.Count < points.Count);
        Assert.Equal(points[0], kept[0]);
        Assert.Equal(points[^1], kept[^1]);
        Assert.Equal(points.Count(p => p is null), kept.Count(p => p is null));
        Assert.Contains(((double, double)?)(7.0, 5.0), kept); // the spike's tip is a turn back, not a point on a segment
        // Naive check: walk the original points; each lies on the kept polyline of its own run.
        var runs = Split(kept);
        int run = 0;
        foreach (var p in points)
        {
            if (p is null) { run++; continue; }
            var line = runs[run];
            double best = Enumerable.Range(0, Math.Max(1, line.Count - 1)).Min(i => Distance(p.Value, line[i], line[Math.Min(i + 1, line.Count - 1)]));
            Assert.True(best < 1e-9, $"point {p} is {best} off the kept outline");
        }
    }

    private static List<List<(double X, double Y)>> Split(List<(double, double)?> points)
    {
        var runs = new List<List<(double, double)>> { new() };
        foreach (var p in points)
            if (p is { } q) runs[^1].Add(q); else runs.Add([]);
        return runs;
    }

    private static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y, length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length, 0, 1);
        return Math.Sqrt(Math.Pow(p.X - a.X - t * dx, 2) + Math.Pow(p.Y - a.Y - t * dy, 2));
    }
}
