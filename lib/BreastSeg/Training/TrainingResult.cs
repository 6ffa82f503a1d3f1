namespace BreastSeg.Training;

/// <summary>Outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="History">Every finished epoch, including those before a resume.</param>
/// <param name="BestEpoch">Epoch of the best validation Dice (0 if none).</param>
/// <param name="BestValidationDice">Best validation Dice.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run.</param>
/// <param name="ResumedFromEpoch">Epochs already finished when this call started (0 for a fresh run).</param>
public sealed record TrainingResult(IReadOnlyList<EpochReport> History, int BestEpoch, double BestValidationDice, bool StoppedEarly, int ResumedFromEpoch);
