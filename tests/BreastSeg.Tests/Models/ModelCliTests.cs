using BreastSeg.Cli;
using BreastSeg.Models;
using BreastSeg.Torch;

namespace BreastSeg.Tests.Models;

public sealed class ModelCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-modelcli-").FullName;

    public ModelCliTests() => TorchRuntime.EnsureLoaded();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void SummaryPrintsReferenceParameterCount()
    {
        var (code, output, _) = Run("model", "summary", "--in-channels", "1", "--base-filters", "64");
        Assert.Equal(0, code);
        Assert.Contains("parameters: 34,877,421", output);
        Assert.Contains("Att5", output);
    }

    [Fact]
    public void ImportPyTorchWritesAModelFileThatLoads()
    {
        string pt = Path.Combine(_dir, "attunet.pt");
        using (var net = new AttentionUNet(2, 1, 4, 3)) ModelFile.SavePyTorchStateDict(net, pt);
        string model = Path.Combine(_dir, "imported.bsm");
        var (code, _, err) = Run("model", "import-pytorch", pt, "--out", model, "--in-channels", "2", "--base-filters", "4", "--depth", "3");
        Assert.True(code == 0, err);
        using var loaded = ModelFile.Load(model);
        Assert.Equal(new UNetConfig(UNetArchitecture.AttentionUNet, 2, 1, 4, 3), loaded.Config);

        var (bad, _, badErr) = Run("model", "import-pytorch", pt, "--out", Path.Combine(_dir, "x.bsm"), "--base-filters", "8", "--depth", "3");
        Assert.Equal(CliApp.BadInput, bad);
        Assert.Single(badErr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_dir, "x.bsm")));
    }

    [Fact]
    public void BadOptionsGiveOneLineAndExitCode2()
    {
        var (code, _, err) = Run("train", "--data", Path.Combine(_dir, "none.mat"), "--input", "entropy", "--out", Path.Combine(_dir, "run"));
        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains("none.mat: data not found", err);
        (code, _, err) = Run("train", "--data", "x.mat", "--input", "doppler", "--out", "r");
        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains("--input", err);
        (code, _, err) = Run("model", "summary", "--base-filters", "3");
        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains("--base-filters", err);
        (code, _, err) = Run("evaluate", "--run", _dir);
        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains("run.json", err);
    }
}
