using BreastSeg.Notebooks;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace BreastSeg.Tests.Notebooks;

/// <summary>Paths and helpers shared by the tests that drive the real dotnet-interactive kernel.</summary>
internal static class KernelRun
{
    public static string RepositoryRoot { get; } =
        NotebookCatalog.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run outside the repository");

    /// <summary>What every notebook #r's; the test build refreshes it (lib/BreastSeg's BreastSegNotebookFolder target).</summary>
    public static string NotebookDll { get; } = Path.Combine(RepositoryRoot, "lib", "BreastSeg", "bin", "notebook", "BreastSeg.dll");

    /// <summary>Null when the kernel can run here, else why not (the test is skipped with it).</summary>
    public static string? Unavailable()
    {
        var tool = KernelTool.Find(RepositoryRoot);
        if (!tool.IsRestored) return $"dotnet-interactive {tool.Version} is not restored: run `dotnet tool restore` (.ci/run does)";
        if (!File.Exists(NotebookDll)) return $"{NotebookDll} is missing: build lib/BreastSeg";
        return null;
    }

    /// <summary>A scratch folder under the test's bin folder: inside the repository, so `dotnet tool run` finds the manifest.</summary>
    public static string ScratchFolder(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "notebook-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a C# notebook of Markdown (lines starting "md:") and code cells.</summary>
    public static string WriteNotebook(string folder, string name, params string[] cells)
    {
        var document = new InteractiveDocument(cells.Select(c => c.StartsWith("md:", StringComparison.Ordinal)
            ? new InteractiveDocumentElement(c[3..].Trim(), "markdown")
            : new InteractiveDocumentElement(c, "csharp")).ToList());
        string path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, Notebook.ToJupyterJson(document, "C#"));
        return path;
    }

    public static string Html(InteractiveDocumentOutputElement output) => output switch
    {
        DisplayElement d => string.Join("\n", d.Data.Values),
        ReturnValueElement r => string.Join("\n", r.Data.Values),
        TextElement t => t.Text,
        ErrorElement e => e.ErrorValue + "\n" + string.Join("\n", e.StackTrace),
        _ => "",
    };
}
