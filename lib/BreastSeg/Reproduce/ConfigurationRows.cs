using System.Text.Json;

namespace BreastSeg.Reproduce;

/// <summary>
/// A run's parameters as report rows: nested objects flattened to dotted names (Experiment.Maps.Bins), the spelling
/// that retraining notes and ExperimentJson use, so a reader finds a parameter under one name everywhere.
/// </summary>
public static class ConfigurationRows
{
    /// <summary>One row per leaf of <paramref name="config"/> serialised with <paramref name="options"/>; nulls are left out
    /// (a parameter not given) and arrays of scalars are joined with commas.</summary>
    public static List<KeyValuePair<string, string>> Of<T>(T config, JsonSerializerOptions options)
    {
        var rows = new List<KeyValuePair<string, string>>();
        Add(JsonSerializer.SerializeToElement(config, options), "", rows);
        return rows;
    }

    private static void Add(JsonElement value, string name, List<KeyValuePair<string, string>> rows)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject()) Add(p.Value, name.Length == 0 ? p.Name : $"{name}.{p.Name}", rows);
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                rows.Add(new(name, string.Join(", ", value.EnumerateArray().Select(v => v.ToString()))));
                break;
            default:
                rows.Add(new(name, value.ValueKind == JsonValueKind.Array ? value.GetRawText() : value.ToString()));
                break;
        }
    }
}
