namespace BreastSeg.Maps;

/// <summary>Computes one full-depth column (scan line) of a windowed map into <paramref name="column"/>.</summary>
internal delegate void ColumnKernel<TWork>(int line, Span<double> column, TWork work);

/// <summary>
/// Computes full-depth columns of a windowed map for several scan lines at once (one per SIMD lane): column c of
/// <paramref name="lines"/> goes to <paramref name="output"/>[c * samples ..].
/// </summary>
internal delegate void ColumnGroupKernel<TWork>(ReadOnlySpan<int> lines, Span<double> output, TWork work);

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

    /// <summary>
    /// <see cref="Run{TWork}"/> with a kernel that computes up to <paramref name="groupSize"/> scan lines at once
    /// (consecutive lines, or consecutive evaluated lines with a stride). Which lines share a group does not depend on
    /// the thread count, and a lane's arithmetic does not depend on its neighbours, so neither changes the map.
    /// </summary>
    public static double[] RunGroups<TWork>(int samples, int lines, int stride, int maxDegreeOfParallelism, int groupSize,
        Func<TWork> createWork, ColumnGroupKernel<TWork> kernel)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var cols = stride <= 1 ? Enumerable.Range(0, lines).ToArray() : StrideGrid.Positions(lines, stride);
        int groups = (cols.Length + groupSize - 1) / groupSize;
        if (stride <= 1)
        {
            var map = new double[samples * lines];
            Parallel.For(0, groups, options, createWork, (g, _, work) =>
            {
                int first = g * groupSize, count = Math.Min(groupSize, lines - first);
                kernel(cols.AsSpan(first, count), map.AsSpan(first * samples, count * samples), work);
                return work;
            }, _ => { });
            return map;
        }

        var rows = StrideGrid.Positions(samples, stride);
        var coarse = new double[rows.Length * cols.Length];
        Parallel.For(0, groups, options, () => (createWork(), new double[groupSize * samples]), (g, _, state) =>
        {
            int first = g * groupSize, count = Math.Min(groupSize, cols.Length - first);
            kernel(cols.AsSpan(first, count), state.Item2, state.Item1);
            for (int c = 0; c < count; c++)
                for (int r = 0; r < rows.Length; r++) coarse[(first + c) * rows.Length + r] = state.Item2[c * samples + rows[r]];
            return state;
        }, _ => { });
        return StrideGrid.Interpolate(coarse, rows, cols, samples, lines);
    }
}
