using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf;

namespace BreastSeg.Samples;

/// <summary>
/// Turns an RF case into network samples: for every view, the chosen maps are computed on the RF grid, area-resampled
/// to a square network grid and stacked as channels, and the lesion mask is resampled with the same footprint (area
/// fraction >= 0.5).
/// </summary>
public static class SampleBuilder
{
    /// <summary>Samples of the views of one case, maps from <see cref="ParametricMaps.Compute"/>.</summary>
    public static IEnumerable<SegmentationSample> FromCase(RfCase rfCase, IReadOnlyList<MapKind> maps, int size, MapOptions options)
    {
        return FromCase(rfCase, size, frame =>
        {
            var set = ParametricMaps.Compute(frame, options, maps.ToArray());
            return maps.Select(k => set.Get(k) ?? throw new InvalidOperationException($"map {k} was not computed")).ToArray();
        });
    }

    /// <summary>Samples of the views of one case with maps from <paramref name="computeMaps"/> (one column-major
    /// samples x lines array per channel).</summary>
    public static IEnumerable<SegmentationSample> FromCase(RfCase rfCase, int size, Func<RfFrame, double[][]> computeMaps)
    {
        if (size < 8) throw new BreastSegInputException("Size", $"must be at least 8 pixels, got {size}");
        for (int v = 0; v < rfCase.Views.Count; v++)
        {
            var (frame, mask) = rfCase.Views[v];
            string origin = $"case {rfCase.Index} ('{rfCase.Id}') view {v + 1}";
            if (mask.Samples != frame.Samples || mask.Lines != frame.Lines)
                throw new BreastSegInputException(origin, $"mask is {mask.Samples} x {mask.Lines}, frame {frame.Samples} x {frame.Lines}");
            var channels = computeMaps(frame);
            var input = new float[channels.Length * size * size];
            for (int ch = 0; ch < channels.Length; ch++)
            {
                if (channels[ch].Length != frame.Data.Length) throw new BreastSegInputException(origin, $"map {ch} has {channels[ch].Length} values, frame {frame.Data.Length}");
                GridResampler.AreaResample(channels[ch], frame.Samples, frame.Lines, size, size).CopyTo(input, ch * size * size);
            }
            var target = GridResampler.AreaResampleMask(mask.Data, mask.Samples, mask.Lines, size, size);
            yield return new SegmentationSample(rfCase.Index, v, rfCase.Id, rfCase.Malignant, input, target, size, mask,
                frame.AxialSpacingMm, frame.LinePitchMm);
        }
    }
}
