namespace BreastSeg.Samples;

/// <summary>One case (lesion) of a segmentation data set, as splits see it.</summary>
/// <param name="Index">Position of the case in the data set (0-based); samples, splits and results refer to it.</param>
/// <param name="Id">The data set's label of the case (need not be unique).</param>
/// <param name="Malignant">Pathology class; splits are stratified by it.</param>
public sealed record DatasetCase(int Index, string Id, bool Malignant);
