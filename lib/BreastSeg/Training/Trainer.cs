using System.Diagnostics;
using BreastSeg.Evaluation;
using BreastSeg.Models;
using BreastSeg.Samples;
using BreastSeg.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace BreastSeg.Training;

/// <summary>
/// Trains a U-Net on segmentation samples: Adam, a learning-rate schedule, early stopping on validation Dice, a
/// checkpoint after every epoch (atomic), the best model kept as a model file, a CSV log, and resumption from the last
/// checkpoint in the run folder. Every step runs inside a TorchSharp dispose scope. Progress goes to an
/// <see cref="IProgress{T}"/> (rendering is the caller's business).
/// </summary>
public static class Trainer
{
    /// <summary>File name of the best model inside a run folder.</summary>
    public const string BestModelFileName = "best-model.bsm";

    /// <summary>
    /// Trains (or resumes) in <paramref name="runFolder"/>. Inputs are normalised with <paramref name="normalizer"/>;
    /// training images are augmented when the options say so. Cancellation stops at the next batch; the finished epochs
    /// are already checkpointed, and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public static TrainingResult Train(
        IReadOnlyList<SegmentationSample> train, IReadOnlyList<SegmentationSample> validation, ChannelNormalizer normalizer,
        UNetConfig config, TrainingOptions options, string runFolder, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancel = default)
    {
        options.Validate();
        if (train.Count == 0) throw new IO.BreastSegInputException("training set", "no training images");
        if (train.Concat(validation).Any(s => s.Channels != config.InChannels || s.Size != train[0].Size))
            throw new IO.BreastSegInputException("training set", $"every image must have {config.InChannels} channels and size {train[0].Size}");
        TorchRuntime.EnsureLoaded();
        var device = TorchDevice.Resolve(options.Device);
        Directory.CreateDirectory(runFolder);

        int threads = get_num_threads();
        if (options.Deterministic && device.type == DeviceType.CPU) set_num_threads(1);
        try
        {
            return Run(train, validation, normalizer, config, options, runFolder, device, progress, cancel);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static TrainingResult Run(
        IReadOnlyList<SegmentationSample> train, IReadOnlyList<SegmentationSample> validation, ChannelNormalizer normalizer,
        UNetConfig config, TrainingOptions options, string runFolder, Device device, IProgress<TrainingProgress>? progress,
        CancellationToken cancel)
    {
        string checkpointPath = Path.Combine(runFolder, TrainingCheckpoint.FileName);
        using var net = UNetFactory.Create(config);
        SeededInit.Apply(net, options.Seed);
        net.to(device);
        using var optimizer = optim.Adam(net.parameters(), lr: options.LearningRate, weight_decay: options.WeightDecay);

        var state = File.Exists(checkpointPath)
            ? TrainingCheckpoint.Restore(checkpointPath, net, optimizer)
            : new TrainingCheckpoint(config, options, 0, 0, double.NaN, double.PositiveInfinity, 0, []);
        if (state.Options with { Epochs = options.Epochs, Patience = options.Patience, Device = options.Device } != options)
            throw new IO.BreastSegInputException(checkpointPath, "the run was started with other training options; only --epochs, --patience and --device may change on resume");
        int resumedFrom = state.Epoch;

        var trainItems = train.Select(s => (Input: normalizer.Apply(s), s.Target)).ToArray();
        var valItems = validation.Select(s => (Input: normalizer.Apply(s), s.Target)).ToArray();
        int size = train[0].Size;
        bool stoppedEarly = options.Patience > 0 && state.EpochsSinceBest >= options.Patience;

        for (int epoch = state.Epoch + 1; epoch <= options.Epochs && !stoppedEarly; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lr = options.LearningRateAt(epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            double trainLoss = TrainEpoch(net, optimizer, trainItems, config, options, size, device, epoch, progress, cancel);
            if (!double.IsFinite(trainLoss))
                throw new IO.BreastSegInputException("training", $"loss became {trainLoss} in epoch {epoch}; lower --lr (the last checkpoint, epoch {state.Epoch}, is kept)");
            var (valLoss, valDice) = Validate(net, valItems, config, options, size, device);

            // Best model: highest validation Dice; without a validation set, lowest training loss.
            bool hasValidation = valItems.Length > 0 && !double.IsNaN(valDice);
            bool isBest = hasValidation
                ? double.IsNaN(state.BestValidationDice) || valDice > state.BestValidationDice
                : trainLoss < state.BestTrainLoss;
            if (isBest) ModelFile.Save(net, Path.Combine(runFolder, BestModelFileName), normalizer);
            var report = new EpochReport(epoch, trainLoss, valLoss, valDice, lr, clock.Elapsed.TotalSeconds, isBest,
                DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            var history = new List<EpochReport>(state.History) { report };
            state = state with
            {
                Epoch = epoch,
                BestEpoch = isBest ? epoch : state.BestEpoch,
                BestValidationDice = isBest && hasValidation ? valDice : state.BestValidationDice,
                BestTrainLoss = isBest && !hasValidation ? trainLoss : state.BestTrainLoss,
                EpochsSinceBest = isBest ? 0 : state.EpochsSinceBest + 1,
                History = history,
                Options = options,
            };
            // The log first: a kill between the two leaves the log one epoch ahead of the checkpoint, and the resumed
            // run rewrites it; the checkpoint is what counts.
            TrainingLog.Write(Path.Combine(runFolder, TrainingLog.FileName), history);
            state.Save(checkpointPath, net, optimizer);
            progress?.Report(new TrainingProgress(epoch, options.Epochs, 0, 0, trainLoss, report));
            stoppedEarly = options.Patience > 0 && state.EpochsSinceBest >= options.Patience;
        }
        return new TrainingResult(state.History, state.BestEpoch, state.BestValidationDice, stoppedEarly, resumedFrom);
    }

    private static double TrainEpoch(UNetBase net, optim.Optimizer optimizer, (float[] Input, bool[] Target)[] items,
        UNetConfig config, TrainingOptions options, int size, Device device, int epoch, IProgress<TrainingProgress>? progress,
        CancellationToken cancel)
    {
        net.train();
        var order = Enumerable.Range(0, items.Length).ToArray();
        new Random(SeedMix.Derive(options.Seed, epoch)).Shuffle(order);
        int batches = (items.Length + options.BatchSize - 1) / options.BatchSize;
        double lossSum = 0;
        int seen = 0;
        // Batch b + 1 is augmented on another core while batch b trains (each image's augmentation has its own seeded
        // Random, so the batches do not depend on the timing): with one intra-op thread for determinism, the second core
        // would otherwise sit idle during the augmentation.
        List<(float[] Input, bool[] Target)> Prepare(int b) => order.Skip(b * options.BatchSize).Take(options.BatchSize)
            .Select(i => options.Augment
                ? options.Augmentation.Apply(items[i].Input, items[i].Target, size, new Random(SeedMix.Derive(options.Seed, epoch, i)))
                : items[i])
            .ToList();
        var next = options.Augment ? Task.Run(() => Prepare(0), cancel) : Task.FromResult(Prepare(0));
        for (int b = 0; b < batches; b++)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = next.GetAwaiter().GetResult();
            int following = b + 1;
            if (following < batches) next = options.Augment ? Task.Run(() => Prepare(following), cancel) : Task.FromResult(Prepare(following));
            using (var scope = NewDisposeScope())
            {
                var (x, y) = SegmentationBatch.Make(batch, config.InChannels, size, device);
                optimizer.zero_grad();
                var loss = SegmentationLoss.Compute(options.Loss, net.forward(x), y, options.DiceBatch);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * batch.Count;
            }
            seen += batch.Count;
            progress?.Report(new TrainingProgress(epoch, options.Epochs, b + 1, batches, lossSum / seen, null));
        }
        return lossSum / seen;
    }

    private static (double Loss, double Dice) Validate(UNetBase net, (float[] Input, bool[] Target)[] items, UNetConfig config,
        TrainingOptions options, int size, Device device)
    {
        if (items.Length == 0) return (double.NaN, double.NaN);
        net.eval();
        double lossSum = 0;
        var dice = new List<double>();
        using (no_grad())
        {
            for (int start = 0; start < items.Length; start += options.BatchSize)
            {
                var batch = items.Skip(start).Take(options.BatchSize).ToList();
                using var scope = NewDisposeScope();
                var (x, y) = SegmentationBatch.Make(batch, config.InChannels, size, device);
                var logits = net.forward(x);
                lossSum += SegmentationLoss.Compute(options.Loss, logits, y, options.DiceBatch).item<float>() * batch.Count;
                var probabilities = sigmoid(logits).cpu().data<float>().ToArray();
                int plane = size * size;
                for (int n = 0; n < batch.Count; n++)
                {
                    var predicted = new bool[plane];
                    for (int k = 0; k < plane; k++) predicted[k] = probabilities[n * plane + k] >= options.Threshold;
                    double d = OverlapMetrics.Compute(predicted, batch[n].Target).Dice;
                    if (!double.IsNaN(d)) dice.Add(d);
                }
            }
        }
        net.train();
        return (lossSum / items.Length, dice.Count > 0 ? dice.Average() : double.NaN);
    }
}
