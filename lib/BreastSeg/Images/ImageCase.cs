namespace BreastSeg.Images;

/// <summary>One case of an image folder: a B-mode image and the mask files whose union is its lesion mask.</summary>
/// <param name="Index">Position in the folder's case list (0-based; classes in name order, cases in natural order).</param>
/// <param name="Id">The image's file stem, for example "benign (12)".</param>
/// <param name="Class">The class folder's name in the BUSI layout ("benign", "malignant", "normal"); null in the plain
/// layout, which has no classes.</param>
/// <param name="ImagePath">The image file.</param>
/// <param name="MaskPaths">Mask files of the case (none where the folder has none for it: the case is refused on load).</param>
public sealed record ImageCase(int Index, string Id, string? Class, string ImagePath, IReadOnlyList<string> MaskPaths)
{
    /// <summary>BUSI's class names.</summary>
    public const string Benign = "benign", Malignant = "malignant", Normal = "normal";

    /// <summary>Whether the class is malignant (false for benign, normal and unlabelled cases).</summary>
    public bool IsMalignant => string.Equals(Class, Malignant, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the case is a normal (lesion-free) image.</summary>
    public bool IsNormal => string.Equals(Class, Normal, StringComparison.OrdinalIgnoreCase);
}
