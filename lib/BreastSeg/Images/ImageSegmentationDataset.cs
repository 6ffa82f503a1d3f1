using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Samples;

namespace BreastSeg.Images;

/// <summary>
/// An image folder (BUSI layout or images/ + masks/) as a segmentation data set: one view per case, maps B-mode and
/// grey-level entropy (<see cref="ImageSampleOptions"/>), pixel spacing 1. Benign and malignant cases only unless normal
/// cases are asked for (as in the published BUSI tables). The fingerprint hashes every image and mask file's bytes with
/// its place in the folder, and the case selection.
/// </summary>
public sealed class ImageSegmentationDataset : ISegmentationDataset
{
    private readonly IReadOnlyList<ImageCase> _cases;
    private readonly Lazy<string> _fingerprint;

    /// <summary>Wraps a listed folder.</summary>
    public ImageSegmentationDataset(ImageFolder folder, bool includeNormal = false)
    {
        Folder = folder;
        IncludeNormal = includeNormal;
        _cases = ImageSplit.Cases(folder, includeNormal);
        if (_cases.Count == 0) throw new BreastSegInputException(folder.Path, "holds no benign or malignant case (normal cases are left out unless asked for)");
        Cases = _cases.Select((c, i) => new DatasetCase(i, c.Id, c.IsMalignant, c.Class)).ToList();
        _fingerprint = new(() => DataFingerprint.OfText(
            ["images", includeNormal ? "with-normal" : "lesions", .. _cases.SelectMany(c => new[] { c.Class ?? "", c.Id }
                .Concat(new[] { c.ImagePath }.Concat(c.MaskPaths).SelectMany(f => new[] { Path.GetRelativePath(folder.Path, f), DataFingerprint.OfFile(f) })))]));
    }

    /// <summary>Lists the folder at <paramref name="path"/>.</summary>
    public static ImageSegmentationDataset Open(string path, bool includeNormal = false) => new(ImageFolder.Open(path), includeNormal);

    /// <summary>The folder.</summary>
    public ImageFolder Folder { get; }

    /// <summary>Whether normal (lesion-free) cases take part.</summary>
    public bool IncludeNormal { get; }

    /// <summary>The folder's case behind data-set case <paramref name="caseIndex"/>.</summary>
    public ImageCase ImageCase(int caseIndex) => _cases[caseIndex];

    /// <inheritdoc />
    public string Location => Folder.Path;

    /// <inheritdoc />
    public string Fingerprint => _fingerprint.Value;

    /// <inheritdoc />
    public IReadOnlyList<DatasetCase> Cases { get; }

    /// <inheritdoc />
    public IReadOnlyList<MapKind> AvailableMaps { get; } = [MapKind.BMode, MapKind.Entropy];

    /// <inheritdoc />
    public IReadOnlyList<SegmentationSample> Samples(int caseIndex, IReadOnlyList<MapKind> maps, MapOptions options, int size)
    {
        var sample = ImageSamples.From(Folder.Load(_cases[caseIndex]), ImageSampleOptions.From(maps, options, size));
        return [sample with { CaseIndex = caseIndex }];
    }
}
