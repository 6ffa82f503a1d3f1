namespace BreastSeg.Figures;

/// <summary>A closed outline in pixel coordinates (fractional rows and columns); the first vertex is repeated at the end.</summary>
/// <param name="Rows">Row coordinate of each vertex.</param>
/// <param name="Columns">Column coordinate of each vertex.</param>
public sealed record PixelContour(double[] Rows, double[] Columns)
{
    /// <summary>
    /// Signed shoelace area (pixels): positive for the outer boundary of a lesion, negative for the boundary of a hole,
    /// so the sum over a mask's contours approximates its area.
    /// </summary>
    public double SignedArea
    {
        get
        {
            double twice = 0;
            for (int k = 0; k + 1 < Rows.Length; k++)
                twice += Columns[k] * Rows[k + 1] - Columns[k + 1] * Rows[k];
            return twice / 2;
        }
    }
}

/// <summary>
/// Lesion outlines from a binary mask by marching squares at level 0.5 (scikit-image's find_contours on a 0/1 image),
/// with the mask padded by background so outlines touching the image border still close. Every vertex is the midpoint
/// of two 4-neighbouring pixel centres, one inside and one outside. Diagonal-only contact is treated as separate
/// (4-connected lesions), so each 4-connected lesion gives one outer contour and each hole one inner contour.
/// </summary>
public static class MaskContours
{
    // Segment end points are edge midpoints of a cell whose corners are pixel centres (r, c), (r, c+1), (r+1, c+1),
    // (r+1, c). Edges: 0 top, 1 right, 2 bottom, 3 left. Case bits: 8 top-left, 4 top-right, 2 bottom-right, 1 bottom-left.
    private static readonly (int A, int B)[][] Segments =
    [
        [], [(3, 2)], [(2, 1)], [(3, 1)], [(0, 1)], [(3, 2), (0, 1)], [(0, 2)], [(0, 3)],
        [(0, 3)], [(0, 2)], [(0, 3), (2, 1)], [(0, 1)], [(3, 1)], [(2, 1)], [(3, 2)], [],
    ];

    /// <summary>Outlines of the true pixels of a column-major <paramref name="samples"/> x <paramref name="lines"/> mask.</summary>
    public static IReadOnlyList<PixelContour> Extract(bool[] inside, int samples, int lines)
    {
        if (inside.Length != (long)samples * lines) throw new ArgumentException($"mask holds {inside.Length} values, expected {samples} x {lines}", nameof(inside));
        bool At(int r, int c) => r >= 0 && c >= 0 && r < samples && c < lines && inside[c * samples + r];

        // Doubled coordinates of edge midpoints are integers; key them on the padded grid.
        long width = 2L * (lines + 2) + 2;
        long Key(int r2, int c2) => (r2 + 2) * width + (c2 + 2);
        var next = new Dictionary<long, (int R2, int C2)>();
        var starts = new List<(int R2, int C2)>();

        for (int r = -1; r < samples; r++)
            for (int c = -1; c < lines; c++)
            {
                bool tl = At(r, c), tr = At(r, c + 1), br = At(r + 1, c + 1), bl = At(r + 1, c);
                int index = (tl ? 8 : 0) | (tr ? 4 : 0) | (br ? 2 : 0) | (bl ? 1 : 0);
                foreach (var (a, b) in Segments[index])
                {
                    var pa = Midpoint(r, c, a);
                    var pb = Midpoint(r, c, b);
                    // Orient every segment with the lesion on the same side, so segments chain head to tail.
                    var corner = InsideCorner(r, c, a, tl, tr, br, bl);
                    double cross = (double)(pb.C2 - pa.C2) * (corner.R2 - pa.R2) - (double)(pb.R2 - pa.R2) * (corner.C2 - pa.C2);
                    if (cross < 0) (pa, pb) = (pb, pa);
                    next.Add(Key(pa.R2, pa.C2), pb);
                    starts.Add(pa);
                }
            }

        var contours = new List<PixelContour>();
        var used = new HashSet<long>();
        foreach (var start in starts)
        {
            if (!used.Add(Key(start.R2, start.C2))) continue;
            var rows = new List<double> { start.R2 / 2.0 };
            var cols = new List<double> { start.C2 / 2.0 };
            var p = next[Key(start.R2, start.C2)];
            while (p != start)
            {
                used.Add(Key(p.R2, p.C2));
                rows.Add(p.R2 / 2.0);
                cols.Add(p.C2 / 2.0);
                p = next[Key(p.R2, p.C2)];
            }
            rows.Add(start.R2 / 2.0);
            cols.Add(start.C2 / 2.0);
            contours.Add(new PixelContour(rows.ToArray(), cols.ToArray()));
        }
        return contours;
    }

    private static (int R2, int C2) Midpoint(int r, int c, int edge) => edge switch
    {
        0 => (2 * r, 2 * c + 1),
        1 => (2 * r + 1, 2 * c + 2),
        2 => (2 * r + 2, 2 * c + 1),
        _ => (2 * r + 1, 2 * c),
    };

    // The inside end of the edge a segment starts on (that edge joins one inside and one outside corner).
    private static (int R2, int C2) InsideCorner(int r, int c, int edge, bool tl, bool tr, bool br, bool bl) => edge switch
    {
        0 => tl ? (2 * r, 2 * c) : (2 * r, 2 * c + 2),
        1 => tr ? (2 * r, 2 * c + 2) : (2 * r + 2, 2 * c + 2),
        2 => br ? (2 * r + 2, 2 * c + 2) : (2 * r + 2, 2 * c),
        _ => bl ? (2 * r + 2, 2 * c) : (2 * r, 2 * c),
    };
}
