namespace BreastSeg.Maps;

/// <summary>Computes one full-depth column (scan line) of a windowed map into <paramref name="column"/>.</summary>
internal delegate void ColumnKernel<TWork>(int line, Span<double> column, TWork work);

/// <summary>
/// Runs a per-scan-line kernel over a frame in parallel (one workspace per thread) and, for a stride above 1, evaluates
/// only every stride-th line and sample (plus the last ones) and interpolates bilinearly back to every pixel. Every
/// column is computed by the same code whatever thread runs it, so results do not depend on the thread count.
/// </summary>
internal static class ColumnMapDriver
{
    public static double[] Run<TWork>(int samples, int lines, int stride, int maxDegreeOfParallelism, Func<TWork> createWork, ColumnKernel<TWork> kernel)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        if (stride <= 1)
        {
            var map = new double[samples * lines];
            Parallel.For(0, lines, options, createWork, (j, _, work) =>
            {
                kernel(j, map.AsSpan(j * samples, samples), work);
                return work;
            }, _ => { });
            return map;
        }

        var rows = StrideGrid.Positions(samples, stride);
        var cols = StrideGrid.Positions(lines, stride);
        var coarse = new double[rows.Length * cols.Length];
        Parallel.For(0, cols.Length, options, () => (createWork(), new double[samples]), (c, _, state) =>
        {
            kernel(cols[c], state.Item2, state.Item1);
            for (int r = 0; r < rows.Length; r++) coarse[c * rows.Length + r] = state.Item2[rows[r]];
            return state;
        }, _ => { });
        return StrideGrid.Interpolate(coarse, rows, cols, samples, lines);
    }
}
