using System.CommandLine;
using System.Globalization;
using BreastSeg.Cli.Options;
using BreastSeg.IO;
using BreastSeg.Samples;
using BreastSeg.Training;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg train`: one model through <see cref="ModelTraining"/>; continues a run folder of the same
/// experiment, refuses one of another experiment.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = new Option<string>("--data") { Description = "Cohort file in the OASBUD layout (.mat), or a folder of B-mode images with masks (BUSI layout or images/ + masks/)", Required = true };
        var input = new Option<string>("--input") { Description = "Input maps: bmode, entropy, nakagami or a '+'-stack such as bmode+entropy", Required = true };
        var preset = new Option<string>("--preset") { Description = "quick, paper, tiny or busi: the values every other flag overrides (as in reproduce)", DefaultValueFactory = _ => "quick" };
        var output = new Option<string>("--out") { Description = "Run folder (created; continued when it holds the same experiment)", Required = true };
        var flags = new ExperimentFlags();
        var dataFlags = new DataFlags();
        var command = new Command("train", "Train an attention U-Net (or U-Net) on B-mode / entropy / Nakagami maps of a cohort") { data, input, preset, output, dataFlags.IncludeNormal };
        foreach (var option in flags.All) command.Options.Add(option);
        command.SetAction((p, cancel) =>
        {
            string runFolder = p.GetValue(output)!;
            var experiment = flags.Apply(p, Experiment.ForPreset(p.GetValue(preset)!)) with { Input = p.GetValue(input)! };
            experiment.Validate();
            var dataset = SegmentationDatasets.Open(p.GetValue(data)!, p.GetValue(dataFlags.IncludeNormal));
            var identity = ModelTraining.Identity(dataset, experiment);
            stdout.WriteLine($"experiment {identity.Hash}: {identity.Split.Train.Length} train, {identity.Split.Validation.Length} validation, {identity.Split.Test.Length} test cases");

            var console = CliConsole.For(stdout);
            TrainedModel? trained = null;
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    int cases = identity.Split.Train.Length + identity.Split.Validation.Length;
                    var mapsTask = ctx.AddTask($"maps ({experiment.Canonical().Input}) of {cases} training and validation cases", maxValue: Math.Max(1, cases));
                    var epochTask = ctx.AddTask("epochs", maxValue: experiment.Training.Epochs);
                    var batchTask = ctx.AddTask("batches");
                    var progress = new InlineProgress<TrainingProgress>(t =>
                    {
                        mapsTask.Value = mapsTask.MaxValue;
                        if (t.Finished is { } e)
                        {
                            epochTask.Value = e.Epoch;
                            epochTask.Description = string.Create(CultureInfo.InvariantCulture,
                                $"epoch {e.Epoch}/{t.Epochs} loss {e.TrainLoss:F4} val Dice {e.ValidationDice:F4}{(e.IsBest ? " *" : "")} {e.Seconds:F1} s");
                            ctx.Refresh();
                        }
                        else
                        {
                            batchTask.MaxValue = t.Batches;
                            batchTask.Value = t.Batch;
                            batchTask.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {t.Epoch} batch {t.Batch}/{t.Batches} loss {t.RunningLoss:F4}");
                        }
                    });
                    trained = ModelTraining.Train(dataset, experiment, runFolder, ExistingRun.Refuse, progress,
                        new InlineProgress<int>(n => mapsTask.Value = n), cancel);
                });
            var result = trained!.Result;
            if (trained.Reused) stdout.WriteLine($"already trained ({result.History.Count} epochs); nothing to do");
            else if (result.ResumedFromEpoch > 0) stdout.WriteLine($"resumed after epoch {result.ResumedFromEpoch}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"best epoch {result.BestEpoch}: validation Dice {result.BestValidationDice:F4}{(result.StoppedEarly ? " (stopped early)" : "")}; model {trained.ModelPath}"));
            return Task.FromResult(0);
        });
        return command;
    }
}
