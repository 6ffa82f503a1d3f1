using System.CommandLine;
using System.Globalization;
using BreastSeg.IO;
using BreastSeg.Models;
using BreastSeg.Rf;
using BreastSeg.Torch;
using BreastSeg.Training;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg train`: maps of a cohort -> split -> normalisation -> training with checkpoints; resumes when the
/// run folder already has a checkpoint.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = new Option<string>("--data") { Description = "Cohort file in the OASBUD layout (.mat)", Required = true };
        var input = new Option<string>("--input") { Description = "Input maps: bmode, entropy, nakagami or bmode+entropy", Required = true };
        var (arch, _, filters, depth) = ModelCommand.ShapeOptions();
        filters.DefaultValueFactory = _ => 16;
        var size = new Option<int>("--size") { Description = "Network grid size in pixels per side (multiple of 16)", DefaultValueFactory = _ => CohortTensors.DefaultSize };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch") { Description = "Images per step", DefaultValueFactory = _ => 8 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-4 };
        var patience = new Option<int>("--patience") { Description = "Early stopping: epochs without better validation Dice (0: off)", DefaultValueFactory = _ => 20 };
        var loss = new Option<string>("--loss") { Description = "dice, bce or dice+bce", DefaultValueFactory = _ => "dice+bce" };
        var seed = new Option<int>("--seed") { Description = "Seed of split, weights, shuffling and augmentation", DefaultValueFactory = _ => 1 };
        var noAugment = new Option<bool>("--no-augment") { Description = "Train without augmentation" };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string>("--out") { Description = "Run folder (created; resumed when it holds a checkpoint)", Required = true };
        var command = new Command("train", "Train an attention U-Net (or U-Net) on B-mode / entropy / Nakagami maps of a cohort")
            { data, input, arch, size, filters, depth, epochs, batch, lr, patience, loss, seed, noAugment, device, output };
        command.SetAction(p =>
        {
            string runFolder = p.GetValue(output)!;
            string dataPath = p.GetValue(data)!;
            var kinds = InputChoice.Parse(p.GetValue(input)!);
            int gridSize = p.GetValue(size);
            var config = new UNetConfig(UNetFactory.ParseArchitecture(p.GetValue(arch)!), kinds.Length, 1, p.GetValue(filters), p.GetValue(depth));
            config.Validate();
            if (gridSize % config.SizeMultiple != 0 || gridSize < config.SizeMultiple * 2)
                throw new BreastSegInputException("--size", $"must be a multiple of {config.SizeMultiple} (depth {config.Depth}) and at least {2 * config.SizeMultiple}, got {gridSize}");
            var options = new TrainingOptions(Epochs: p.GetValue(epochs), BatchSize: p.GetValue(batch), LearningRate: p.GetValue(lr),
                Patience: p.GetValue(patience), Loss: SegmentationLoss.Parse(p.GetValue(loss)!), Augment: !p.GetValue(noAugment),
                Seed: p.GetValue(seed), Device: p.GetValue(device)!);
            options.Validate();
            if (!File.Exists(dataPath)) throw new BreastSegInputException(dataPath, "cohort file not found");

            TorchRuntime.EnsureLoaded();
            var console = CliConsole.For(stdout);
            using var cts = CliConsole.CancelOnCtrlC(out var unhook);
            try
            {
                var dataset = OasbudFile.Open(dataPath);
                List<SegmentationSample> samples = [];
                console.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask($"maps ({InputChoice.Format(kinds)}) of {dataset.Count} cases", maxValue: dataset.Count);
                    samples = CohortTensors.FromDataset(dataset, kinds, gridSize, casesDone: new InlineProgress<int>(n => task.Value = n), cancel: cts.Token);
                    task.Value = dataset.Count;
                });
                var split = CaseSplit.Stratified(CohortTensors.Cases(samples), options.Seed);
                var train = CohortTensors.Select(samples, split.Train);
                var validation = CohortTensors.Select(samples, split.Validation);
                var manifest = new RunManifest(dataPath, InputChoice.Format(kinds), gridSize, config, options, split, ChannelNormalizer.Fit(train));
                Directory.CreateDirectory(runFolder);
                if (File.Exists(Path.Combine(runFolder, RunManifest.FileName)) && !RunManifest.Load(runFolder).SameExperiment(manifest))
                    throw new BreastSegInputException(runFolder, "holds a run on other data, maps, size, network or split; use a new --out folder");
                manifest.Save(runFolder);
                stdout.WriteLine($"cases: {split.Train.Length} train, {split.Validation.Length} validation, {split.Test.Length} test ({train.Count} / {validation.Count} training / validation images)");

                TrainingResult? result = null;
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var epochTask = ctx.AddTask("epochs", maxValue: options.Epochs);
                        var batchTask = ctx.AddTask("batches");
                        var progress = new InlineProgress<TrainingProgress>(t =>
                        {
                            if (t.Finished is { } e)
                            {
                                epochTask.Value = e.Epoch;
                                epochTask.Description = string.Create(CultureInfo.InvariantCulture,
                                    $"epoch {e.Epoch}/{options.Epochs} loss {e.TrainLoss:F4} val Dice {e.ValidationDice:F4}{(e.IsBest ? " *" : "")} {e.Seconds:F1} s");
                                ctx.Refresh();
                            }
                            else
                            {
                                batchTask.MaxValue = t.Batches;
                                batchTask.Value = t.Batch;
                                batchTask.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {t.Epoch} batch {t.Batch}/{t.Batches} loss {t.RunningLoss:F4}");
                            }
                        });
                        result = Trainer.Train(train, validation, manifest.Normalizer, config, options, runFolder, progress, cts.Token);
                    });
                if (result!.ResumedFromEpoch > 0) stdout.WriteLine($"resumed after epoch {result.ResumedFromEpoch}");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"best epoch {result.BestEpoch}: validation Dice {result.BestValidationDice:F4}{(result.StoppedEarly ? " (stopped early)" : "")}; model {Path.Combine(runFolder, Trainer.BestModelFileName)}"));
                return 0;
            }
            finally
            {
                unhook();
            }
        });
        return command;
    }
}
