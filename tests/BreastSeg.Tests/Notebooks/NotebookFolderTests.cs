using System.Text.Json;
using BreastSeg.Notebooks;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// The kit's notebooks (notebooks/*.ipynb) run headless in quick mode through the real kernel; a failing cell fails
/// the test. Two runtime skips, each with its reason, and neither permanent:
/// - a notebook whose metadata says "breastseg": {"draft": true} (written against API names not merged yet; the lead
///   removes the mark when its pieces land), and
/// - a run that stops on NotImplementedException: a contract stub on main (OasbudFile, ParametricMaps) not yet
///   replaced by its implementation. Any other failure fails the test.
/// </summary>
public class NotebookFolderTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(KernelRun.RepositoryRoot, NotebookCatalog.FolderName);

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string path in NotebookCatalog.All(Folder)) data.Add(Path.GetFileNameWithoutExtension(path));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public async Task RunsInQuickModeInTheRealKernel(string name)
    {
        string path = Path.Combine(Folder, name + ".ipynb");
        Skip.If(IsDraft(path), $"{name} is a draft (metadata breastseg.draft): it uses API names not merged yet");
        string? unavailable = KernelRun.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var run = await NotebookRunner.RunAsync(path, new NotebookRunOptions
        {
            Quick = true,
            OutputFolder = Path.Combine(Folder, "executed"),
            CellTimeout = TimeSpan.FromMinutes(5),
        });
        output.WriteLine($"{name}: {run.CellsRun}/{run.CodeCells} cells in {run.Elapsed.TotalSeconds:0.0} s (kernel start {run.KernelStartup.TotalSeconds:0.0} s)");
        Skip.If(run.Failure is { } f && f.Message.Contains("System.NotImplementedException", StringComparison.Ordinal),
            $"{name} stops at {run.Failure} : a contract stub on main, not merged yet");
        Assert.True(run.Succeeded, $"{name} failed at {run.Failure}\n{run.Failure?.Message}");
    }

    [Fact]
    public void EveryNotebookLoadsTheKitTheSameWayInItsFirstCodeCell()
    {
        var paths = NotebookCatalog.All(Folder);
        Assert.NotEmpty(paths);
        foreach (string path in paths)
        {
            var first = NotebookRunner.Read(path).Elements.First(e => e.KernelName != "markdown");
            Assert.Equal("#r \"../lib/BreastSeg/bin/notebook/BreastSeg.dll\"\nBreastSeg.Notebooks.NotebookKernel.Setup()",
                first.Contents.ReplaceLineEndings("\n").Trim());
            Assert.All(NotebookRunner.Read(path).Elements, e => Assert.Empty(e.Outputs)); // committed without outputs
        }
    }

    private static bool IsDraft(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("metadata", out var meta)
            && meta.TryGetProperty("breastseg", out var kit)
            && kit.TryGetProperty("draft", out var draft)
            && draft.ValueKind == JsonValueKind.True;
    }
}
