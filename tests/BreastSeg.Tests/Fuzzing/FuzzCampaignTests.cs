using System.Text.Json;
using BreastSeg.Fuzzing;

namespace BreastSeg.Tests.Fuzzing;

/// <summary>The CI share of the fuzz campaign: a few hundred mutated files of every format read as `inspect` reads them
/// end in a value or a one-line refusal, within the time limit and the memory cap.</summary>
public class FuzzCampaignTests
{
    [Fact]
    public void AFewHundredMutatedFilesOfEveryFormatEndInAValueOrAOneLineRefusal()
    {
        string dir = Directory.CreateTempSubdirectory("breastseg-fuzz-").FullName;
        try
        {
            var (code, output, error) = CliRun.Run("fuzz", "--count", "300", "--seed", "15", "--out", dir, "--cap", "256MB");
            Assert.True(code == 0, $"{output}\n{error}");
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            var counts = report.RootElement.GetProperty("counts");
            foreach (var format in FuzzFormats.All)
            {
                var c = counts.GetProperty(FuzzFormats.Name(format));
                int total = c.EnumerateObject().Sum(o => o.Value.GetInt32());
                Assert.Equal(300 / FuzzFormats.All.Count, total);
                // Mutations that reach the reader's checks: some are refused, and some files still read.
                Assert.True(c.GetProperty("refused").GetInt32() > 5, $"{format}: only {c.GetProperty("refused")} refused; the mutator is not reaching the reader");
                Assert.True(c.GetProperty("ok").GetInt32() > 0, $"{format}: no mutated file read; the seeds or the reader are broken");
            }
            Assert.Empty(report.RootElement.GetProperty("failures").EnumerateArray());
            Assert.False(Directory.Exists(Path.Combine(dir, "failures")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameMutations()
    {
        string dir = Directory.CreateTempSubdirectory("breastseg-fuzz-").FullName;
        try
        {
            foreach (var format in FuzzFormats.All)
            {
                var a = FuzzSeeds.Make(format, dir, 3);
                var b = FuzzSeeds.Make(format, dir, 3);
                Assert.Equal(a, b);
                var (first, howFirst) = FuzzMutator.Mutate(format, a[0], new Random(9));
                var (second, howSecond) = FuzzMutator.Mutate(format, b[0], new Random(9));
                Assert.Equal(howFirst, howSecond);
                Assert.Equal(first, second);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ACampaignIsTheSameOnEveryRun()
    {
        // Two folders: in one folder the second run would resume the first's journal instead of running the cases.
        string dir = Directory.CreateTempSubdirectory("breastseg-fuzz-").FullName, other = Directory.CreateTempSubdirectory("breastseg-fuzz-").FullName;
        try
        {
            var options = new FuzzOptions(40, 4, dir, [FuzzFormat.Mat7, FuzzFormat.Mat73], TimeSpan.FromSeconds(30), 256L << 20);
            void Inspect(string path) => _ = BreastSeg.Rf.Mat.MatFile.ReadSummaries(path).ToList();
            var first = FuzzCampaign.Run(options, Inspect).Cases.Select(c => (c.How, c.Outcome, c.Message?.Replace(dir, ""))).ToList();
            var second = FuzzCampaign.Run(options with { OutFolder = other }, Inspect).Cases.Select(c => (c.How, c.Outcome, c.Message?.Replace(other, ""))).ToList();
            Assert.Equal(first, second);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void UnknownFormatIsRefusedNamingTheFlag()
    {
        var (code, _, error) = CliRun.Run("fuzz", "--count", "1", "--out", Path.GetTempPath(), "--formats", "mat5,tiff");
        Assert.Equal(2, code);
        Assert.Contains("--formats", error);
    }
}
