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
