using System.Text.Json.Nodes;

namespace BreastSeg.Notebooks;

/// <summary>
/// Makes a chart's data JSON smaller without changing what is drawn, so the executed notebooks stay small: a heatmap's
/// z grid becomes a base64 float32 array (plotly.js typed-array spec <c>{dtype, bdata, shape}</c>, read by the
/// bundled plotly.js 2.28: 5.3 characters a value instead of about 9), and a line trace drops the points that lie on
/// the straight segment between their neighbours (mask outlines follow the pixel grid: most of their points are such).
/// Missing values (JSON null) stay gaps: NaN in a float32 grid, which plotly.js leaves blank.
/// </summary>
internal static class ChartPayload
{
    /// <summary>The traces of <paramref name="dataJson"/> (a JSON array, as Plotly.NET writes it) compacted.</summary>
    public static string Compact(string dataJson)
    {
        if (JsonNode.Parse(dataJson) is not JsonArray traces) return dataJson;
        foreach (var trace in traces.OfType<JsonObject>())
        {
            string? type = (trace["type"] as JsonValue)?.GetValue<string>();
            if (type == "heatmap" && trace["z"] is JsonArray z && ToFloat32Grid(z) is { } grid) trace["z"] = grid;
            else if (type == "scatter" && (trace["mode"] as JsonValue)?.GetValue<string>() == "lines"
                     && trace["x"] is JsonArray x && trace["y"] is JsonArray y && x.Count == y.Count)
                DropCollinear(trace, x, y);
        }
        return traces.ToJsonString();
    }

    /// <summary>A rectangular grid of numbers and nulls as a float32 typed-array spec (row-major), or null if it is not one.</summary>
    internal static JsonObject? ToFloat32Grid(JsonArray rows)
    {
        if (rows.Count == 0 || rows[0] is not JsonArray first || first.Count == 0) return null;
        int columns = first.Count;
        var values = new float[rows.Count * columns];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not JsonArray row || row.Count != columns) return null;
            for (int c = 0; c < columns; c++)
            {
                var v = row[c];
                if (v is null) { values[r * columns + c] = float.NaN; continue; }
                if (v is not JsonValue number || !number.TryGetValue(out double d)) return null;
                values[r * columns + c] = (float)d;
            }
        }
        // plotly.js reads the bytes in the platform's order; every browser platform is little-endian.
        var bytes = new byte[values.Length * sizeof(float)];
        for (int k = 0; k < values.Length; k++) System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * k), values[k]);
        return new JsonObject
        {
            ["dtype"] = "f4",
            ["bdata"] = Convert.ToBase64String(bytes),
            ["shape"] = $"{rows.Count},{columns}",
        };
    }

    /// <summary>Removes every point that lies on the segment between its two neighbours (within a run between nulls).</summary>
    private static void DropCollinear(JsonObject trace, JsonArray x, JsonArray y)
    {
        var keptX = new JsonArray();
        var keptY = new JsonArray();
        double? X(int i) => x[i] is JsonValue v && v.TryGetValue(out double d) ? d : null;
        double? Y(int i) => y[i] is JsonValue v && v.TryGetValue(out double d) ? d : null;
        int n = x.Count;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && i < n - 1 && X(i - 1) is { } x0 && Y(i - 1) is { } y0 && X(i) is { } x1 && Y(i) is { } y1 && X(i + 1) is { } x2 && Y(i + 1) is { } y2
                && OnSegment(x0, y0, x1, y1, x2, y2))
                continue;
            keptX.Add(x[i]?.DeepClone());
            keptY.Add(y[i]?.DeepClone());
        }
        if (keptX.Count == n) return;
        trace["x"] = keptX;
        trace["y"] = keptY;
    }

    // Collinear (cross product ~ 0 relative to the lengths) and between the neighbours (not a turn back).
    private static bool OnSegment(double x0, double y0, double x1, double y1, double x2, double y2)
    {
        double ax = x1 - x0, ay = y1 - y0, bx = x2 - x1, by = y2 - y1;
        double cross = ax * by - ay * bx, scale = Math.Sqrt((ax * ax + ay * ay) * (bx * bx + by * by));
        return scale > 0 && Math.Abs(cross) <= 1e-9 * scale && ax * bx + ay * by > 0;
    }
}
