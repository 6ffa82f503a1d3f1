using BreastSeg.Cli;

namespace BreastSeg.Tests.Maps;

public class MapsCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--bins", "1", "--bins:")]
    [InlineData("--bins", "0", "--bins:")]
    [InlineData("--normalization", "local", "--normalization:")]
    [InlineData("--window", "0pl", "--window:")]
    [InlineData("--window", "big", "--window:")]
    [InlineData("--window", "23x0", "--window:")]
    [InlineData("--nakagami-window", "-1mm", "--nakagami-window:")]
    [InlineData("--stride", "0", "--stride:")]
    [InlineData("--maps", "entropy,speckle", "--maps:")]
    [InlineData("--from", "iq", "--from:")]
    [InlineData("--dynamic-range", "0", "--dynamic-range:")]
    public void ParameterErrorsExitTwoWithOneLineNamingTheOption(string option, string value, string expected)
    {
        string output = Path.Combine(Path.GetTempPath(), $"maps-{Guid.NewGuid():N}.mat");
        var (code, _, stderr) = Run("maps", "does-not-exist.mat", "--out", output, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith($"breastseg: {expected}", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void MissingInputIsNamed()
    {
        string output = Path.Combine(Path.GetTempPath(), $"maps-{Guid.NewGuid():N}.mat");
        var (code, _, stderr) = Run("maps", "no-such-input.mat", "--out", output);
        Assert.Equal(2, code);
        Assert.Equal("breastseg: no-such-input.mat: file not found", stderr.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void MissingOutIsAParseError()
    {
        var (code, _, stderr) = Run("maps", "in.mat");
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr);
    }
}
