using BreastSeg.IO;
using BreastSeg.Tests.Rf;
using BreastSeg.Simulation;
using Xunit;

namespace BreastSeg.Tests.Simulation;

public class CohortFileLockTests
{
    [Fact]
    public async Task ASecondLockWaitsUntilTheFirstIsReleased()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("c.mat");
        var first = FileLock.Acquire(path);
        using var waited = new ManualResetEventSlim();
        var second = Task.Run(() => FileLock.Acquire(path, waiting: waited.Set));
        Assert.True(waited.Wait(TimeSpan.FromMinutes(1)), "the second lock did not report waiting");
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromMinutes(1))).Dispose();
    }

    [Fact]
    public async Task CohortsEnsuredAtOnceAreSimulatedOnceAndReused()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("c.mat");
        var options = new CohortOptions { Cases = 1, Seed = 5, Scanner = SimulationTestKit.Bench(16) };
        int simulations = 0;
        var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            CohortFile.Ensure(options, path, () => Interlocked.Increment(ref simulations)))).ToArray();
        bool[] simulated = await Task.WhenAll(runs);
        Assert.Equal(1, simulations);
        Assert.Equal(1, simulated.Count(s => s));
        Assert.True(CohortFile.IsCurrent(path, options));
        Assert.False(Directory.Exists(CaseCache.DirectoryFor(path)));
        Assert.False(CohortFile.Ensure(options, path, () => Interlocked.Increment(ref simulations)));
        Assert.Equal(1, simulations);
    }
}
