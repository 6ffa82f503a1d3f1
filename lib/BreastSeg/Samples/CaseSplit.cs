using BreastSeg.IO;

namespace BreastSeg.Samples;

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
    /// <paramref name="seed"/>; round(N * testFraction) cases go to test and round(N * validationFraction) to
    /// validation, shared between the classes in proportion to their sizes (largest remainder); the rest train.
    /// </summary>
    public static CaseSplit Stratified(IReadOnlyList<(int CaseIndex, bool Malignant)> cases, int seed,
        double testFraction = StudyTestFraction, double validationFraction = DefaultValidationFraction)
    {
        if (testFraction < 0 || validationFraction < 0 || testFraction + validationFraction >= 1)
            throw new BreastSegInputException("Split.TestFraction", $"test ({testFraction}) and validation ({validationFraction}) fractions must be >= 0 and leave cases for training");
        if (cases.Select(c => c.CaseIndex).Distinct().Count() != cases.Count)
            throw new ArgumentException("each case must be listed once", nameof(cases));
        var groups = new[] { false, true }
            .Select(m => cases.Where(c => c.Malignant == m).Select(c => c.CaseIndex).Order().ToArray()).ToArray();
        for (int g = 0; g < groups.Length; g++) new Random(SeedMix.Derive(seed, g)).Shuffle(groups[g]);
        var sizes = groups.Select(g => g.Length).ToArray();
        int[] nTest = Apportion(sizes, testFraction);
        int[] nVal = Apportion(sizes.Select((n, g) => n - nTest[g]).ToArray(), validationFraction * cases.Count / Math.Max(1, cases.Count - nTest.Sum()));
        var train = new List<int>(); var val = new List<int>(); var test = new List<int>();
        for (int g = 0; g < groups.Length; g++)
        {
            test.AddRange(groups[g].Take(nTest[g]));
            val.AddRange(groups[g].Skip(nTest[g]).Take(nVal[g]));
            train.AddRange(groups[g].Skip(nTest[g] + nVal[g]));
        }
        return new CaseSplit(train.Order().ToArray(), val.Order().ToArray(), test.Order().ToArray());
    }

    /// <summary>
    /// Splits data-set cases by class: benign and malignant cases as <see cref="Stratified(IReadOnlyList{ValueTuple{int, bool}}, int, double, double)"/>
    /// does (so RF cohorts split as before), and every other class (an image folder's "normal") on its own, in the same
    /// proportions, with a seed of its own (classes in name order), so each class keeps its share in every part.
    /// </summary>
    public static CaseSplit Stratified(IReadOnlyList<DatasetCase> cases, int seed, double testFraction = StudyTestFraction,
        double validationFraction = DefaultValidationFraction)
    {
        static bool IsLesionClass(DatasetCase c) => c.ClassName is "benign" or "malignant";
        var split = Stratified(cases.Where(IsLesionClass).Select(c => (c.Index, c.Malignant)).ToList(), seed, testFraction, validationFraction);
        var others = cases.Where(c => !IsLesionClass(c)).GroupBy(c => c.ClassName).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (int k = 0; k < others.Count; k++)
        {
            var part = Stratified(others[k].Select(c => (c.Index, false)).ToList(), SeedMix.Derive(seed, 2 + k), testFraction, validationFraction);
            split = new CaseSplit(Merge(split.Train, part.Train), Merge(split.Validation, part.Validation), Merge(split.Test, part.Test));
        }
        return split;
    }

    private static int[] Merge(int[] a, int[] b) => a.Concat(b).Order().ToArray();

    // Largest-remainder rounding: the total is round(N * fraction) exactly (81 of 269), shared by class in proportion.
    private static int[] Apportion(int[] sizes, double fraction)
    {
        int total = (int)Math.Round(sizes.Sum() * fraction, MidpointRounding.AwayFromZero);
        var exact = sizes.Select(n => n * fraction).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (int g in Enumerable.Range(0, sizes.Length).OrderByDescending(g => exact[g] - counts[g]).ThenBy(g => g))
            if (counts.Sum() < total && counts[g] < sizes[g]) counts[g]++;
        return counts;
    }

    /// <summary>Case indices of a split by name ("train", "validation"/"val", "test").</summary>
    public int[] Get(string name) => name.ToLowerInvariant() switch
    {
        "train" => Train,
        "validation" or "val" => Validation,
        "test" => Test,
        _ => throw new BreastSegInputException("split", $"unknown split '{name}' (use train, validation or test)"),
    };
}
