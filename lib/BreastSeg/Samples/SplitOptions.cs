using BreastSeg.IO;

namespace BreastSeg.Samples;

/// <summary>How cases are split into train / validation / test (<see cref="CaseSplit.Stratified(IReadOnlyList{DatasetCase}, int, double, double)"/>).</summary>
/// <param name="Seed">Seed of the split only (the order cases are drawn in, per class).</param>
/// <param name="TestFraction">Share of all cases held out for testing (default the study's 81/269).</param>
/// <param name="ValidationFraction">Share of all cases for validation (early stopping, best model).</param>
public sealed record SplitOptions(int Seed = 1, double TestFraction = CaseSplit.StudyTestFraction,
    double ValidationFraction = CaseSplit.DefaultValidationFraction)
{
    /// <summary>Throws <see cref="BreastSegInputException"/> naming the parameter when the fractions are impossible.</summary>
    public void Validate()
    {
        if (!(TestFraction >= 0) || !(ValidationFraction >= 0) || TestFraction + ValidationFraction >= 1)
            throw new BreastSegInputException("Split.TestFraction", $"test ({TestFraction}) and validation ({ValidationFraction}) fractions must be >= 0 and leave cases for training");
    }

    /// <summary>The split of <paramref name="cases"/>, stratified by class (<see cref="DatasetCase.ClassName"/>).</summary>
    public CaseSplit Apply(IReadOnlyList<DatasetCase> cases)
    {
        Validate();
        return CaseSplit.Stratified(cases, Seed, TestFraction, ValidationFraction);
    }
}
