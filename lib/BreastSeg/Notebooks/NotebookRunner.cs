using System.Diagnostics;
using System.Text.Json.Nodes;
using BreastSeg.IO;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace BreastSeg.Notebooks;

/// <summary>How <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Run the notebooks' quick mode: sets <see cref="NotebookKernel.QuickVariable"/>=1 for the kernel.</summary>
    public bool Quick { get; init; }

    /// <summary>Folder for the executed copies (with outputs); null: no copies.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Longest time one cell may run before the kernel is stopped and the notebook fails.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>More environment variables for the kernel (for example <see cref="NotebookParameters.PathVariable"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest time the kernel may take to start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);
}

/// <summary>Where a notebook stopped: the first failing cell.</summary>
/// <param name="CellNumber">1-based position of the cell in the notebook, counting Markdown cells (as the file lists them).</param>
/// <param name="CodeCellNumber">1-based position among the code cells.</param>
/// <param name="FirstLine">The cell's first non-empty line, to find it.</param>
/// <param name="Message">The kernel's error (compile errors or the exception and its stack).</param>
public sealed record CellFailure(int CellNumber, int CodeCellNumber, string FirstLine, string Message)
{
    /// <summary>One line for a report: "cell 5 (code cell 3, `var x = ...`): System.Exception: boom".</summary>
    public override string ToString() => CellNumber == 0 ? $"kernel start: {Message}" :
        $"cell {CellNumber} (code cell {CodeCellNumber}, `{FirstLine}`): {Message.Split('\n')[0].Trim()}";
}

/// <summary>Outcome of one notebook.</summary>
/// <param name="Name">File name without extension.</param>
/// <param name="Path">The notebook file.</param>
/// <param name="Elapsed">Wall time, kernel start included.</param>
/// <param name="KernelStartup">Time the kernel took to become ready.</param>
/// <param name="CodeCells">Code cells in the notebook.</param>
/// <param name="CellsRun">Code cells that ran to completion.</param>
/// <param name="Failure">The first failing cell, or null when every cell succeeded.</param>
/// <param name="ExecutedPath">The executed copy, or null when none was written.</param>
/// <param name="Document">The notebook with the outputs of the cells that ran.</param>
public sealed record NotebookRun(string Name, string Path, TimeSpan Elapsed, TimeSpan KernelStartup, int CodeCells, int CellsRun,
    CellFailure? Failure, string? ExecutedPath, InteractiveDocument Document)
{
    /// <summary>Whether every cell succeeded.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Wall time of each code cell that ran, in order (compilation in the kernel included).</summary>
    public IReadOnlyList<TimeSpan> CellTimes { get; init; } = [];
}

/// <summary>Progress of a run: <paramref name="CodeCell"/> of <paramref name="CodeCells"/> of notebook <paramref name="Name"/> is starting.</summary>
public sealed record NotebookProgress(string Name, int CodeCell, int CodeCells);

/// <summary>
/// Runs .ipynb notebooks top to bottom in a fresh real kernel each (what "Restart and Run All" does in VS Code), stops
/// at the first failing cell and writes an executed copy with the outputs.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The kernels a notebook may name; anything else runs as C#.</summary>
    public static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "cs"]),
            new KernelInfo("fsharp", "F#", ["f#", "fs"]),
            new KernelInfo("pwsh", "PowerShell", ["powershell"]),
            new KernelInfo("html", "HTML", []),
            new KernelInfo("javascript", "JavaScript", ["js"]),
            new KernelInfo("mermaid", "Mermaid", []),
            new KernelInfo("markdown", "Markdown", ["md"]),
        };
        infos.DefaultKernelName = "csharp";
        return infos;
    }

    /// <summary>Reads an .ipynb file.</summary>
    /// <exception cref="BreastSegInputException">The file is missing or not a notebook.</exception>
    public static InteractiveDocument Read(string path)
    {
        if (!File.Exists(path)) throw new BreastSegInputException(path, "no such notebook");
        try
        {
            return Notebook.Parse(File.ReadAllText(path), KernelInfos());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new BreastSegInputException(path, $"not a readable .ipynb notebook ({e.Message})");
        }
    }

    /// <summary>Runs one notebook in a new kernel started in the notebook's folder.</summary>
    public static async Task<NotebookRun> RunAsync(string path, NotebookRunOptions options, IProgress<NotebookProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        string full = System.IO.Path.GetFullPath(path);
        string name = System.IO.Path.GetFileNameWithoutExtension(full);
        var document = Read(full);
        string folder = System.IO.Path.GetDirectoryName(full)!;
        KernelTool.Find(folder).EnsureRestored();

        var codeCells = document.Elements.Where(IsCode).ToList();
        var env = new Dictionary<string, string>(options.Environment) { [NotebookKernel.QuickVariable] = options.Quick ? "1" : "0" };
        var clock = Stopwatch.StartNew();
        CellFailure? failure = null;
        int ran = 0;
        var cellTimes = new List<TimeSpan>();
        TimeSpan startup;
        foreach (var cell in document.Elements) cell.Outputs.Clear();

        KernelSession kernel;
        try
        {
            kernel = await KernelSession.StartAsync(folder, env, options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelException e)
        {
            return new NotebookRun(name, full, clock.Elapsed, clock.Elapsed, codeCells.Count, 0, new CellFailure(0, 0, "", e.Message), null, document);
        }
        await using (kernel)
        {
            startup = kernel.StartupTime;
            int cellNumber = 0;
            foreach (var cell in document.Elements)
            {
                cellNumber++;
                if (!IsCode(cell)) continue;
                progress?.Report(new NotebookProgress(name, ran + 1, codeCells.Count));
                IReadOnlyList<JsonObject> events;
                var cellClock = Stopwatch.StartNew();
                try
                {
                    events = await kernel.SubmitCodeAsync(cell.Contents, cell.KernelName ?? "csharp", options.CellTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is TimeoutException or KernelException)
                {
                    cell.Outputs.Add(CellOutputs.Error($"{e.GetType().Name}: {e.Message}"));
                    failure = new CellFailure(cellNumber, ran + 1, FirstLine(cell.Contents), e.Message);
                    break;
                }
                cellTimes.Add(cellClock.Elapsed);
                string? error = CellOutputs.Collect(events, cell);
                cell.ExecutionOrder = ran + 1;
                if (error is not null)
                {
                    failure = new CellFailure(cellNumber, ran + 1, FirstLine(cell.Contents), error);
                    break;
                }
                ran++;
            }
        }
        clock.Stop();

        string? executed = null;
        if (options.OutputFolder is not null)
        {
            executed = System.IO.Path.Combine(options.OutputFolder, name + ".ipynb");
            AtomicFile.WriteAllText(executed, ToJupyter(document));
        }
        return new NotebookRun(name, full, clock.Elapsed, startup, codeCells.Count, ran, failure, executed, document) { CellTimes = cellTimes };
    }

    /// <summary>Runs notebooks one after another; stops at the first that fails unless <paramref name="keepGoing"/>.</summary>
    public static async Task<IReadOnlyList<NotebookRun>> RunAllAsync(IEnumerable<string> paths, NotebookRunOptions options, bool keepGoing = false,
        IProgress<NotebookProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var runs = new List<NotebookRun>();
        foreach (string path in paths)
        {
            var run = await RunAsync(path, options, progress, cancellationToken).ConfigureAwait(false);
            runs.Add(run);
            if (!run.Succeeded && !keepGoing) break;
        }
        return runs;
    }

    /// <summary>The notebook as .ipynb JSON (C# kernel metadata, as VS Code writes it).</summary>
    public static string ToJupyter(InteractiveDocument document)
    {
        // The writer cannot reuse the kernel metadata a parse leaves (plain dictionaries where it casts to its own
        // types): write the cells into a new document, which gets fresh kernel metadata, and keep the other keys.
        string[] kernelKeys = ["kernelInfo", "polyglot_notebook", "dotnet_interactive", "kernelspec", "language_info"];
        var copy = new InteractiveDocument(document.Elements.ToList());
        foreach (var (key, value) in document.Metadata)
            if (!kernelKeys.Contains(key)) copy.Metadata[key] = value;
        return Notebook.ToJupyterJson(copy, "C#");
    }

    private static bool IsCode(InteractiveDocumentElement cell) =>
        cell.KernelName is not ("markdown" or "md") && !string.IsNullOrWhiteSpace(cell.Contents);

    private static string FirstLine(string code)
    {
        string line = code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}
