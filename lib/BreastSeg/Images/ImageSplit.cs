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
    /// <see cref="CaseSplit.Stratified"/>), the rest train.
    /// </summary>
    public static CaseSplit Stratified(IReadOnlyList<ImageCase> cases, int seed, double testFraction = BusiTestFraction,
        double validationFraction = CaseSplit.DefaultValidationFraction)
    {
        // CaseSplit stratifies by malignant / not; normal cases are a third class, split on their own with a seed of their own.
        var lesions = CaseSplit.Stratified(cases.Where(c => !c.IsNormal).Select(c => (c.Index, c.IsMalignant)).ToList(), seed, testFraction, validationFraction);
        var normal = cases.Where(c => c.IsNormal).Select(c => (c.Index, false)).ToList();
        if (normal.Count == 0) return lesions;
        var normals = CaseSplit.Stratified(normal, SeedMix.Derive(seed, 2), testFraction, validationFraction);
        return new CaseSplit(Merge(lesions.Train, normals.Train), Merge(lesions.Validation, normals.Validation), Merge(lesions.Test, normals.Test));
    }

    private static int[] Merge(int[] a, int[] b) => a.Concat(b).Order().ToArray();
}
