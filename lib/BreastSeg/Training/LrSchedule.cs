namespace BreastSeg.Training;

/// <summary>Learning-rate schedules (learning rate as a function of the epoch only, so resuming needs no scheduler state).</summary>
public enum LrSchedule
{
    /// <summary>Constant learning rate.</summary>
    Constant,
    /// <summary>Multiply by <see cref="TrainingOptions.StepGamma"/> every <see cref="TrainingOptions.StepEpochs"/> epochs.</summary>
    Step,
    /// <summary>Cosine annealing from the initial rate to <see cref="TrainingOptions.MinLearningRate"/> over the epochs.</summary>
    Cosine,
}
