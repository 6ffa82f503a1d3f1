using System.Diagnostics;
using BreastSeg.IO;

namespace BreastSeg.Notebooks;

/// <summary>The repository's notebooks/ folder: which notebooks exist and which a command line names.</summary>
public static class NotebookCatalog
{
    /// <summary>The notebooks folder's name at the repository root.</summary>
    public const string FolderName = "notebooks";

    /// <summary>The repository root (the folder holding BreastSeg.sln) at or above <paramref name="folder"/>, or null.</summary>
    public static string? FindRepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BreastSeg.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>Every .ipynb directly in <paramref name="notebooksFolder"/>, in name order (01-, 02-, ...).</summary>
    public static IReadOnlyList<string> All(string notebooksFolder) =>
        Directory.Exists(notebooksFolder)
            ? Directory.GetFiles(notebooksFolder, "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// The notebooks <paramref name="names"/> ask for: a path to an .ipynb, a file name with or without extension, or a
    /// unique prefix ("01"); all of them when <paramref name="names"/> is empty.
    /// </summary>
    /// <exception cref="BreastSegInputException">A name matches no notebook or several.</exception>
    public static IReadOnlyList<string> Select(string notebooksFolder, IReadOnlyList<string> names)
    {
        var all = All(notebooksFolder);
        if (names.Count == 0)
            return all.Count > 0 ? all : throw new BreastSegInputException(notebooksFolder, "no .ipynb notebooks in this folder");
        var chosen = new List<string>();
        foreach (string name in names)
        {
            if (name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
            {
                chosen.Add(Path.GetFullPath(name));
                continue;
            }
            string stem = Path.GetFileNameWithoutExtension(name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? name : name + ".ipynb");
            var exact = all.Where(p => Path.GetFileNameWithoutExtension(p) == stem).ToList();
            var matches = exact.Count > 0 ? exact : all.Where(p => Path.GetFileName(p).StartsWith(stem, StringComparison.Ordinal)).ToList();
            string available = string.Join(", ", all.Select(Path.GetFileNameWithoutExtension));
            if (matches.Count == 0) throw new BreastSegInputException(name, $"no such notebook in {notebooksFolder} (there are: {available})");
            if (matches.Count > 1) throw new BreastSegInputException(name, $"names several notebooks ({string.Join(", ", matches.Select(Path.GetFileNameWithoutExtension))})");
            chosen.Add(matches[0]);
        }
        return chosen.Distinct().ToList();
    }

    /// <summary>
    /// Builds lib/BreastSeg in <paramref name="configuration"/> so lib/BreastSeg/bin/notebook (what notebooks #r) holds
    /// the current source. Returns null on success, else the build's last lines.
    /// </summary>
    public static async Task<string?> BuildLibraryAsync(string repositoryRoot, string configuration, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "build", Path.Combine("lib", "BreastSeg", "BreastSeg.csproj"), "-c", configuration, "--nologo", "-v", "quiet" })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start `dotnet build`");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode == 0) return null;
        var lines = ((await stdout.ConfigureAwait(false)) + "\n" + (await stderr.ConfigureAwait(false))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\n", lines.TakeLast(15));
    }
}
