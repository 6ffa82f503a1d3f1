using BreastSeg.IO;

namespace BreastSeg.Samples;

/// <summary>Opens the data sets the kit reads from their location (what run folders record).</summary>
public static class SegmentationDatasets
{
    /// <summary>The data set at <paramref name="location"/>: an OASBUD-layout .mat file (RF cohorts), or a folder of
    /// images with masks (BUSI layout or images/ + masks/; benign and malignant cases, and normal ones when
    /// <paramref name="includeNormal"/>, which only image folders take).</summary>
    public static ISegmentationDataset Open(string location, bool includeNormal = false)
    {
        if (File.Exists(location))
            return includeNormal
                ? throw new BreastSegInputException("IncludeNormal", $"'{location}' is an RF cohort; normal cases exist in image folders only")
                : OasbudSegmentationDataset.Open(location);
        if (Directory.Exists(location)) return Images.ImageSegmentationDataset.Open(location, includeNormal);
        throw new BreastSegInputException(location, "data not found");
    }

    /// <summary>The data set at <paramref name="location"/> with the case selection a run was trained on: an image
    /// folder is opened with normal cases where that gives <paramref name="fingerprint"/> (the run's) and without
    /// them does not.</summary>
    public static ISegmentationDataset OpenAs(string location, string fingerprint)
    {
        var data = Open(location);
        return data.Fingerprint != fingerprint && data is Images.ImageSegmentationDataset images
            && Images.ImageSegmentationDataset.Open(images.Folder.Path, includeNormal: true) is var all && all.Fingerprint == fingerprint
            ? all
            : data;
    }
}
