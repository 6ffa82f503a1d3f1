using System.Text;
using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Notebooks;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// Notebooks 01 and 02 on the real Ultrasonix files where they are (../shared/data), and notebook 01 where they are not:
/// its real-RF cells say so and the rest runs.
/// </summary>
public class NotebookRealDataTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task TheQuickRunsShowTheRealFramesWhereTheRealDataIs()
    {
        BreastSeg.Tests.RealData.RealData.RequireUltrasonix();
        string? unavailable = KernelRun.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var one = await QuickRuns.Get("01-rf-loading");
        var two = await QuickRuns.Get("02-entropy-window-sweep");
        Skip.If(!one.Succeeded || !two.Succeeded, "a notebook failed: NotebookFolderTests reports it");
        string first = OutputsOf(File.ReadAllText(one.ExecutedPath!)), second = OutputsOf(File.ReadAllText(two.ExecutedPath!));
        Assert.Contains("scanner's B-mode, phant1.b8 frame 0", first);
        Assert.Contains("phant1 (real)", first);       // the speckle table's real column
        Assert.Contains("envelope SNR", first);
        Assert.DoesNotContain("real-RF cells below are skipped", first);
        Assert.Contains("phant1.rf frame 0, phantom (real)", second);
        Assert.Contains("a1.rf frame 0, forearm (real)", second);
    }

    [SkippableFact]
    public async Task NotebookOneSkipsItsRealRfCellsWithAMessageWhereThereIsNoRealData()
    {
        string? unavailable = KernelRun.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        string nowhere = Path.Combine(KernelRun.ScratchFolder("no-real-data"), "absent");
        var run = await NotebookRunner.RunAsync(Path.Combine(QuickRuns.NotebookFolder, "01-rf-loading.ipynb"), new NotebookRunOptions
        {
            Quick = true,
            CellTimeout = TimeSpan.FromMinutes(5),
            Environment = new Dictionary<string, string> { [RealDataFolder.EnvironmentVariable] = nowhere },
        });
        output.WriteLine($"01 without real data: {run.CellsRun}/{run.CodeCells} cells in {run.Elapsed.TotalSeconds:0} s");
        Assert.True(run.Succeeded, $"failed at {run.Failure}\n{run.Failure?.Message}");
        string saved = OutputsOf(NotebookRunner.ToJupyter(run.Document));
        Assert.Contains("No real Ultrasonix data here", saved);
        Assert.Contains("skipped: no real RF", saved);
        Assert.Contains("skipped: no real Ultrasonix data", saved);
        Assert.DoesNotContain("phant1 (real)", saved);
    }

    /// <summary>The text of every cell output of an .ipynb (not the cells' source, which holds the same words).</summary>
    private static string OutputsOf(string ipynb)
    {
        using var doc = JsonDocument.Parse(ipynb);
        var text = new StringBuilder();
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
            if (cell.TryGetProperty("outputs", out var outputs))
                text.Append(outputs.GetRawText()).Append('\n');
        return System.Text.RegularExpressions.Regex.Unescape(text.ToString());
    }
}
