namespace BreastSeg.Rf;

/// <summary>One lesion view: an RF frame and its lesion mask.</summary>
public sealed record RfView(RfFrame Frame, LesionMask Mask);

/// <summary>
/// One lesion of an OASBUD-layout data set: two orthogonal views, the BI-RADS category and the pathology class.
/// Cases are keyed by <see cref="Index"/> (row of the struct array, from 0); <see cref="Id"/> is a label and need not
/// be unique.
/// </summary>
/// <param name="Index">Row of the case in the file's struct array (0-based).</param>
/// <param name="Id">The file's id label.</param>
/// <param name="Views">The views (rf1/roi1, rf2/roi2), usually two.</param>
/// <param name="BiRads">BI-RADS category as written in the file ("3", "4a", ...).</param>
/// <param name="ClassCode">The file's raw class value.</param>
/// <param name="Malignant">Whether the case is malignant under the data set's class coding.</param>
public sealed record RfCase(int Index, string Id, IReadOnlyList<RfView> Views, string BiRads, int ClassCode, bool Malignant);
