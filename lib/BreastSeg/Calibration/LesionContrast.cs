using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Samples;

namespace BreastSeg.Calibration;

/// <summary>Lesion-versus-surroundings contrast of one image on the network grid.</summary>
/// <param name="Cnr">Contrast-to-noise ratio |mean_lesion - mean_ring| / sqrt(var_lesion + var_ring) (population variances).</param>
/// <param name="LesionMean">Mean image value inside the lesion (image units).</param>
/// <param name="RingMean">Mean image value in the ring.</param>
/// <param name="AreaFraction">Lesion area as a fraction of the image (0..1), at the image's own resolution.</param>
/// <param name="LesionPixels">Grid pixels of the lesion.</param>
/// <param name="RingPixels">Grid pixels of the ring.</param>
public sealed record LesionContrastResult(double Cnr, double LesionMean, double RingMean, double AreaFraction, int LesionPixels, int RingPixels);

/// <summary>
/// The B-mode contrast of a lesion against the tissue around it, measured the same way on real images (BUSI) and on
/// simulated frames, for calibrating the simulated cohort: the image and its mask are area-resampled to a square grid
/// (64 x 64 by default, the network's view; the whole field of view onto the grid, as
/// <see cref="GridResampler"/> does for training), and the ring is every non-lesion grid pixel within a quarter of
/// the lesion's equivalent diameter (2 sqrt(area / pi), in grid pixels) of a lesion pixel (Euclidean, grid units).
/// The CNR is invariant to any affine grey-level mapping, so 8-bit display images and dB B-mode compare directly.
/// </summary>
public static class LesionContrast
{
    /// <summary>Default grid side (pixels).</summary>
    public const int DefaultGrid = 64;

    /// <summary>Ring width as a fraction of the lesion's equivalent diameter.</summary>
    public const double RingFraction = 0.25;

    /// <summary>Contrast of a row-major rows x cols image and mask already on the grid; null when the lesion or its
    /// ring is empty.</summary>
    /// <param name="image">Image values, row-major.</param>
    /// <param name="mask">Lesion mask, row-major.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">Columns.</param>
    /// <param name="areaFraction">Lesion area fraction to report (default: the grid mask's).</param>
    public static LesionContrastResult? OnGrid(ReadOnlySpan<float> image, ReadOnlySpan<bool> mask, int rows, int cols, double? areaFraction = null)
    {
        if (image.Length != rows * cols || mask.Length != rows * cols) throw new ArgumentException("image and mask must be rows x cols");
        int lesion = 0;
        foreach (bool b in mask) if (b) lesion++;
        if (lesion == 0 || lesion == mask.Length) return null;
        double radius = RingFraction * 2 * Math.Sqrt(lesion / Math.PI), r2 = radius * radius;
        int reach = (int)Math.Ceiling(radius);
        var ring = new bool[mask.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                if (!mask[r * cols + c]) continue;
                for (int dr = -reach; dr <= reach; dr++)
                for (int dc = -reach; dc <= reach; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || dr * dr + dc * dc > r2) continue;
                    int p = rr * cols + cc;
                    if (!mask[p]) ring[p] = true;
                }
            }
        var (lm, lv, ln) = Moments(image, mask);
        var (rm, rv, rn) = Moments(image, ring);
        if (rn == 0) return null;
        double cnr = Math.Abs(lm - rm) / Math.Sqrt(lv + rv);
        return new LesionContrastResult(double.IsFinite(cnr) ? cnr : 0, lm, rm, areaFraction ?? (double)lesion / mask.Length, ln, rn);
    }

    /// <summary>Contrast of a column-major samples x lines image (e.g. B-mode) and its mask, resampled to
    /// <paramref name="grid"/> x <paramref name="grid"/>.</summary>
    public static LesionContrastResult? OfImage(double[] columnMajor, LesionMask mask, int grid = DefaultGrid)
    {
        var image = GridResampler.AreaResample(columnMajor, mask.Samples, mask.Lines, grid, grid);
        var m = GridResampler.AreaResampleMask(mask.Data, mask.Samples, mask.Lines, grid, grid);
        double fraction = mask.Data.Count(b => b) / (double)mask.Data.Length;
        return OnGrid(image, m, grid, grid, fraction);
    }

    /// <summary>B-mode contrast of a view (envelope, <see cref="BMode"/> log compression, 50 dB) on the grid.</summary>
    public static LesionContrastResult? OfView(RfView view, int grid = DefaultGrid, int maxDegreeOfParallelism = 1)
    {
        var envelope = Envelope.Compute(view.Frame, null, maxDegreeOfParallelism);
        return OfImage(BMode.Compute(envelope, BMode.DefaultDynamicRangeDb, maxDegreeOfParallelism), view.Mask, grid);
    }

    private static (double Mean, double Variance, int Count) Moments(ReadOnlySpan<float> image, ReadOnlySpan<bool> select)
    {
        double s = 0, s2 = 0;
        int n = 0;
        for (int k = 0; k < image.Length; k++)
        {
            if (!select[k]) continue;
            s += image[k];
            n++;
        }
        if (n == 0) return (0, 0, 0);
        double mean = s / n;
        for (int k = 0; k < image.Length; k++)
            if (select[k]) s2 += (image[k] - mean) * (image[k] - mean);
        return (mean, s2 / n, n);
    }
}
