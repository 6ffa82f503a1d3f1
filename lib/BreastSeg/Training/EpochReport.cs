namespace BreastSeg.Training;

/// <summary>What one finished epoch measured.</summary>
/// <param name="Epoch">Epoch number (1-based).</param>
/// <param name="TrainLoss">Mean training loss over the epoch's images.</param>
/// <param name="ValidationLoss">Mean validation loss (NaN without a validation set).</param>
/// <param name="ValidationDice">Mean Dice of the thresholded validation predictions on the network grid (NaN without a
/// validation set; images with an empty reference are left out, as MONAI's ignore_empty does).</param>
/// <param name="LearningRate">Learning rate used.</param>
/// <param name="Seconds">Wall time of the epoch (s).</param>
/// <param name="IsBest">Whether this epoch became the best model.</param>
/// <param name="LiveTensors">TorchSharp tensors alive on the training thread at the end of the epoch (leak check).</param>
public sealed record EpochReport(int Epoch, double TrainLoss, double ValidationLoss, double ValidationDice, double LearningRate,
    double Seconds, bool IsBest, long LiveTensors);

/// <summary>Progress of a training run, reported after every batch and every epoch.</summary>
/// <param name="Epoch">Current epoch (1-based).</param>
/// <param name="Epochs">Maximum epochs.</param>
/// <param name="Batch">Batches finished in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="RunningLoss">Mean training loss so far in this epoch.</param>
/// <param name="Finished">Set once the epoch is complete (validation done, checkpoint written).</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double RunningLoss, EpochReport? Finished);

/// <summary>Outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="History">Every finished epoch, including those before a resume.</param>
/// <param name="BestEpoch">Epoch of the best validation Dice (0 if none).</param>
/// <param name="BestValidationDice">Best validation Dice.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run.</param>
/// <param name="ResumedFromEpoch">Epochs already finished when this call started (0 for a fresh run).</param>
public sealed record TrainingResult(IReadOnlyList<EpochReport> History, int BestEpoch, double BestValidationDice, bool StoppedEarly, int ResumedFromEpoch);
