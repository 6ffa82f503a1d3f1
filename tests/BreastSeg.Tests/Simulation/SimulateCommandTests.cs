using BreastSeg.Cli;

namespace BreastSeg.Tests.Simulation;

/// <summary>`breastseg simulate` argument errors: one line naming the option, exit code 2, no file written.</summary>
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
}
