using BreastSeg.IO;

namespace BreastSeg.Training;

/// <summary>
/// A train / validation / test partition of cases (not views: both views of a lesion fall on the same side),
/// stratified by pathology class and fixed by a seed.
/// </summary>
/// <param name="Train">Case indices for training.</param>
/// <param name="Validation">Case indices for validation (early stopping, best model).</param>
/// <param name="Test">Held-out case indices.</param>
public sealed record CaseSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>The study's test proportion: 81 of 269 cases (Byra et al. 2020).</summary>
    public const double StudyTestFraction = 81.0 / 269.0;

    /// <summary>Default validation proportion of all cases.</summary>
    public const double DefaultValidationFraction = 0.1;

    /// <summary>
    /// Splits cases given as (case index, malignant) pairs. Within each class the cases are shuffled with
    /// <paramref name="seed"/>; round(n * fraction) go to test, then to validation, the rest to training.
    /// </summary>
    public static CaseSplit Stratified(IReadOnlyList<(int CaseIndex, bool Malignant)> cases, int seed,
        double testFraction = StudyTestFraction, double validationFraction = DefaultValidationFraction)
    {
        if (testFraction < 0 || validationFraction < 0 || testFraction + validationFraction >= 1)
            throw new BreastSegInputException("split", $"test ({testFraction}) and validation ({validationFraction}) fractions must be >= 0 and leave cases for training");
        if (cases.Select(c => c.CaseIndex).Distinct().Count() != cases.Count)
            throw new ArgumentException("each case must be listed once", nameof(cases));
        var train = new List<int>(); var val = new List<int>(); var test = new List<int>();
        foreach (bool malignant in new[] { false, true })
        {
            var group = cases.Where(c => c.Malignant == malignant).Select(c => c.CaseIndex).Order().ToArray();
            new Random(SeedMix.Derive(seed, malignant ? 1 : 0)).Shuffle(group);
            int nTest = (int)Math.Round(group.Length * testFraction, MidpointRounding.AwayFromZero);
            int nVal = (int)Math.Round(group.Length * validationFraction, MidpointRounding.AwayFromZero);
            nVal = Math.Min(nVal, Math.Max(0, group.Length - nTest - 1));
            test.AddRange(group.Take(nTest));
            val.AddRange(group.Skip(nTest).Take(nVal));
            train.AddRange(group.Skip(nTest + nVal));
        }
        return new CaseSplit(train.Order().ToArray(), val.Order().ToArray(), test.Order().ToArray());
    }

    /// <summary>Case indices of a split by name ("train", "validation"/"val", "test").</summary>
    public int[] Get(string name) => name.ToLowerInvariant() switch
    {
        "train" => Train,
        "validation" or "val" => Validation,
        "test" => Test,
        _ => throw new BreastSegInputException("--split", $"unknown split '{name}' (use train, validation or test)"),
    };
}
