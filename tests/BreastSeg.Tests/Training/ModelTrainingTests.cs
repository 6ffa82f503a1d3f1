using BreastSeg.Cli;
using BreastSeg.Evaluation;
using BreastSeg.Maps;
using BreastSeg.Models;
using BreastSeg.Samples;
using BreastSeg.Torch;
using BreastSeg.Training;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Training;

/// <summary>One cohort file and one trained entropy run shared by the tests of <see cref="ModelTrainingTests"/>.</summary>
public sealed class TrainedRunFixture : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("breastseg-usecase-").FullName;
    public string Data { get; }
    public string Run => Path.Combine(Dir, "run");

    /// <summary>The experiment of <see cref="Run"/>: entropy with non-default maps, so tests see which maps are used.</summary>
    public static Experiment Experiment { get; } = Experiment.Tiny with
    {
        Input = "entropy",
        Maps = new MapOptions { Bins = 8, Normalization = EntropyNormalization.Global, Window = MapWindow.Parse("5x3") },
        Model = new UNetConfig(BaseFilters: 8, Depth: 3),
        Training = Experiment.Tiny.Training with { Epochs = 3 },
        Split = new SplitOptions(TestFraction: 0.25, ValidationFraction: 0.25),
    };

    public static string[] TrainArgs(string data, string run, params string[] extra) =>
    [
        "train", "--data", data, "--input", "entropy", "--preset", "tiny", "--bins", "8", "--normalization", "global", "--window", "5x3",
        "--base-filters", "8", "--depth", "3", "--epochs", "3", "--test-fraction", "0.25", "--validation-fraction", "0.25", "--out", run, .. extra,
    ];

    public TrainedModel First { get; }

    public TrainedRunFixture()
    {
        TorchRuntime.EnsureLoaded();
        Data = SyntheticCohort.WriteFile(Path.Combine(Dir, "cohort.mat"), 8, seed: 4);
        First = ModelTraining.Train(OasbudSegmentationDataset.Open(Data), Experiment, Run);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

[Collection(SerialTorchCollection.Name)]
public class ModelTrainingTests(TrainedRunFixture f, ITestOutputHelper output) : IClassFixture<TrainedRunFixture>
{
    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().TrimEnd());
    }

    [Fact]
    public void The_run_folder_records_the_whole_experiment_and_the_data_fingerprint()
    {
        var manifest = RunManifest.Load(f.Run);
        Assert.Equal(TrainedRunFixture.Experiment.Canonical(), manifest.Experiment);
        Assert.Equal(OasbudSegmentationDataset.Open(f.Data).Fingerprint, manifest.Identity.DataFingerprint);
        Assert.Equal(3, f.First.Result.History.Count);
        Assert.False(f.First.Reused);
    }

    [Fact]
    public void An_unchanged_rerun_reuses_the_model_through_the_library_and_the_cli()
    {
        byte[] model = File.ReadAllBytes(Path.Combine(f.Run, Trainer.BestModelFileName));
        var again = ModelTraining.Train(OasbudSegmentationDataset.Open(f.Data), TrainedRunFixture.Experiment, f.Run);
        Assert.True(again.Reused);
        Assert.Equal(f.First.Result.History, again.Result.History);
        var (code, stdout, stderr) = Cli(TrainedRunFixture.TrainArgs(f.Data, f.Run));
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("already trained", stdout);
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(f.Run, Trainer.BestModelFileName)));
    }

    [Theory]
    [InlineData("--bins", "16", "--bins was 8, now 16")]
    [InlineData("--normalization", "window", "--normalization was Global, now Window")]
    [InlineData("--window", "1pl", "--window was 5x3, now 1pl")]
    [InlineData("--lr", "0.01", "--lr was 0.001, now 0.01")]
    [InlineData("--split-seed", "2", "--split-seed was")]
    public void A_changed_parameter_on_an_existing_run_folder_is_refused_naming_its_flag(string flag, string value, string expected)
    {
        byte[] model = File.ReadAllBytes(Path.Combine(f.Run, Trainer.BestModelFileName));
        var args = TrainedRunFixture.TrainArgs(f.Data, f.Run).ToList();
        int at = args.IndexOf(flag);
        if (at >= 0) args[at + 1] = value; else args.AddRange([flag, value]);
        var (code, _, stderr) = Cli([.. args]);
        output.WriteLine(stderr);
        Assert.Equal(CliApp.BadInput, code);
        Assert.Single(stderr.Split('\n'));
        Assert.StartsWith($"breastseg: {f.Run}: holds another experiment: {expected}", stderr);
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(f.Run, Trainer.BestModelFileName)));
    }

    [Fact]
    public void The_same_command_in_a_new_folder_gives_the_same_numbers()
    {
        string other = Path.Combine(f.Dir, "again-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = Cli(TrainedRunFixture.TrainArgs(f.Data, other));
        Assert.True(code == 0, stderr + stdout);
        Assert.Equal(Numbers(f.Run), Numbers(other));
        Assert.Equal(CrashResumeTests.Weights(f.Run), CrashResumeTests.Weights(other));
        Assert.Equal(0, Cli("evaluate", "--run", other).Code);
        Assert.Equal(0, Cli("evaluate", "--run", f.Run).Code);
        Assert.Equal(File.ReadAllText(Path.Combine(f.Run, "evaluation-test.csv")), File.ReadAllText(Path.Combine(other, "evaluation-test.csv")));
    }

    // The log without its wall-time column.
    internal static List<string> Numbers(string run) =>
        File.ReadAllLines(Path.Combine(run, TrainingLog.FileName)).Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 5))).ToList();

    [Fact]
    public void Evaluate_and_predict_use_the_maps_the_run_was_trained_on()
    {
        var (code, stdout, stderr) = Cli("evaluate", "--run", f.Run, "--split", "test");
        Assert.True(code == 0, stderr + stdout);
        var csv = EvaluationCsv.Read(Path.Combine(f.Run, "evaluation-test.csv"));

        var data = OasbudSegmentationDataset.Open(f.Data);
        var manifest = RunManifest.Load(f.Run);
        using var net = RunEvaluation.LoadBest(f.Run);
        var e = TrainedRunFixture.Experiment;
        List<CaseResult> With(MapOptions maps) => manifest.Split.Test
            .SelectMany(i => SegmentationEvaluator.Evaluate(net, data.Samples(i, e.MapKinds, maps, e.Size), manifest.Normalizer)).ToList();
        var trainedMaps = With(e.Maps);
        var defaultMaps = With(new MapOptions());
        Assert.Equal(trainedMaps.Select(r => r.Dice), csv.Select(r => r.Dice));
        Assert.NotEqual(defaultMaps.Select(r => r.Precision), csv.Select(r => r.Precision));

        string predicted = Path.Combine(f.Dir, "predicted-" + Guid.NewGuid().ToString("N") + ".mat");
        (code, stdout, stderr) = Cli("predict", "--model", f.Run, "--input", f.Data, "--out", predicted);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("5x3 window, 8 bins", stdout);
        var first = RunEvaluation.Predict(net, manifest, data, 0);
        var stored = (BreastSeg.Rf.Mat.MatStruct)BreastSeg.Rf.Mat.MatFile.Read(predicted)["prediction"];
        Assert.Equal(first[0].Probability, ((BreastSeg.Rf.Mat.MatNumeric)stored[0, "prob1"]).ToDoubleArray());
    }

    [Fact]
    public void Evaluation_refuses_other_data_than_the_run_was_trained_on()
    {
        string copy = SyntheticCohort.WriteFile(Path.Combine(f.Dir, "other-" + Guid.NewGuid().ToString("N") + ".mat"), 8, seed: 5);
        var ex = Assert.Throws<ExperimentMismatchException>(() => RunEvaluation.Evaluate(f.Run, OasbudSegmentationDataset.Open(copy), [0]));
        Assert.Equal("Data", ex.Difference.Parameter);
    }

    [Fact]
    public void Replace_retrains_a_folder_of_another_experiment()
    {
        string folder = Path.Combine(f.Dir, "replace-" + Guid.NewGuid().ToString("N"));
        var data = OasbudSegmentationDataset.Open(f.Data);
        var one = TrainedRunFixture.Experiment with { Training = TrainedRunFixture.Experiment.Training with { Epochs = 1 } };
        ModelTraining.Train(data, one, folder);
        var two = one with { Maps = one.Maps with { Bins = 16 } };
        Assert.Throws<ExperimentMismatchException>(() => ModelTraining.Train(data, two, folder));
        var replaced = ModelTraining.Train(data, two, folder, ExistingRun.Replace);
        Assert.False(replaced.Reused);
        Assert.Equal(0, replaced.Result.ResumedFromEpoch);
        Assert.Equal(16, RunManifest.Load(folder).Experiment.Maps.Bins);
    }
}
