namespace BreastSeg.Maps;

/// <summary>
/// The evaluation grid of a strided map (every stride-th pixel, plus the last one so nothing is extrapolated) and the
/// bilinear interpolation back to every pixel, like resizing a coarse map back to the RF grid.
/// </summary>
public static class StrideGrid
{
    /// <summary>Grid positions 0, stride, 2 stride, ... and n - 1.</summary>
    public static int[] Positions(int n, int stride)
    {
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), "stride must be at least 1");
        var p = new List<int>();
        for (int i = 0; i < n; i += stride) p.Add(i);
        if (p[^1] != n - 1) p.Add(n - 1);
        return p.ToArray();
    }

    /// <summary>
    /// Bilinear interpolation of a coarse column-major map (rows.Length x cols.Length, values at the given pixel rows and
    /// columns) onto the full samples x lines grid.
    /// </summary>
    public static double[] Interpolate(double[] coarse, int[] rows, int[] cols, int samples, int lines)
    {
        var (r0, rw) = Weights(rows, samples);
        var (c0, cw) = Weights(cols, lines);
        var full = new double[samples * lines];
        int nr = rows.Length;
        for (int j = 0; j < lines; j++)
        {
            int ca = c0[j], cb = Math.Min(ca + 1, cols.Length - 1);
            double wc = cw[j];
            for (int i = 0; i < samples; i++)
            {
                int ra = r0[i], rb = Math.Min(ra + 1, nr - 1);
                double wr = rw[i];
                double left = Lerp(coarse[ca * nr + ra], coarse[ca * nr + rb], wr);
                double right = Lerp(coarse[cb * nr + ra], coarse[cb * nr + rb], wr);
                full[j * samples + i] = Lerp(left, right, wc);
            }
        }
        return full;
    }

    // On grid points the value is copied, so an infinite value (a constant window's Nakagami m) does not turn into NaN.
    private static double Lerp(double a, double b, double w) => w == 0 ? a : a * (1 - w) + b * w;

    /// <summary>For every pixel, the grid interval it falls in and its fractional position inside it.</summary>
    private static (int[] Index, double[] Weight) Weights(int[] grid, int n)
    {
        var index = new int[n];
        var weight = new double[n];
        int g = 0;
        for (int i = 0; i < n; i++)
        {
            while (g + 1 < grid.Length && grid[g + 1] <= i) g++;
            index[i] = g;
            weight[i] = g + 1 < grid.Length ? (double)(i - grid[g]) / (grid[g + 1] - grid[g]) : 0;
        }
        return (index, weight);
    }
}
