using BreastSeg.Maps;

namespace BreastSeg.Samples;

/// <summary>
/// A source of segmentation cases: an OASBUD-layout RF cohort (<see cref="OasbudSegmentationDataset"/>), a folder of
/// B-mode images with masks, ... Training, evaluation and prediction see data only through this interface, and the
/// experiment identity records <see cref="Fingerprint"/>, so results are never reused on changed data.
/// </summary>
/// <remarks>Implementations build samples one case at a time (memory bounded by one case) and must be deterministic:
/// the same case, maps, options and size give the same samples.</remarks>
public interface ISegmentationDataset
{
    /// <summary>Where the data is, for messages and run folders (a path).</summary>
    string Location { get; }

    /// <summary>A stable hash of everything the samples depend on apart from the arguments of <see cref="Samples"/>:
    /// the content of the data (not its path or file times) and any reading parameters (acquisition, class coding).
    /// Equal fingerprints promise equal samples.</summary>
    string Fingerprint { get; }

    /// <summary>The cases, in index order (<c>Cases[i].Index == i</c>).</summary>
    IReadOnlyList<DatasetCase> Cases { get; }

    /// <summary>The maps this data set can provide (RF cohorts: all; B-mode images: <see cref="MapKind.BMode"/> only).</summary>
    IReadOnlyList<MapKind> AvailableMaps { get; }

    /// <summary>
    /// The samples (one per view) of case <paramref name="caseIndex"/>: the maps <paramref name="maps"/> computed with
    /// <paramref name="options"/>, stacked as channels in the given order on a square grid of <paramref name="size"/>
    /// pixels per side, with the lesion mask on that grid and on the original grid.
    /// </summary>
    /// <exception cref="IO.BreastSegInputException">A map is not available, or the case's data is bad.</exception>
    IReadOnlyList<SegmentationSample> Samples(int caseIndex, IReadOnlyList<MapKind> maps, MapOptions options, int size);
}
