using System.Text.Json;
using BreastSeg.Maps;
using BreastSeg.Rf;

namespace BreastSeg.Samples;

/// <summary>
/// An OASBUD-layout RF cohort (OASBUD.mat or a simulated cohort) as a segmentation data set: every map is computed from
/// the RF of each view (<see cref="SampleBuilder"/>). The fingerprint hashes the file's bytes, the acquisition
/// parameters given to the frames and the class coding.
/// </summary>
public sealed class OasbudSegmentationDataset : ISegmentationDataset
{
    private readonly Lazy<string> _fingerprint;

    /// <summary>Wraps an opened cohort.</summary>
    public OasbudSegmentationDataset(OasbudDataset cohort)
    {
        Cohort = cohort;
        Cases = Enumerable.Range(0, cohort.Count)
            .Select(i => new DatasetCase(i, cohort.Summaries[i].Id, cohort.Summaries[i].ClassCode == OasbudFile.ClassValue(true, cohort.Coding)))
            .ToList();
        _fingerprint = new(() => DataFingerprint.OfText("oasbud", DataFingerprint.OfFile(cohort.Path),
            JsonSerializer.Serialize(cohort.Acquisition), cohort.Coding.ToString()));
    }

    /// <summary>Opens the OASBUD-layout file at <paramref name="path"/> (see <see cref="OasbudFile.Open"/>).</summary>
    public static OasbudSegmentationDataset Open(string path, ClassCoding coding = ClassCoding.OneIsMalignant, Acquisition? acquisition = null) =>
        new(OasbudFile.Open(path, coding, acquisition));

    /// <summary>The underlying cohort (RF frames and masks of every case).</summary>
    public OasbudDataset Cohort { get; }

    /// <inheritdoc />
    public string Location => Cohort.Path;

    /// <inheritdoc />
    public string Fingerprint => _fingerprint.Value;

    /// <inheritdoc />
    public IReadOnlyList<DatasetCase> Cases { get; }

    /// <inheritdoc />
    public IReadOnlyList<MapKind> AvailableMaps { get; } = Enum.GetValues<MapKind>();

    /// <inheritdoc />
    public IReadOnlyList<SegmentationSample> Samples(int caseIndex, IReadOnlyList<MapKind> maps, MapOptions options, int size) =>
        SampleBuilder.FromCase(Cohort.GetCase(caseIndex), maps, size, options).ToList();
}
