using BreastSeg.Notebooks;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Notebooks;

public class KernelSessionTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AHungCellTimesOutAndTheKernelIsKilled()
    {
        string? unavailable = KernelRun.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        string folder = KernelRun.ScratchFolder("timeout");
        await using var kernel = await KernelSession.StartAsync(folder, new Dictionary<string, string>(), TimeSpan.FromMinutes(3), CancellationToken.None);
        output.WriteLine($"kernel start {kernel.StartupTime.TotalSeconds:0.0} s");

        var events = await kernel.SubmitCodeAsync("6 * 7", "csharp", TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal("CommandSucceeded", KernelSession.EventType(events[^1]));
        Assert.Contains(events, e => KernelSession.EventType(e) == "ReturnValueProduced" && e.ToJsonString().Contains("42"));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            kernel.SubmitCodeAsync("System.Threading.Thread.Sleep(TimeSpan.FromMinutes(10));", "csharp", TimeSpan.FromSeconds(3), CancellationToken.None));
        Assert.Contains("3 s", timeout.Message);
        for (int i = 0; i < 50 && !kernel.HasExited; i++) await Task.Delay(100);
        Assert.True(kernel.HasExited);
    }

    [SkippableFact]
    public async Task TheStopButtonCancelsTheCellsTokenAndTheKernelLivesOn()
    {
        string? unavailable = KernelRun.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        string folder = KernelRun.ScratchFolder("cancel");
        string dll = Path.GetRelativePath(folder, KernelRun.NotebookDll).Replace('\\', '/');
        await using var kernel = await KernelSession.StartAsync(folder, new Dictionary<string, string>(), TimeSpan.FromMinutes(3), CancellationToken.None);
        var setup = await kernel.SubmitCodeAsync($"#r \"{dll}\"\nBreastSeg.Notebooks.NotebookKernel.Setup();", "csharp", TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal("CommandSucceeded", KernelSession.EventType(setup[^1]));

        // What training does: check the cell's token between batches. Only the Cancel command can end this cell.
        var running = kernel.SubmitCodeAsync(
            "var token = BreastSeg.Notebooks.NotebookKernel.CellCancellation;\nwhile (true) { token.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(50); }",
            "csharp", TimeSpan.FromMinutes(2), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.False(running.IsCompleted);
        await kernel.CancelAsync();
        var events = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("CommandFailed", KernelSession.EventType(events[^1]));

        var after = await kernel.SubmitCodeAsync("6 * 7", "csharp", TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal("CommandSucceeded", KernelSession.EventType(after[^1]));
        Assert.False(kernel.HasExited);
    }
}
