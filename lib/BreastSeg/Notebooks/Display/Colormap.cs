namespace BreastSeg.Notebooks.Display;

/// <summary>Colour maps for notebook images: gray for B-mode and RF, viridis for parametric maps (entropy, Nakagami).</summary>
public enum Colormap
{
    /// <summary>Black to white.</summary>
    Gray,
    /// <summary>matplotlib's viridis (perceptually uniform), the usual choice for parametric maps.</summary>
    Viridis,
}

internal static class ColormapTable
{
    // viridis at 0, 1/8, ..., 1 (matplotlib's table sampled); linear interpolation between is visually indistinguishable.
    private static readonly (byte R, byte G, byte B)[] ViridisStops =
    [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ];

    /// <summary>Colour of <paramref name="t"/> in [0, 1] (clamped; NaN is black).</summary>
    public static (byte R, byte G, byte B) Colour(Colormap map, double t)
    {
        if (double.IsNaN(t)) return (0, 0, 0);
        t = Math.Clamp(t, 0, 1);
        if (map == Colormap.Gray)
        {
            byte g = (byte)Math.Round(t * 255);
            return (g, g, g);
        }
        double x = t * (ViridisStops.Length - 1);
        int i = Math.Min((int)x, ViridisStops.Length - 2);
        double f = x - i;
        var (a, b) = (ViridisStops[i], ViridisStops[i + 1]);
        return ((byte)Math.Round(a.R + f * (b.R - a.R)), (byte)Math.Round(a.G + f * (b.G - a.G)), (byte)Math.Round(a.B + f * (b.B - a.B)));
    }

    public static string Hex(Colormap map, double t)
    {
        var (r, g, b) = Colour(map, t);
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
