using System.Text.Json;
using BreastSeg.IO;

namespace BreastSeg.Notebooks;

/// <summary>
/// The notebook kernel as pinned in the repository's local tool manifest (dotnet-tools.json): where the manifest is,
/// which version it pins and whether `dotnet tool restore` has put that version in the NuGet cache.
/// </summary>
public sealed record KernelTool(string ManifestPath, string Version)
{
    /// <summary>The tool's package id in the manifest.</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>The folder holding the manifest; `dotnet tool run` finds it from here or any folder below.</summary>
    public string RootFolder
    {
        get
        {
            string dir = Path.GetDirectoryName(ManifestPath)!;
            return Path.GetFileName(dir) == ".config" ? Path.GetDirectoryName(dir)! : dir;
        }
    }

    /// <summary>Whether the pinned version is in the NuGet packages folder (what `dotnet tool restore` does).</summary>
    public bool IsRestored => Directory.Exists(Path.Combine(NuGetPackagesFolder(), PackageId, Version, "tools"));

    /// <summary>Finds the manifest that pins dotnet-interactive, looking in <paramref name="folder"/> and its parents.</summary>
    /// <exception cref="BreastSegInputException">No manifest pins the tool.</exception>
    public static KernelTool Find(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(dir.FullName, ".config", "dotnet-tools.json"), Path.Combine(dir.FullName, "dotnet-tools.json") })
            {
                if (!File.Exists(candidate)) continue;
                string? version = PinnedVersion(candidate);
                if (version is not null) return new KernelTool(candidate, version);
            }
        }
        throw new BreastSegInputException(folder,
            "no dotnet-tools.json pins dotnet-interactive in this folder or above it; run the notebooks from the BreastSeg repository after `dotnet tool restore`");
    }

    /// <summary>Throws the setup instruction when the pinned version is not restored.</summary>
    /// <exception cref="BreastSegInputException">The tool is not restored.</exception>
    public void EnsureRestored()
    {
        if (!IsRestored)
            throw new BreastSegInputException(ManifestPath,
                $"dotnet-interactive {Version} is not restored; run `dotnet tool restore` in {RootFolder}");
    }

    private static string? PinnedVersion(string manifest)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            if (!doc.RootElement.TryGetProperty("tools", out var tools)) return null;
            foreach (var tool in tools.EnumerateObject())
                if (string.Equals(tool.Name, PackageId, StringComparison.OrdinalIgnoreCase) && tool.Value.TryGetProperty("version", out var v))
                    return v.GetString();
            return null;
        }
        catch (JsonException e)
        {
            throw new BreastSegInputException(manifest, $"not a valid tool manifest ({e.Message})");
        }
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
