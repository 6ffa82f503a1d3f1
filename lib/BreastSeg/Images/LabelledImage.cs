using BreastSeg.Rf;

namespace BreastSeg.Images;

/// <summary>A loaded case: its grey-level image and the union of its masks at the image's own size.</summary>
/// <param name="Case">The case.</param>
/// <param name="Image">Grey levels.</param>
/// <param name="Lesion">Union of the case's masks, row-major, the image's size.</param>
public sealed record LabelledImage(ImageCase Case, GreyImage Image, bool[] Lesion)
{
    /// <summary>Pixels inside the lesion mask (the union).</summary>
    public int LesionPixels => Lesion.Count(b => b);

    /// <summary>The mask as a <see cref="LesionMask"/> in the kit's column-major layout (samples = rows, lines = columns).</summary>
    public LesionMask ToLesionMask()
    {
        int rows = Image.Height, cols = Image.Width;
        var data = new bool[Lesion.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                data[(long)c * rows + r] = Lesion[(long)r * cols + c];
        return new LesionMask(rows, cols, data);
    }
}
