using BreastSeg.Maps;
using BreastSeg.Samples;

namespace BreastSeg.Images;

/// <summary>
/// Cases of an image folder as network samples: one view per case; the maps computed at the image's own size, then
/// area-resampled to the square network grid (the whole image onto the grid, like RF frames), the lesion mask with the
/// same footprint; the original mask kept at the image's size for evaluation. Pixel spacing is 1 (BUSI has no mm):
/// areas and distances are in pixels.
/// </summary>
public static class ImageSamples
{
    /// <summary>Samples of <paramref name="cases"/> (loaded one at a time).</summary>
    public static List<SegmentationSample> From(ImageFolder folder, IEnumerable<ImageCase> cases, ImageSampleOptions options,
        IProgress<int>? casesDone = null, CancellationToken cancel = default)
    {
        options.Validate();
        var samples = new List<SegmentationSample>();
        foreach (var c in cases)
        {
            cancel.ThrowIfCancellationRequested();
            samples.Add(From(folder.Load(c), options));
            casesDone?.Report(samples.Count);
        }
        return samples;
    }

    /// <summary>The sample of one loaded case.</summary>
    public static SegmentationSample From(LabelledImage image, ImageSampleOptions options)
    {
        options.Validate();
        int rows = image.Image.Height, cols = image.Image.Width, size = options.Size;
        var input = new float[options.Maps.Count * size * size];
        for (int ch = 0; ch < options.Maps.Count; ch++)
            GridResampler.AreaResample(Map(image.Image, options.Maps[ch], options), rows, cols, size, size).CopyTo(input, ch * size * size);
        var mask = image.ToLesionMask();
        var target = GridResampler.AreaResampleMask(mask.Data, rows, cols, size, size);
        return new SegmentationSample(image.Case.Index, 0, image.Case.Id, image.Case.IsMalignant, input, target, size, mask, 1, 1);
    }

    /// <summary>One map of <paramref name="image"/> at its own size, column-major rows x columns: B-mode = grey / 255,
    /// entropy = the grey-level entropy (bits) of the 8-bit grey levels.</summary>
    public static double[] Map(GreyImage image, MapKind kind, ImageSampleOptions options) => kind switch
    {
        MapKind.BMode => image.ColumnMajor(1.0 / 255),
        MapKind.Entropy => EntropyMap.Compute(image.ColumnMajor(), image.Height, image.Width, options.Window, options.Bins, options.Normalization, options.Stride),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "image folders offer B-mode and grey-level entropy only"),
    };

    /// <summary>
    /// A network-grid probability map (row-major size x size) as a mask at the image's own size (row-major height x
    /// width): bilinear back to the image grid (as evaluation does), thresholded at <paramref name="threshold"/>.
    /// </summary>
    public static bool[] MaskAtImageSize(ReadOnlySpan<float> probabilities, int size, int width, int height, double threshold = 0.5)
    {
        var columnMajor = GridResampler.BilinearToGrid(probabilities, size, size, height, width);
        var mask = new bool[(long)width * height];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
                mask[(long)r * width + c] = columnMajor[(long)c * height + r] >= threshold;
        return mask;
    }
}
