namespace BreastSeg.IO;

/// <summary>
/// Where the real data sets of development and CI live: <c>BREASTSEG_REAL_DATA</c> if set, else <c>../shared/data</c>
/// beside the repository root (the folder holding BreastSeg.sln) found at or above a start folder. A user's clone has
/// none: callers then skip, say so, and fall back to simulated data. The folder is read-only; nothing is written there.
/// </summary>
public static class RealDataFolder
{
    /// <summary>Environment variable naming the real-data folder explicitly.</summary>
    public const string EnvironmentVariable = "BREASTSEG_REAL_DATA";

    /// <summary>The real-data folder, or null where there is none.</summary>
    /// <param name="start">Folder to search upwards from for the repository root (default: the current directory,
    /// then the folder of the BreastSeg assembly).</param>
    public static string? Find(string? start = null)
    {
        string? explicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Directory.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        foreach (string from in start is null ? [Environment.CurrentDirectory, AppContext.BaseDirectory] : new[] { start })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "BreastSeg.sln"))) continue;
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }

    /// <summary>The Ultrasonix RF folder (<c>ultrasonix/</c>), or null.</summary>
    public static string? Ultrasonix(string? start = null) => Sub(start, "ultrasonix");

    /// <summary>The BUSI image folder (<c>busi/Dataset_BUSI_with_GT/</c>), or null.</summary>
    public static string? Busi(string? start = null) => Sub(start, Path.Combine("busi", "Dataset_BUSI_with_GT"));

    private static string? Sub(string? start, string relative)
    {
        string? root = Find(start);
        if (root is null) return null;
        string path = Path.Combine(root, relative);
        return Directory.Exists(path) ? path : null;
    }
}
