namespace BreastSeg.Training;

/// <summary>What <see cref="ModelTraining.Train"/> does with a run folder that holds another experiment.</summary>
public enum ExistingRun
{
    /// <summary>Refuse (<see cref="ExperimentMismatchException"/> naming the parameter that differs): the user pointed
    /// at that folder, so it is theirs to keep (`breastseg train --out`).</summary>
    Refuse,
    /// <summary>Delete it and train afresh: the folder belongs to a pipeline that owns it (`breastseg reproduce`, notebooks).</summary>
    Replace,
}
