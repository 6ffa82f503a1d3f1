namespace BreastSeg.Evaluation;

/// <summary>
/// Hausdorff distances between mask boundaries in mm on an anisotropic grid, as MONAI's HausdorffDistanceMetric
/// computes them: boundary pixels are mask pixels removed by a 4-connected binary erosion (pixels outside the image
/// count as background); distances from each boundary pixel of one mask to the nearest boundary pixel of the other come
/// from an exact Euclidean distance transform with the pixel spacing; HD95 is the larger of the two directed 95th
/// percentiles (linear interpolation, as numpy.percentile). Both masks empty: NaN; one empty: +infinity.
/// </summary>
public static class SurfaceDistance
{
    /// <summary>
    /// Symmetric percentile Hausdorff distance (mm) between two column-major <paramref name="rows"/> x
    /// <paramref name="cols"/> masks; rows are spaced <paramref name="rowSpacingMm"/> (axial samples), columns
    /// <paramref name="colSpacingMm"/> (scan lines). <paramref name="percentile"/> 95 gives HD95, 100 the Hausdorff
    /// distance.
    /// </summary>
    public static double Hausdorff(ReadOnlySpan<bool> predicted, ReadOnlySpan<bool> reference, int rows, int cols,
        double rowSpacingMm, double colSpacingMm, double percentile = 95)
    {
        if (predicted.Length != rows * cols || reference.Length != rows * cols) throw new ArgumentException("masks must be rows x cols");
        var edgesP = Edges(predicted, rows, cols);
        var edgesR = Edges(reference, rows, cols);
        bool emptyP = !edgesP.Contains(true), emptyR = !edgesR.Contains(true);
        if (emptyP && emptyR) return double.NaN;
        if (emptyP || emptyR) return double.PositiveInfinity;
        double a = Percentile(Directed(edgesP, edgesR, rows, cols, rowSpacingMm, colSpacingMm), percentile);
        double b = Percentile(Directed(edgesR, edgesP, rows, cols, rowSpacingMm, colSpacingMm), percentile);
        return Math.Max(a, b);
    }

    /// <summary>Boundary pixels: mask minus its 4-connected erosion, with background beyond the image border.</summary>
    public static bool[] Edges(ReadOnlySpan<bool> mask, int rows, int cols)
    {
        var edges = new bool[mask.Length];
        for (int c = 0; c < cols; c++)
            for (int r = 0; r < rows; r++)
            {
                int k = c * rows + r;
                if (!mask[k]) continue;
                bool interior = r > 0 && r < rows - 1 && c > 0 && c < cols - 1
                                && mask[k - 1] && mask[k + 1] && mask[k - rows] && mask[k + rows];
                edges[k] = !interior;
            }
        return edges;
    }

    /// <summary>Distances (mm) from every boundary pixel of <paramref name="from"/> to the nearest boundary pixel of
    /// <paramref name="to"/>.</summary>
    private static List<double> Directed(bool[] from, bool[] to, int rows, int cols, double dr, double dc)
    {
        var squared = SquaredDistanceTransform(to, rows, cols, dr, dc);
        var d = new List<double>();
        for (int k = 0; k < from.Length; k++) if (from[k]) d.Add(Math.Sqrt(squared[k]));
        return d;
    }

    /// <summary>
    /// Exact squared Euclidean distance (mm²) from every pixel to the nearest set pixel of <paramref name="seeds"/>
    /// (column-major), by two passes of the Felzenszwalb-Huttenlocher lower envelope of parabolas.
    /// </summary>
    public static double[] SquaredDistanceTransform(ReadOnlySpan<bool> seeds, int rows, int cols, double rowSpacingMm, double colSpacingMm)
    {
        var g = new double[rows * cols];
        var f = new double[Math.Max(rows, cols)];
        var outLine = new double[Math.Max(rows, cols)];
        // Pass 1: along each column (axial direction, contiguous).
        for (int c = 0; c < cols; c++)
        {
            for (int r = 0; r < rows; r++) f[r] = seeds[c * rows + r] ? 0 : double.PositiveInfinity;
            Envelope(f, rows, rowSpacingMm, outLine);
            Array.Copy(outLine, 0, g, c * rows, rows);
        }
        // Pass 2: along each row (lateral direction).
        var result = new double[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) f[c] = g[c * rows + r];
            Envelope(f, cols, colSpacingMm, outLine);
            for (int c = 0; c < cols; c++) result[c * rows + r] = outLine[c];
        }
        return result;
    }

    // 1-D: d(q) = min_p ((q - p) h)^2 + f(p); positions scaled by the spacing h.
    private static void Envelope(double[] f, int n, double h, double[] d)
    {
        var v = new int[n];
        var z = new double[n + 1];
        int k = -1;
        for (int q = 0; q < n; q++)
        {
            if (double.IsPositiveInfinity(f[q])) continue;
            double pq = q * h;
            while (k >= 0)
            {
                double pv = v[k] * h;
                double s = ((f[q] + pq * pq) - (f[v[k]] + pv * pv)) / (2 * (pq - pv));
                if (s <= z[k]) k--;
                else { k++; v[k] = q; z[k] = s; z[k + 1] = double.PositiveInfinity; break; }
            }
            if (k < 0) { k = 0; v[0] = q; z[0] = double.NegativeInfinity; z[1] = double.PositiveInfinity; }
        }
        if (k < 0) { Array.Fill(d, double.PositiveInfinity, 0, n); return; }
        int j = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[j + 1] < q * h) j++;
            double diff = (q - v[j]) * h;
            d[q] = diff * diff + f[v[j]];
        }
    }

    /// <summary>Percentile with linear interpolation between order statistics (numpy.percentile's default).</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        double pos = percentile / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
