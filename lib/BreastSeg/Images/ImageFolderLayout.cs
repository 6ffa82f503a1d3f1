namespace BreastSeg.Images;

/// <summary>How an image folder names its images and masks.</summary>
public enum ImageFolderLayout
{
    /// <summary>BUSI: <c>CLASS/CLASS (N).png</c> with <c>CLASS (N)_mask.png</c>, <c>_mask_1.png</c>, ... beside it.</summary>
    Busi,

    /// <summary><c>images/NAME.png</c> with <c>masks/NAME.png</c> (or <c>NAME_mask.png</c>, <c>NAME_mask_1.png</c>, ...).</summary>
    Plain,
}
