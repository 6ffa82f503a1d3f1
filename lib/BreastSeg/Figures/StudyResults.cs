namespace BreastSeg.Figures;

/// <summary>A number the study reported for one of its models.</summary>
/// <param name="Model">The study's model ("B-mode", "entropy").</param>
/// <param name="MeanDice">Reported mean Dice.</param>
/// <param name="MedianDice">Reported median Dice.</param>
/// <param name="TestCases">Number of test masses.</param>
public sealed record StudyNumbers(string Model, double MeanDice, double MedianDice, int TestCases);

/// <summary>The reference study's reported results, always shown as the study's, on its own patient data.</summary>
/// <param name="Citation">Short citation.</param>
/// <param name="Models">Reported numbers per model.</param>
public sealed record StudyResults(string Citation, IReadOnlyList<StudyNumbers> Models)
{
    /// <summary>Label used wherever the study's numbers appear next to this kit's.</summary>
    public const string Label = "study (its patient data)";

    /// <summary>
    /// Byra et al. 2020 (arXiv:2001.10061), abstract: 81 test masses; entropy maps mean Dice 0.60, median 0.71;
    /// B-mode (US) images mean 0.53, median 0.59.
    /// </summary>
    public static StudyResults Byra2020 { get; } = new("Byra et al. 2020, arXiv:2001.10061",
    [
        new StudyNumbers("B-mode", 0.53, 0.59, 81),
        new StudyNumbers("entropy", 0.60, 0.71, 81),
    ]);

    /// <summary>The study's numbers for <paramref name="model"/>, or null.</summary>
    public StudyNumbers? For(string? model) =>
        model is null ? null : Models.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase));
}
