using System.Text.Json;
using System.Text.RegularExpressions;
using BreastSeg.Notebooks;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// The kit's notebooks (notebooks/*.ipynb) run headless in quick mode through the real kernel (one run each, shared by
/// the tests below through <see cref="QuickRuns"/>); a failing cell fails the test. Then each executed copy is seen as
/// a reader sees it: nbconvert's HTML in headless Chromium without network, every chart present must be drawn.
/// Two runtime skips, each with its reason, and neither permanent:
/// - a notebook whose metadata says "breastseg": {"draft": true} (written against API names not merged yet; the lead
///   removes the mark when its pieces land), and
/// - a run that stops on NotImplementedException: a contract stub on main not yet replaced by its implementation.
/// Any other failure fails the test.
/// </summary>
public class NotebookFolderTests(ITestOutputHelper output)
{
    /// <summary>The second code cell of every notebook (the first finds the kit's root and makes it the working folder).</summary>
    public const string SetupCell = "#r \"lib/BreastSeg/bin/notebook/BreastSeg.dll\"\nBreastSeg.Notebooks.NotebookKernel.Setup()";

    // Charts each notebook shows at least (quick mode): a notebook whose charts silently vanished fails, not passes.
    private static readonly Dictionary<string, int> MinimumCharts = new()
    {
        ["01-rf-loading"] = 0, ["02-entropy-window-sweep"] = 4, ["03-training"] = 4, ["04-paper-figures"] = 2,
    };

    private static string Folder => QuickRuns.NotebookFolder;

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
        var run = await Run(name);
        Assert.True(run.Succeeded, $"{name} failed at {run.Failure}\n{run.Failure?.Message}");
    }

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public async Task EveryChartDrawsOfflineAsAReaderSeesIt(string name)
    {
        string? unavailable = ReaderView.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var run = await Run(name);
        Assert.True(run.Succeeded, $"{name} failed at {run.Failure}");
        string ipynb = File.ReadAllText(run.ExecutedPath!);
        // Charts reach the page only through the kit's formatter; it never points at a CDN's plotly.js (the bundled
        // plotly.js itself mentions "https://cdn.plot.ly/" as the default of its topojsonURL option, used only by geo
        // maps), and plotly.js comes once.
        Assert.DoesNotMatch(new Regex(@"cdn\.plot\.ly/plotly|cdn\.jsdelivr|unpkg\.com|cdnjs", RegexOptions.IgnoreCase), ipynb);
        Assert.DoesNotMatch(new Regex("<script[^>]*\\bsrc=", RegexOptions.IgnoreCase), ipynb);
        Assert.Equal(1, Count(ipynb, "loaded once per notebook"));

        string html = ReaderView.ToHtml(run.ExecutedPath!, Path.Combine(AppContext.BaseDirectory, "notebook-tests", "html"));
        string dom = ReaderView.Dom(html);
        int present = Count(dom, NotebookChart.Marker + "=\"1\"");
        int drawn = Count(dom, "class=\"plot-container plotly\"");
        output.WriteLine($"{name}: {drawn}/{present} charts drawn; quick run {run.Elapsed.TotalSeconds:0} s; HTML {new FileInfo(html).Length / 1e6:0.0} MB");
        Assert.True(present >= MinimumCharts.GetValueOrDefault(name, 1), $"{name}: {present} charts in the page, expected at least {MinimumCharts.GetValueOrDefault(name, 1)}");
        Assert.Equal(present, drawn);
        // The fallback message is in every chart's script; it must not have been shown (outside the scripts).
        string shown = Regex.Replace(dom, "<script\\b.*?</script>", "", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        Assert.DoesNotContain(NotebookChart.NotLoadedMessage, shown);
    }

    [Fact]
    public void EveryNotebookLoadsTheKitTheSameWayInItsFirstTwoCodeCells()
    {
        var paths = NotebookCatalog.All(Folder);
        Assert.NotEmpty(paths);
        var firsts = new HashSet<string>();
        foreach (string path in paths)
        {
            var code = NotebookRunner.Read(path).Elements.Where(e => e.KernelName != "markdown").Take(2).Select(e => e.Contents.ReplaceLineEndings("\n").Trim()).ToList();
            firsts.Add(code[0]);
            Assert.Contains("BreastSeg.sln", code[0]);            // the root is found from the notebook's folder
            Assert.Contains("dotnet build lib/BreastSeg", code[0]); // and says what to build when the library is missing
            Assert.Equal(SetupCell, code[1]);
            Assert.All(NotebookRunner.Read(path).Elements, e => Assert.Empty(e.Outputs)); // committed without outputs
        }
        Assert.Single(firsts);
    }

    private async Task<NotebookRun> Run(string name)
    {
        string path = Path.Combine(Folder, name + ".ipynb");
        Skip.If(IsDraft(path), $"{name} is a draft (metadata breastseg.draft): it uses API names not merged yet");
        string? unavailable = KernelRun.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var run = await QuickRuns.Get(name);
        output.WriteLine($"{name}: {run.CellsRun}/{run.CodeCells} cells in {run.Elapsed.TotalSeconds:0.0} s (kernel start {run.KernelStartup.TotalSeconds:0.0} s)");
        Skip.If(run.Failure is { } f && f.Message.Contains("System.NotImplementedException", StringComparison.Ordinal),
            $"{name} stops at {run.Failure} : a contract stub on main, not merged yet");
        return run;
    }

    private static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what)).Count;

    private static bool IsDraft(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("metadata", out var meta)
            && meta.TryGetProperty("breastseg", out var kit)
            && kit.TryGetProperty("draft", out var draft)
            && draft.ValueKind == JsonValueKind.True;
    }
}
