using BreastSeg.IO;

namespace BreastSeg.Training;

/// <summary>Hyper-parameters of a training run.</summary>
/// <param name="Epochs">Maximum number of epochs.</param>
/// <param name="BatchSize">Images per optimiser step.</param>
/// <param name="LearningRate">Adam learning rate at epoch 1.</param>
/// <param name="WeightDecay">Adam L2 weight decay.</param>
/// <param name="Schedule">Learning-rate schedule.</param>
/// <param name="StepEpochs">Epochs between decays (Step schedule).</param>
/// <param name="StepGamma">Decay factor (Step schedule).</param>
/// <param name="MinLearningRate">Final learning rate (Cosine schedule).</param>
/// <param name="Patience">Early stopping: epochs without a better validation Dice before stopping (0: never stop early).</param>
/// <param name="Loss">Training loss.</param>
/// <param name="DiceBatch">MONAI DiceLoss batch=True: one Dice over the whole batch instead of a mean of per-image Dice.</param>
/// <param name="Augment">Augment the training set (flips, affine, gain, contrast).</param>
/// <param name="Seed">Training seed: initial weights, shuffling and augmentation (not the split, see <see cref="Samples.SplitOptions.Seed"/>).</param>
/// <param name="Device">"auto" (CUDA when TorchSharp reports it, else CPU), "cpu" or "cuda".</param>
/// <param name="Threshold">Probability threshold for the validation Dice.</param>
/// <param name="Deterministic">Train CPU kernels on one intra-op thread: libtorch's multi-threaded convolution
/// gradients sum in a varying order, so bit-identical runs (and resume = uninterrupted run) need one thread.</param>
public sealed record TrainingOptions(
    int Epochs = 12,
    int BatchSize = 8,
    double LearningRate = 1e-3,
    double WeightDecay = 0,
    LrSchedule Schedule = LrSchedule.Cosine,
    int StepEpochs = 30,
    double StepGamma = 0.1,
    double MinLearningRate = 1e-6,
    int Patience = 20,
    LossKind Loss = LossKind.DiceBce,
    bool DiceBatch = false,
    bool Augment = true,
    int Seed = 1,
    string Device = "cpu",
    double Threshold = 0.5,
    bool Deterministic = true)
{
    /// <summary>Augmentation used when <see cref="Augment"/> is on.</summary>
    public Augmentation Augmentation { get; init; } = new();

    /// <summary>The learning rate of epoch <paramref name="epoch"/> (1-based).</summary>
    public double LearningRateAt(int epoch) => Schedule switch
    {
        LrSchedule.Step => LearningRate * Math.Pow(StepGamma, (epoch - 1) / Math.Max(1, StepEpochs)),
        LrSchedule.Cosine => MinLearningRate + 0.5 * (LearningRate - MinLearningRate) * (1 + Math.Cos(Math.PI * (epoch - 1) / Math.Max(1, Epochs - 1))),
        _ => LearningRate,
    };

    /// <summary>Throws <see cref="BreastSegInputException"/> naming the parameter ("Training.Epochs", ...) when a value
    /// is impossible.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new BreastSegInputException("Training.Epochs", $"must be at least 1, got {Epochs}");
        if (BatchSize < 1) throw new BreastSegInputException("Training.BatchSize", $"must be at least 1, got {BatchSize}");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new BreastSegInputException("Training.LearningRate", $"must be positive, got {LearningRate}");
        if (Patience < 0) throw new BreastSegInputException("Training.Patience", $"must be >= 0, got {Patience}");
        if (Threshold is <= 0 or >= 1) throw new BreastSegInputException("Training.Threshold", $"must be in (0, 1), got {Threshold}");
        if (Device.ToLowerInvariant() is not ("cpu" or "cuda" or "auto")) throw new BreastSegInputException("Training.Device", $"unknown device '{Device}' (use cpu, cuda or auto)");
    }
}
