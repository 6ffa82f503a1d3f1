using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>
/// Which non-lesion pixels count as "surrounding tissue" for separability: a ring of a given width (mm, Euclidean on
/// the frame's mm grid) around the lesion, or every pixel outside the lesion. The ring is the default because the
/// whole frame mixes skin, fat, gland and shadow, so its statistics say little about the lesion's border contrast.
/// </summary>
public abstract record BackgroundRegion
{
    private BackgroundRegion() { }

    /// <summary>Default ring width (mm): 3 mm, several 3-pulse-length windows wide, within a 38 mm field of view.</summary>
    public const double DefaultRingMm = 3;

    /// <summary>Non-lesion pixels within <paramref name="widthMm"/> of the lesion.</summary>
    public static BackgroundRegion Ring(double widthMm = DefaultRingMm) => new RingRegion(widthMm);

    /// <summary>Every non-lesion pixel.</summary>
    public static BackgroundRegion AllNonLesion { get; } = new OutsideRegion();

    /// <summary>Ring of a width in mm.</summary>
    /// <param name="WidthMm">Ring width (mm).</param>
    public sealed record RingRegion(double WidthMm) : BackgroundRegion;

    /// <summary>All pixels outside the lesion.</summary>
    public sealed record OutsideRegion : BackgroundRegion;

    /// <summary>Column-major flags of the background pixels of <paramref name="mask"/>.</summary>
    public bool[] Select(LesionMask mask, Acquisition acquisition)
    {
        int samples = mask.Samples, lines = mask.Lines;
        var result = new bool[mask.Data.Length];
        if (this is OutsideRegion)
        {
            for (int k = 0; k < result.Length; k++) result[k] = !mask.Data[k];
            return result;
        }
        double width = ((RingRegion)this).WidthMm;
        if (!(width > 0) || double.IsInfinity(width)) throw new IO.BreastSegInputException("background", $"ring width {width} mm must be positive");
        double dz = acquisition.AxialSpacingMm, dx = acquisition.LinePitchMm(lines);
        int ri = (int)Math.Floor(width / dz), rj = (int)Math.Floor(width / dx);
        // Stamp an ellipse of radius `width` (mm) around every lesion pixel on the lesion's edge.
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                if (!mask[i, j] || !IsEdge(mask, i, j)) continue;
                for (int b = Math.Max(0, j - rj); b <= Math.Min(lines - 1, j + rj); b++)
                {
                    double x = (b - j) * dx;
                    double reach = Math.Sqrt(Math.Max(0, width * width - x * x));
                    int di = (int)Math.Floor(reach / dz);
                    for (int a = Math.Max(0, i - Math.Min(di, ri)); a <= Math.Min(samples - 1, i + Math.Min(di, ri)); a++)
                        if (!mask.Data[b * samples + a]) result[b * samples + a] = true;
                }
            }
        return result;
    }

    private static bool IsEdge(LesionMask mask, int i, int j) =>
        i == 0 || j == 0 || i == mask.Samples - 1 || j == mask.Lines - 1 ||
        !mask[i - 1, j] || !mask[i + 1, j] || !mask[i, j - 1] || !mask[i, j + 1];
}
