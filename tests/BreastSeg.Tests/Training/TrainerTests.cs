using BreastSeg.Evaluation;
using BreastSeg.Models;
using BreastSeg.Torch;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Tests.Training;

internal sealed class SyncProgress<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}

[Collection(SerialTorchCollection.Name)]
public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-train-").FullName;

    public TrainerTests() => TorchRuntime.EnsureLoaded();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly UNetConfig Tiny = new(UNetArchitecture.AttentionUNet, 1, 1, 8, 3);

    [Fact]
    public void TinyAttentionUNetOverfitsAHandfulOfCasesOnTheRfGrid()
    {
        var samples = SyntheticCohort.Samples(4, seed: 1, size: 32);
        var norm = ChannelNormalizer.Fit(samples);
        var options = new TrainingOptions(Epochs: 40, BatchSize: 4, LearningRate: 5e-3, Schedule: LrSchedule.Constant,
            Patience: 0, Augment: false, Seed: 3);
        string run = Path.Combine(_dir, "overfit");
        var result = Trainer.Train(samples, samples, norm, Tiny, options, run);
        Assert.Equal(40, result.History.Count);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss / 3);

        using var best = ModelFile.Load(Path.Combine(run, Trainer.BestModelFileName));
        var scores = SegmentationEvaluator.Evaluate(best, samples, norm);
        Assert.Equal(8, scores.Count);
        double meanDice = scores.Average(s => s.Dice);
        Assert.True(meanDice > 0.9, $"mean Dice on the RF grid {meanDice:F3}");
        Assert.All(scores, s => Assert.True(double.IsFinite(s.Hd95Mm)));
        Assert.Equal(result.BestValidationDice, result.History.Max(h => h.ValidationDice), 12);
        string[] log = File.ReadAllLines(Path.Combine(run, TrainingLog.FileName));
        Assert.Equal(41, log.Length);
        Assert.StartsWith("epoch,train_loss,val_loss,val_dice", log[0]);
    }

    [Fact]
    public void ResumeAfterInterruptionEqualsUninterruptedRunAndTensorsDoNotLeak()
    {
        var all = SyntheticCohort.Samples(3, seed: 2, size: 16);
        var train = all.Take(4).ToList();
        var val = all.Skip(4).ToList();
        var norm = ChannelNormalizer.Fit(train);
        var options = new TrainingOptions(Epochs: 5, BatchSize: 3, LearningRate: 1e-3, Patience: 0, Augment: true, Seed: 11);
        var config = Tiny;

        string straight = Path.Combine(_dir, "straight");
        var full = Trainer.Train(train, val, norm, config, options, straight);

        string interrupted = Path.Combine(_dir, "interrupted");
        using (var cts = new CancellationTokenSource())
        {
            var stopAfter2 = new SyncProgress<TrainingProgress>(p => { if (p.Finished?.Epoch == 2) cts.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Train(train, val, norm, config, options, interrupted, stopAfter2, cts.Token));
        }
        Assert.Equal(2, TrainingCheckpoint.ReadInfo(Path.Combine(interrupted, TrainingCheckpoint.FileName)).Epoch);
        var resumed = Trainer.Train(train, val, norm, config, options, interrupted);
        Assert.Equal(2, resumed.ResumedFromEpoch);

        Assert.Equal(full.History.Select(h => (h.TrainLoss, h.ValidationLoss, h.ValidationDice)),
            resumed.History.Select(h => (h.TrainLoss, h.ValidationLoss, h.ValidationDice)));
        using var a = ModelFile.Load(Path.Combine(straight, Trainer.BestModelFileName));
        using var b = ModelFile.Load(Path.Combine(interrupted, Trainer.BestModelFileName));
        var sa = a.state_dict();
        foreach (var (key, value) in b.state_dict())
            Assert.True(value.eq(sa[key]).all().item<bool>(), key);

        // Live tensors on the training thread: the same at the end of every epoch after the first.
        Assert.All(full.History.Skip(1), h => Assert.Equal(full.History[1].LiveTensors, h.LiveTensors));

        // Changing the optimisation on resume is refused; more epochs are allowed.
        Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => Trainer.Train(train, val, norm, config, options with { LearningRate = 0.1 }, interrupted));
        var longer = Trainer.Train(train, val, norm, config, options with { Epochs = 6 }, interrupted);
        Assert.Equal(6, longer.History.Count);
    }

    [Fact]
    public void EarlyStoppingStopsAfterPatienceEpochsWithoutBetterValidationDice()
    {
        var all = SyntheticCohort.Samples(2, seed: 5, size: 16);
        var norm = ChannelNormalizer.Fit(all);
        // Learning rate 0: weights never change, so validation Dice never improves after epoch 1.
        var options = new TrainingOptions(Epochs: 10, BatchSize: 4, LearningRate: 1e-12, Schedule: LrSchedule.Constant, Patience: 2, Augment: false);
        var result = Trainer.Train(all, all, norm, Tiny, options, Path.Combine(_dir, "early"));
        Assert.True(result.StoppedEarly);
        Assert.True(result.History.Count < 10);
        Assert.Equal(result.BestEpoch + 2, result.History.Count);
    }
}
