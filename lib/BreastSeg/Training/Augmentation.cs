namespace BreastSeg.Training;

/// <summary>
/// Training-set augmentation on the network grid: lateral flip, small affine transforms (rotation, isotropic scale,
/// translation; bilinear for maps, nearest for the mask), and gain / contrast changes on the normalised maps
/// (x * contrast + gain). Depth flips are off by default: acoustic shadowing and attenuation run one way in depth.
/// </summary>
/// <param name="FlipLateral">Probability-0.5 left-right flip.</param>
/// <param name="FlipDepth">Probability-0.5 up-down flip.</param>
/// <param name="MaxRotationDegrees">Rotation drawn uniformly in +/- this (degrees).</param>
/// <param name="MaxScale">Scale drawn uniformly in [1 - MaxScale, 1 + MaxScale].</param>
/// <param name="MaxShift">Translation drawn uniformly in +/- this fraction of the size, per axis.</param>
/// <param name="MaxGain">Offset added to normalised maps, uniform in +/- this (standard deviations).</param>
/// <param name="MaxContrast">Contrast factor uniform in [1 - MaxContrast, 1 + MaxContrast].</param>
public sealed record Augmentation(
    bool FlipLateral = true, bool FlipDepth = false, double MaxRotationDegrees = 10, double MaxScale = 0.1,
    double MaxShift = 0.05, double MaxGain = 0.2, double MaxContrast = 0.2)
{
    /// <summary>No augmentation (validation, test).</summary>
    public static Augmentation None { get; } = new(false, false, 0, 0, 0, 0, 0);

    /// <summary>Augments a normalised input (channels x size x size) and its mask in place-free fashion; the random
    /// draws come only from <paramref name="random"/>, so a seed per (epoch, sample) reproduces them.</summary>
    public (float[] Input, bool[] Target) Apply(float[] input, bool[] target, int size, Random random)
    {
        int plane = size * size;
        int channels = input.Length / plane;
        bool flipX = FlipLateral && random.NextDouble() < 0.5;
        bool flipY = FlipDepth && random.NextDouble() < 0.5;
        double angle = (2 * random.NextDouble() - 1) * MaxRotationDegrees * Math.PI / 180;
        double scale = 1 + (2 * random.NextDouble() - 1) * MaxScale;
        double shiftX = (2 * random.NextDouble() - 1) * MaxShift * size;
        double shiftY = (2 * random.NextDouble() - 1) * MaxShift * size;
        double gain = (2 * random.NextDouble() - 1) * MaxGain;
        double contrast = 1 + (2 * random.NextDouble() - 1) * MaxContrast;

        // Inverse map: output pixel -> source position, about the image centre.
        double c = (size - 1) / 2.0, cos = Math.Cos(angle) / scale, sin = Math.Sin(angle) / scale;
        var outInput = new float[input.Length];
        var outTarget = new bool[plane];
        for (int r = 0; r < size; r++)
            for (int q = 0; q < size; q++)
            {
                double y = r - c - shiftY, x = q - c - shiftX;
                double sy = cos * y - sin * x + c, sx = sin * y + cos * x + c;
                if (flipY) sy = size - 1 - sy;
                if (flipX) sx = size - 1 - sx;
                int ny = (int)Math.Round(sy), nx = (int)Math.Round(sx);
                outTarget[r * size + q] = ny >= 0 && ny < size && nx >= 0 && nx < size && target[ny * size + nx];
                for (int ch = 0; ch < channels; ch++)
                    outInput[ch * plane + r * size + q] = (float)(Bilinear(input.AsSpan(ch * plane, plane), size, sy, sx) * contrast + gain);
            }
        return (outInput, outTarget);
    }

    // Outside the image the normalised map is 0 (the training mean): no artificial edges of extreme values.
    private static double Bilinear(ReadOnlySpan<float> img, int size, double y, double x)
    {
        if (y < -0.5 || x < -0.5 || y > size - 0.5 || x > size - 0.5) return 0;
        y = Math.Clamp(y, 0, size - 1); x = Math.Clamp(x, 0, size - 1);
        int y0 = (int)Math.Floor(y), x0 = (int)Math.Floor(x);
        int y1 = Math.Min(y0 + 1, size - 1), x1 = Math.Min(x0 + 1, size - 1);
        double fy = y - y0, fx = x - x0;
        return (img[y0 * size + x0] * (1 - fx) + img[y0 * size + x1] * fx) * (1 - fy)
             + (img[y1 * size + x0] * (1 - fx) + img[y1 * size + x1] * fx) * fy;
    }
}
