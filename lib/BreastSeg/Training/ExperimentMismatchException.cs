using BreastSeg.IO;

namespace BreastSeg.Training;

/// <summary>A run folder holds another experiment than the one asked for (and was not to be replaced).</summary>
public sealed class ExperimentMismatchException(string runFolder, ParameterDifference difference)
    : BreastSegInputException(runFolder, $"holds another experiment: {difference}; use a new run folder")
{
    /// <summary>The first parameter that differs.</summary>
    public ParameterDifference Difference { get; } = difference;
}
