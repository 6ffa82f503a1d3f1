using BreastSeg.Rf;
using BreastSeg.Simulation;

namespace BreastSeg.Tests.Simulation;

/// <summary>The same seed gives identical cohorts whatever the thread count; another seed gives another cohort.</summary>
public class DeterminismTests
{
    // Fewer, wider lines keep the frames small; the physics is unchanged.
    private static readonly CohortOptions Small = new() { Cases = 2, Seed = 42, Scanner = ScannerSettings.Default with { Lines = 64 } };

    private static RfCase[] Run(CohortOptions o, int threads) =>
        CohortSimulator.Simulate(CaseGenerator.DescribeCohort(o), o.Scanner, threads).ToArray();

    [Fact]
    public void SameSeedIsIdenticalForOneAndTwoThreads()
    {
        var a = Run(Small, 1);
        var b = Run(Small, 2);
        Assert.Equal(a.Length, b.Length);
        for (int c = 0; c < a.Length; c++)
        {
            Assert.Equal((a[c].Index, a[c].Id, a[c].BiRads, a[c].Malignant), (b[c].Index, b[c].Id, b[c].BiRads, b[c].Malignant));
            Assert.Equal(2, a[c].Views.Count);
            for (int v = 0; v < 2; v++)
            {
                Assert.Equal(a[c].Views[v].Frame.Data, b[c].Views[v].Frame.Data);
                Assert.Equal(a[c].Views[v].Mask.Data, b[c].Views[v].Mask.Data);
            }
        }
        // A case does not depend on which other cases run beside it.
        var alone = CohortSimulator.SimulateCase(CaseGenerator.DescribeCohort(Small)[1], Small.Scanner);
        Assert.Equal(a[1].Views[1].Frame.Data, alone.Views[1].Frame.Data);
    }

    [Fact]
    public void FramesAreInt16CountsAndSeedsMatter()
    {
        var a = Run(Small with { Cases = 1 }, 2)[0];
        var b = Run(Small with { Cases = 1, Seed = 43 }, 2)[0];
        var data = a.Views[0].Frame.Data;
        Assert.All(data, v => Assert.True(v == Math.Round(v) && v >= short.MinValue && v <= short.MaxValue));
        Assert.True(data.Count(v => v != 0) > data.Length / 2, "most samples should carry echo or noise");
        Assert.NotEqual(data, b.Views[0].Frame.Data);
    }

    [Fact]
    public void CancellationStopsBetweenCasesWithoutPartialOutput()
    {
        using var cancel = new CancellationTokenSource();
        var o = Small with { Cases = 4 };
        var produced = new List<RfCase>();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var c in CohortSimulator.Simulate(CaseGenerator.DescribeCohort(o), o.Scanner, 1, cancel.Cancel, cancel.Token))
                produced.Add(c);
        });
        // The first case finished and requested the stop; no later batch started, nothing half-made was yielded.
        Assert.True(produced.Count < 4);
        Assert.All(produced, c => Assert.Equal(2, c.Views.Count));
    }
}
