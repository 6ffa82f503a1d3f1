namespace BreastSeg.Training;

/// <summary>One parameter in which two experiment identities differ.</summary>
/// <param name="Parameter">Its path in <see cref="Experiment"/> ("Maps.Bins", "Training.LearningRate", "Size", ...), or
/// "Data" for the data fingerprint and "Split.Cases" for the cases the split drew.</param>
/// <param name="Was">Value in the existing run ("(none)" where it had no such parameter).</param>
/// <param name="Now">Value asked for now.</param>
public sealed record ParameterDifference(string Parameter, string Was, string Now)
{
    /// <inheritdoc />
    public override string ToString() => $"{Parameter} was {Was}, now {Now}";
}
