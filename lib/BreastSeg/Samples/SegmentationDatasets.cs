using BreastSeg.IO;

namespace BreastSeg.Samples;

/// <summary>Opens the data sets the kit reads from their location (what run folders record).</summary>
public static class SegmentationDatasets
{
    /// <summary>The data set at <paramref name="location"/>: an OASBUD-layout .mat file (RF cohorts), or a folder of
    /// images with masks (BUSI layout or images/ + masks/; benign and malignant cases).</summary>
    public static ISegmentationDataset Open(string location)
    {
        if (File.Exists(location)) return OasbudSegmentationDataset.Open(location);
        if (Directory.Exists(location)) return Images.ImageSegmentationDataset.Open(location);
        throw new BreastSegInputException(location, "data not found");
    }
}
