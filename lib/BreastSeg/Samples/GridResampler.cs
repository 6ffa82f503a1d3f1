namespace BreastSeg.Samples;

/// <summary>
/// Resampling between the RF grid (samples x lines, column-major, anisotropic: about 0.019 mm axially and 0.075 mm
/// laterally for OASBUD) and the square network grid (rows = depth, columns = lateral, row-major). The whole field of
/// view maps onto the network grid, so a network pixel spans (samples / size) RF samples axially and (lines / size) scan
/// lines laterally.
/// </summary>
public static class GridResampler
{
    /// <summary>
    /// Area (box-filter) resampling of a column-major samples x lines map to <paramref name="rows"/> x
    /// <paramref name="cols"/>, row-major: each output pixel is the mean of the input over its footprint, partial pixels
    /// weighted by overlap. Anti-aliases when shrinking (16x axially for OASBUD at 128), exact when sizes match.
    /// </summary>
    public static float[] AreaResample(ReadOnlySpan<double> columnMajor, int samples, int lines, int rows, int cols)
    {
        if (columnMajor.Length != (long)samples * lines) throw new ArgumentException("map size does not match samples x lines");
        var wr = BoxWeights(samples, rows);
        var wc = BoxWeights(lines, cols);
        // Lateral pass first (per input sample row), then axial.
        var tmp = new double[samples * cols];
        for (int c = 0; c < cols; c++)
            foreach (var (j, w) in wc[c])
            {
                var line = columnMajor.Slice(j * samples, samples);
                for (int i = 0; i < samples; i++) tmp[c * samples + i] += w * line[i];
            }
        var output = new float[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                double sum = 0;
                foreach (var (i, w) in wr[r]) sum += w * tmp[c * samples + i];
                output[r * cols + c] = (float)sum;
            }
        return output;
    }

    /// <summary>A lesion mask on the network grid: the area fraction of lesion in each output pixel, thresholded at 0.5
    /// (the same footprint as <see cref="AreaResample"/>, so mask and map stay aligned).</summary>
    public static bool[] AreaResampleMask(ReadOnlySpan<bool> columnMajor, int samples, int lines, int rows, int cols)
    {
        var asDouble = new double[columnMajor.Length];
        for (int k = 0; k < asDouble.Length; k++) asDouble[k] = columnMajor[k] ? 1 : 0;
        var fraction = AreaResample(asDouble, samples, lines, rows, cols);
        return fraction.Select(f => f >= 0.5f).ToArray();
    }

    /// <summary>
    /// Bilinear interpolation of a row-major rows x cols network-grid map back to the RF grid (column-major samples x
    /// lines), pixel centres aligned as in PyTorch's interpolate(align_corners=False), edges clamped.
    /// </summary>
    public static double[] BilinearToGrid(ReadOnlySpan<float> rowMajor, int rows, int cols, int samples, int lines)
    {
        if (rowMajor.Length != rows * cols) throw new ArgumentException("map size does not match rows x cols");
        var (r0, r1, fr) = Taps(rows, samples);
        var (c0, c1, fc) = Taps(cols, lines);
        var output = new double[samples * lines];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                double top = rowMajor[r0[i] * cols + c0[j]] * (1 - fc[j]) + rowMajor[r0[i] * cols + c1[j]] * fc[j];
                double bottom = rowMajor[r1[i] * cols + c0[j]] * (1 - fc[j]) + rowMajor[r1[i] * cols + c1[j]] * fc[j];
                output[j * samples + i] = top * (1 - fr[i]) + bottom * fr[i];
            }
        return output;
    }

    /// <summary>For each of <paramref name="outSize"/> output cells, the input cells it overlaps and the overlap
    /// fraction of the output cell (weights sum to 1).</summary>
    internal static List<(int Index, double Weight)>[] BoxWeights(int inSize, int outSize)
    {
        var weights = new List<(int, double)>[outSize];
        double scale = (double)inSize / outSize;
        for (int o = 0; o < outSize; o++)
        {
            double a = o * scale, b = (o + 1) * scale;
            var list = new List<(int, double)>();
            for (int i = (int)Math.Floor(a); i < Math.Min(inSize, (int)Math.Ceiling(b)); i++)
            {
                double overlap = Math.Min(b, i + 1) - Math.Max(a, i);
                if (overlap > 1e-12) list.Add((i, overlap / scale));
            }
            weights[o] = list;
        }
        return weights;
    }

    private static (int[] Lo, int[] Hi, double[] Frac) Taps(int inSize, int outSize)
    {
        var lo = new int[outSize];
        var hi = new int[outSize];
        var frac = new double[outSize];
        double scale = (double)inSize / outSize;
        for (int o = 0; o < outSize; o++)
        {
            double src = Math.Clamp((o + 0.5) * scale - 0.5, 0, inSize - 1);
            lo[o] = (int)Math.Floor(src);
            hi[o] = Math.Min(lo[o] + 1, inSize - 1);
            frac[o] = src - lo[o];
        }
        return (lo, hi, frac);
    }
}
