namespace BreastSeg.Samples;

/// <summary>One case (lesion) of a segmentation data set, as splits see it.</summary>
/// <param name="Index">Position of the case in the data set (0-based); samples, splits and results refer to it.</param>
/// <param name="Id">The data set's label of the case (need not be unique).</param>
/// <param name="Malignant">Pathology class; splits are stratified by it.</param>
/// <param name="Class">The data set's class name where it has more than benign / malignant (an image folder's class
/// folder: "benign", "malignant", "normal"); null where <paramref name="Malignant"/> says it all. Splits stratify by it
/// (<see cref="CaseSplit.Stratified(IReadOnlyList{DatasetCase}, int, double, double)"/>).</param>
public sealed record DatasetCase(int Index, string Id, bool Malignant, string? Class = null)
{
    /// <summary>The class a split stratifies by: <see cref="Class"/>, or "malignant" / "benign" from <see cref="Malignant"/>.</summary>
    public string ClassName => Class ?? (Malignant ? "malignant" : "benign");
}
