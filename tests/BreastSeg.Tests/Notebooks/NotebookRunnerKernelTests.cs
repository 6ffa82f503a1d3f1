using BreastSeg.Notebooks;
using Microsoft.DotNet.Interactive.Documents;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// One run of a small generated notebook through the real kernel (dotnet tool run dotnet-interactive -- stdio), shared by
/// the tests below: it loads the kit the way every notebook does, then exercises outputs, the kit's setup and a failure.
/// </summary>
public sealed class KernelRunFixture : IAsyncLifetime
{
    public const int FailingCell = 10;

    public NotebookRun? Run { get; private set; }
    public string? SkipReason { get; private set; }
    public string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        SkipReason = KernelRun.Unavailable();
        if (SkipReason is not null) return;
        Folder = KernelRun.ScratchFolder("runner");
        string dll = Path.GetRelativePath(Folder, KernelRun.NotebookDll).Replace('\\', '/');
        string testBin = AppContext.BaseDirectory.Replace('\\', '/');
        string path = KernelRun.WriteNotebook(Folder, "tiny",
            "md: # A tiny notebook",                                                                        // cell 1
            $"#r \"{dll}\"\nBreastSeg.Notebooks.NotebookKernel.Setup()",                                     // cell 2
            "Console.WriteLine(\"hello from the kernel\");\ndisplay(6 * 7);\n\"returned value\"",           // cell 3
            "Environment.GetEnvironmentVariable(\"BREASTSEG_QUICK\")",                                      // cell 4
            "var t = TorchSharp.torch.arange(6, dtype: TorchSharp.torch.float32).reshape(2, 3);\nt",         // cell 5
            "new BreastSeg.Rf.RfFrame(64, 16, Enumerable.Range(0, 64 * 16).Select(i => Math.Sin(0.7 * i)).ToArray())", // cell 6
            $"#r \"{testBin}Plotly.NET.dll\"\n#r \"{testBin}Plotly.NET.CSharp.dll\"",                        // cell 7
            "Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 2.0, 4.0, 8.0 })", // cell 8
            "await new BreastSeg.Notebooks.BreastSegKernelExtension().OnLoadAsync(Microsoft.DotNet.Interactive.Kernel.Root);\n\"extension loaded\"", // cell 9
            "throw new InvalidOperationException(\"boom from the failing cell\");",                          // cell 10
            "Console.WriteLine(\"this cell must not run\");");                                              // cell 11
        Run = await NotebookRunner.RunAsync(path, new NotebookRunOptions
        {
            Quick = true,
            OutputFolder = Path.Combine(Folder, "executed"),
            CellTimeout = TimeSpan.FromMinutes(3),
        });
    }

    public Task DisposeAsync()
    {
        try { if (Folder.Length > 0) Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public class NotebookRunnerKernelTests(KernelRunFixture fixture, ITestOutputHelper output) : IClassFixture<KernelRunFixture>
{
    private NotebookRun Run()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var run = fixture.Run!;
        output.WriteLine($"kernel start {run.KernelStartup.TotalSeconds:0.0} s, whole notebook {run.Elapsed.TotalSeconds:0.0} s; failure: {run.Failure}");
        return run;
    }

    private string Outputs(int cellNumber) =>
        string.Join("\n", Run().Document.Elements[cellNumber - 1].Outputs.Select(KernelRun.Html));

    [SkippableFact]
    public void StopsAtTheFailingCellAndReportsItsNumberAndError()
    {
        var run = Run();
        Assert.False(run.Succeeded);
        Assert.Equal(KernelRunFixture.FailingCell, run.Failure!.CellNumber);
        Assert.Equal(KernelRunFixture.FailingCell - 1, run.Failure.CodeCellNumber); // the Markdown cell is not a code cell
        Assert.Contains("boom from the failing cell", run.Failure.Message);
        Assert.Contains("InvalidOperationException", run.Failure.Message);
        Assert.Equal(KernelRunFixture.FailingCell - 2, run.CellsRun);
        Assert.Equal(10, run.CodeCells);
        Assert.Empty(run.Document.Elements[^1].Outputs);
        Assert.Contains(run.Document.Elements[KernelRunFixture.FailingCell - 1].Outputs, o => o is ErrorElement);
    }

    [SkippableFact]
    public void CapturesStandardOutputDisplaysAndReturnValues()
    {
        var cell = Run().Document.Elements[2];
        Assert.Contains(cell.Outputs, o => o is TextElement { Name: "stdout" } t && t.Text.Contains("hello from the kernel"));
        Assert.Contains(cell.Outputs, o => o is DisplayElement d && d.Data.Values.OfType<string>().Any(v => v.Contains("42")));
        Assert.Contains(cell.Outputs, o => o is ReturnValueElement r && r.Data.Values.OfType<string>().Any(v => v.Contains("returned value")));
    }

    [SkippableFact]
    public void QuickModeReachesTheKernel() => Assert.Contains("1", Outputs(4));

    [SkippableFact]
    public void SetupLoadsTheKitFromTheNotebookFolder()
    {
        string setup = Outputs(2);
        Assert.Contains("BreastSeg", setup);
        Assert.Contains(Path.Combine("lib", "BreastSeg", "bin", "notebook"), setup);
        Assert.Contains("quick mode: on", setup);
    }

    [SkippableFact]
    public void TensorsShowAsASummaryWithStatistics() =>
        // arange(6) as float32 in a 2 x 3 tensor: min 0, max 5, mean 2.5.
        Assert.Contains("tensor [2, 3] Float32 cpu, min 0 max 5 mean 2.5", Outputs(5));

    [SkippableFact]
    public void FramesShowAsImagesWithMillimetreAxes()
    {
        string html = Outputs(6);
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains("depth (mm)", html);
        Assert.Contains("lateral (mm)", html);
    }

    [SkippableFact]
    public void PlotlyChartsRenderDespiteTheFSharpCoreVersionGap()
    {
        // Plotly.NET 6 references FSharp.Core 10.1; the kernel has 10.0 loaded. Without Setup's resolver this cell fails.
        string html = Outputs(8);
        Assert.DoesNotContain("FileNotFoundException", html);
        Assert.Contains("plotly", html, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void TheKernelExtensionLoadsInTheKernel() => Assert.Contains("extension loaded", Outputs(9));

    [SkippableFact]
    public void WritesAnExecutedCopyThatReadsBackWithOutputs()
    {
        var run = Run();
        Assert.NotNull(run.ExecutedPath);
        var copy = NotebookRunner.Read(run.ExecutedPath!);
        Assert.Equal(run.Document.Elements.Count, copy.Elements.Count);
        Assert.Contains(copy.Elements[2].Outputs, o => o is TextElement t && t.Text.Contains("hello from the kernel"));
        Assert.Contains(copy.Elements[KernelRunFixture.FailingCell - 1].Outputs, o => o is ErrorElement);
    }
}
