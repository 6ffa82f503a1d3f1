namespace BreastSeg.Training;

/// <summary>Progress of a training run, reported after every batch and every epoch.</summary>
/// <param name="Epoch">Current epoch (1-based).</param>
/// <param name="Epochs">Maximum epochs.</param>
/// <param name="Batch">Batches finished in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="RunningLoss">Mean training loss so far in this epoch.</param>
/// <param name="Finished">Set once the epoch is complete (validation done, checkpoint written).</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double RunningLoss, EpochReport? Finished);
