using BreastSeg.Samples;

namespace BreastSeg.Images;

/// <summary>
/// Which cases of an image folder take part, and their train / validation / test split: by case, stratified by class
/// (benign, malignant and, when included, normal each split in the same proportions), fixed by a seed.
/// </summary>
public static class ImageSplit
{
    /// <summary>Test share of the published BUSI benchmark (a random 70/30 split).</summary>
    public const double BusiTestFraction = 0.3;

    /// <summary>
    /// The cases used: benign and malignant only by default, as in the published BUSI tables (normal images have no
    /// lesion, so Dice is undefined on them); every case of a plain (unlabelled) folder.
    /// </summary>
    public static List<ImageCase> Cases(ImageFolder folder, bool includeNormal = false) =>
        folder.Cases.Where(c => includeNormal || !c.IsNormal).ToList();

    /// <summary>
    /// Splits <paramref name="cases"/>: within each class round(N x fraction) cases go to test and validation (see
    /// <see cref="CaseSplit.Stratified(IReadOnlyList{DatasetCase}, int, double, double)"/>), the rest train.
    /// </summary>
    public static CaseSplit Stratified(IReadOnlyList<ImageCase> cases, int seed, double testFraction = BusiTestFraction,
        double validationFraction = CaseSplit.DefaultValidationFraction)
        => CaseSplit.Stratified(cases.Select(c => new DatasetCase(c.Index, c.Id, c.IsMalignant, c.Class)).ToList(), seed, testFraction, validationFraction);
}
