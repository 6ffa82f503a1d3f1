using BreastSeg.IO;
using BreastSeg.Maps;

namespace BreastSeg.Samples;

/// <summary>Which maps feed the network, stacked as channels in the listed order.</summary>
public static class InputChoice
{
    /// <summary>The choices the CLI offers.</summary>
    public static readonly IReadOnlyList<string> Names = ["bmode", "entropy", "nakagami", "bmode+entropy"];

    /// <summary>Parses "bmode", "entropy", "nakagami" or a '+'-joined stack such as "bmode+entropy".</summary>
    public static MapKind[] Parse(string text, string origin = "Input")
    {
        var kinds = new List<MapKind>();
        foreach (string part in text.Split('+', StringSplitOptions.TrimEntries))
        {
            MapKind kind = part.ToLowerInvariant() switch
            {
                "bmode" or "b-mode" => MapKind.BMode,
                "entropy" => MapKind.Entropy,
                "nakagami" => MapKind.Nakagami,
                "envelope" => MapKind.Envelope,
                _ => throw new BreastSegInputException(origin, $"unknown map '{part}' (use {string.Join(", ", Names)})"),
            };
            if (kinds.Contains(kind)) throw new BreastSegInputException(origin, $"map '{part}' listed twice");
            kinds.Add(kind);
        }
        return kinds.ToArray();
    }

    /// <summary>The CLI spelling of a stack of maps.</summary>
    public static string Format(IEnumerable<MapKind> kinds) =>
        string.Join("+", kinds.Select(k => k == MapKind.BMode ? "bmode" : k.ToString().ToLowerInvariant()));
}
