using System.Text.Json.Serialization;
using BreastSeg.IO;

namespace BreastSeg.Samples;

/// <summary>How cases are split into train / validation / test (<see cref="CaseSplit.Stratified(IReadOnlyList{DatasetCase}, int, double, double)"/>).</summary>
/// <param name="Seed">Seed of the split only (the order cases are drawn in, per class).</param>
/// <param name="TestFraction">Share of all cases held out for testing (default the study's 81/269).</param>
/// <param name="ValidationFraction">Share of all cases for validation (early stopping, best model).</param>
public sealed record SplitOptions(int Seed = 1, double TestFraction = CaseSplit.StudyTestFraction,
    double ValidationFraction = CaseSplit.DefaultValidationFraction)
{
    /// <summary>k of k-fold cross-validation by mass (<see cref="Evaluation.CrossValidation.KFold"/> with
    /// <see cref="Seed"/>; <see cref="TestFraction"/> is then unused), or 0 for one stratified split. Left out of the
    /// JSON (and so of run identities) when 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Folds { get; init; }

    /// <summary>With <see cref="Folds"/>: the fold (0-based) whose masses are the test set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Fold { get; init; }

    /// <summary>Throws <see cref="BreastSegInputException"/> naming the parameter when the fractions are impossible.</summary>
    public void Validate()
    {
        if (!(TestFraction >= 0) || !(ValidationFraction >= 0) || TestFraction + ValidationFraction >= 1)
            throw new BreastSegInputException("Split.TestFraction", $"test ({TestFraction}) and validation ({ValidationFraction}) fractions must be >= 0 and leave cases for training");
        if (Folds == 1 || Folds < 0) throw new BreastSegInputException("Split.Folds", $"must be 0 (one split) or at least 2, got {Folds}");
        if (Fold < 0 || (Folds >= 2 ? Fold >= Folds : Fold != 0)) throw new BreastSegInputException("Split.Fold", $"fold {Fold} does not exist with {Folds} folds");
    }

    /// <summary>The split of <paramref name="cases"/>, stratified by class (<see cref="DatasetCase.ClassName"/>).</summary>
    public CaseSplit Apply(IReadOnlyList<DatasetCase> cases)
    {
        Validate();
        return Folds >= 2
            ? Evaluation.CrossValidation.KFold(cases.Select(c => (c.Index, c.Malignant)).ToList(), Folds, Seed, ValidationFraction)[Fold].Split
            : CaseSplit.Stratified(cases, Seed, TestFraction, ValidationFraction);
    }
}
