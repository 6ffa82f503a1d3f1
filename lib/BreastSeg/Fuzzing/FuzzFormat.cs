namespace BreastSeg.Fuzzing;

/// <summary>The file formats a fuzz campaign mutates, each read through the path `inspect` takes.</summary>
public enum FuzzFormat
{
    /// <summary>MAT Level-5, v6 style (uncompressed elements).</summary>
    Mat5,
    /// <summary>MAT Level-5, v7 style (zlib-compressed elements).</summary>
    Mat7,
    /// <summary>MAT v7.3 (HDF5 behind a 512-byte MAT header).</summary>
    Mat73,
    /// <summary>Ultrasonix research RF file (.rf).</summary>
    Rf,
    /// <summary>A PNG image with its mask, in an images/ + masks/ folder.</summary>
    Png,
}

/// <summary>Names of <see cref="FuzzFormat"/> as the CLI spells them.</summary>
public static class FuzzFormats
{
    /// <summary>Every format, in report order.</summary>
    public static IReadOnlyList<FuzzFormat> All { get; } = Enum.GetValues<FuzzFormat>();

    /// <summary>The lower-case name (mat5, mat7, mat73, rf, png).</summary>
    public static string Name(FuzzFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Parses a comma-separated list of names; null for an unknown name.</summary>
    public static List<FuzzFormat>? Parse(string text)
    {
        var result = new List<FuzzFormat>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = All.Where(f => Name(f) == part.ToLowerInvariant()).ToList();
            if (match.Count == 0) return null;
            if (!result.Contains(match[0])) result.Add(match[0]);
        }
        return result.Count == 0 ? null : result;
    }
}
