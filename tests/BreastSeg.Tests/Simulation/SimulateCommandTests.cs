using BreastSeg.Cli;

namespace BreastSeg.Tests.Simulation;

/// <summary>`breastseg simulate`: argument errors (one line naming the option, exit code 2, no file written) and a
/// round trip through the OASBUD reader.</summary>
public class SimulateCommandTests
{
    [Theory]
    [InlineData("--cases 0", "--cases")]
    [InlineData("--cases abc", "abc")]
    [InlineData("--views 3", "--views")]
    [InlineData("--views 1", "--views")]
    [InlineData("--threads -1", "--threads")]
    [InlineData("--contrast bogus", "bogus")]
    public void BadOptionsExitWithCode2(string args, string named)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sim-cli-{Guid.NewGuid():N}");
        string output = Path.Combine(dir, "out.mat");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["simulate", "--out", output, .. args.Split(' ')], stdout, stderr);
        Assert.Equal(CliApp.BadInput, code);
        string err = stderr.ToString().Trim();
        Assert.Single(err.Split('\n'));
        Assert.Contains(named, err);
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any());
    }

    [Fact]
    public void MissingOutputExitsWithCode2()
    {
        var stderr = new StringWriter();
        Assert.Equal(CliApp.BadInput, CliApp.Run(["simulate", "--cases", "2"], new StringWriter(), stderr));
        Assert.Contains("--out", stderr.ToString());
    }

    [Fact]
    public void SimulateWritesAnOasbudFileAndSidecar()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sim-cli-{Guid.NewGuid():N}");
        try
        {
            string path = Path.Combine(dir, "c.mat");
            Assert.Equal(0, CliApp.Run(["simulate", "--cases", "2", "--seed", "4", "--out", path], new StringWriter(), new StringWriter()));
            var data = BreastSeg.Rf.OasbudFile.Open(path);
            Assert.Equal(2, data.Count);
            var c = data.GetCase(1);
            var d = BreastSeg.Simulation.CaseGenerator.DescribeCohort(new() { Cases = 2, Seed = 4 })[1];
            Assert.Equal((d.Id, d.BiRads, d.Malignant), (c.Id, c.BiRads, c.Malignant));
            Assert.Equal(d.Samples, c.Views[0].Frame.Samples);
            Assert.True(File.Exists(Path.Combine(dir, "c.params.json")));
            Assert.False(Directory.Exists(path + ".parts"));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
