using BreastSeg.Simulation;

namespace BreastSeg.Tests.Simulation;

/// <summary>Resuming an interrupted cohort: stored cases come back identical, and only for the same cohort.</summary>
public class CaseCacheTests
{
    [Fact]
    public void StoredCasesAreReusedExactlyAndOnlyForTheSameCohort()
    {
        var o = new CohortOptions { Cases = 2, Seed = 8, Scanner = ScannerSettings.Default with { Lines = 48 } };
        var d = CaseGenerator.DescribeCohort(o);
        string dir = Path.Combine(Path.GetTempPath(), $"sim-cache-{Guid.NewGuid():N}");
        try
        {
            var cache = new CaseCache(dir, "cohort A");
            var first = CohortSimulator.Simulate(d, o.Scanner, 1, cache: cache).ToArray();
            Assert.Equal(2, cache.Count);

            // Reopened with the same fingerprint: the stored case comes back bit for bit.
            var again = new CaseCache(dir, "cohort A");
            var loaded = again.TryLoad(d[1], o.Scanner.Acquisition)!;
            Assert.Equal(first[1].Views[0].Frame.Data, loaded.Views[0].Frame.Data);
            Assert.Equal(first[1].Views[1].Mask.Data, loaded.Views[1].Mask.Data);
            Assert.Equal((first[1].Id, first[1].BiRads, first[1].Malignant), (loaded.Id, loaded.BiRads, loaded.Malignant));

            // Another cohort's fingerprint discards the stored cases.
            Assert.Equal(0, new CaseCache(dir, "cohort B").Count);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
