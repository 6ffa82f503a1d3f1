using BreastSeg.Rf;

namespace BreastSeg.Samples;

/// <summary>
/// One view ready for the network: stacked maps on the square network grid (channels x size x size, row-major, rows =
/// depth) and the lesion mask on that grid, with the original mask and RF-grid spacing kept for evaluation in mm.
/// </summary>
/// <param name="CaseIndex">Row of the case in the cohort (0-based); splits keep both views of a case together.</param>
/// <param name="View">View number within the case (0-based).</param>
/// <param name="CaseId">The cohort's id label.</param>
/// <param name="Malignant">Pathology class (used to stratify splits).</param>
/// <param name="Input">Maps, channels x size x size, row-major, not normalised.</param>
/// <param name="Target">Lesion mask on the network grid, size x size, row-major.</param>
/// <param name="Size">Network grid size (pixels per side).</param>
/// <param name="GridMask">The lesion mask on the RF grid (evaluation reference).</param>
/// <param name="AxialSpacingMm">RF-grid axial sample spacing (mm).</param>
/// <param name="LateralSpacingMm">RF-grid line pitch (mm).</param>
public sealed record SegmentationSample(
    int CaseIndex, int View, string CaseId, bool Malignant, float[] Input, bool[] Target, int Size,
    LesionMask GridMask, double AxialSpacingMm, double LateralSpacingMm)
{
    /// <summary>Number of stacked maps.</summary>
    public int Channels => Input.Length / (Size * Size);

    /// <summary>This sample with an empty (0 x 0) RF-grid mask: for training, which uses <see cref="Target"/> only, so
    /// that a training set does not hold a full-resolution mask per view.</summary>
    public SegmentationSample WithoutGridMask() => this with { GridMask = new LesionMask(0, 0, []) };

    /// <summary>This sample with only the channels <paramref name="channels"/> (indices into its stack), in that order.</summary>
    public SegmentationSample WithChannels(IReadOnlyList<int> channels)
    {
        int plane = Size * Size;
        var input = new float[channels.Count * plane];
        for (int c = 0; c < channels.Count; c++)
        {
            if (channels[c] < 0 || channels[c] >= Channels) throw new ArgumentOutOfRangeException(nameof(channels), $"channel {channels[c]} of a {Channels}-channel sample");
            Array.Copy(Input, channels[c] * plane, input, c * plane, plane);
        }
        return this with { Input = input };
    }
}
