using BreastSeg.Cli;
using BreastSeg.Rf;
using BreastSeg.Torch;

namespace BreastSeg.Tests.Training;

[Collection(SerialTorchCollection.Name)]
public sealed class TrainCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-traincli-").FullName;

    public TrainCliTests() => TorchRuntime.EnsureLoaded();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TrainThenEvaluateOnACohortFileWritesRunFilesAndPerCaseCsv()
    {
        // Synthetic cohort in the OASBUD layout (int16 RF: scale the texture up before quantisation).
        var cases = SyntheticCohort.Cases(8, seed: 4, samples: 128, lines: 32)
            .Select(c => c with { Views = c.Views.Select(v => v with { Frame = new RfFrame(v.Frame.Samples, v.Frame.Lines, v.Frame.Data.Select((x, k) => x * 2000 * Math.Sin(k * 1.3)).ToArray(), v.Frame.Acquisition) }).ToList() })
            .ToList();
        string data = Path.Combine(_dir, "cohort.mat");
        OasbudFile.Write(data, cases);
        string run = Path.Combine(_dir, "run");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["train", "--data", data, "--input", "bmode", "--size", "32", "--base-filters", "8", "--depth", "3",
            "--epochs", "2", "--batch", "4", "--out", run], stdout, stderr);
        Assert.True(code == 0, stderr.ToString() + stdout);
        foreach (string f in new[] { "run.json", "checkpoint.bsc", "best-model.bsm", "log.csv" })
            Assert.True(File.Exists(Path.Combine(run, f)), f);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);

        stdout = new StringWriter();
        code = CliApp.Run(["evaluate", "--run", run, "--split", "test"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        string csv = Path.Combine(run, "evaluation-test.csv");
        var rows = File.ReadAllLines(csv);
        Assert.StartsWith("CaseIndex,CaseId,View,Malignant,Dice,IoU,Precision,Recall,Hd95Mm", rows[0]);
        Assert.True(rows.Length >= 3);
        Assert.Contains("Dice", stdout.ToString());

        // The CSV reads back and compares with itself: all differences zero, nothing to test.
        code = CliApp.Run(["evaluate", "--run", run, "--split", "test", "--compare", csv], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("paired Wilcoxon", stdout.ToString());

        // Probabilities for every view of the cohort, on the RF grid.
        string predicted = Path.Combine(_dir, "prediction.mat");
        code = CliApp.Run(["predict", "--model", run, "--input", data, "--out", predicted], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var prediction = (BreastSeg.Rf.Mat.MatStruct)BreastSeg.Rf.Mat.MatFile.Read(predicted)["prediction"];
        Assert.Equal(8, prediction.Count);
        var prob = (BreastSeg.Rf.Mat.MatNumeric)prediction[0, "prob2"];
        Assert.Equal(new[] { 128, 32 }, prob.Dimensions);
        Assert.All(prob.ToDoubleArray(), x => Assert.InRange(x, 0, 1));

        // A single 2-D map at network size.
        string map = Path.Combine(_dir, "map.mat");
        BreastSeg.Rf.Mat.MatFile.Write(map, [new("bmode", BreastSeg.Rf.Mat.MatNumeric.FromDoubles(32, 32, Enumerable.Range(0, 1024).Select(k => (k % 7) / 7.0).ToArray()))]);
        string single = Path.Combine(_dir, "single.mat");
        code = CliApp.Run(["predict", "--model", Path.Combine(run, "best-model.bsm"), "--input", map, "--out", single], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var p2 = (BreastSeg.Rf.Mat.MatNumeric)BreastSeg.Rf.Mat.MatFile.Read(single)["probability"];
        Assert.Equal(new[] { 32, 32 }, p2.Dimensions);
        code = CliApp.Run(["predict", "--model", Path.Combine(run, "best-model.bsm"), "--input", predicted, "--out", single], stdout, stderr);
        Assert.Equal(CliApp.BadInput, code);

        // Running train again on the finished run reuses it (nothing left to do) instead of starting over.
        stdout = new StringWriter();
        code = CliApp.Run(["train", "--data", data, "--input", "bmode", "--size", "32", "--base-filters", "8", "--depth", "3",
            "--epochs", "2", "--batch", "4", "--out", run], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("already trained", stdout.ToString());
    }
}
