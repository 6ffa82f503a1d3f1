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
}
