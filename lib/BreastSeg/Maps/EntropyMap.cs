using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BreastSeg.Maps;

/// <summary>
/// Shannon entropy maps (bits): H = -sum_i p_i log2 p_i of the histogram of the values in a sliding window around each
/// pixel (windows clipped at the border; only pixels inside the frame count).
/// <para>
/// Each scan line of the map is computed by sliding the window down the depth axis with a running histogram: the row
/// entering and the row leaving the window update the bin counts and a running S = sum_b c_b log2 c_b, so that
/// H = log2 N - S / N costs work proportional to the window's width, not to the bin count. S is kept in 64-bit fixed
/// point (c log2 c tabulated and rounded once), so it carries no drift whatever the history of updates.
/// </para>
/// <para>
/// In <see cref="EntropyNormalization.Window"/> mode a sample's bin depends on the window's own min and max. Those come
/// from element-wise min/max across the window's lines followed by a sliding min/max along depth by doubling
/// (<see cref="SlidingExtremes"/>, SIMD). While the window's min and max stay the same, the histogram is updated
/// incrementally (bins of the samples inside are remembered); when either changes, it is rebuilt from the window's
/// samples (SIMD binning, see <see cref="WindowEntropyColumn"/>). The result is exact, not an approximation.
/// </para>
/// </summary>
public static class EntropyMap
{
    /// <summary>
    /// Default bin count: 32. It matches the kit's simulation reference (Tsui-style entropy with 32 bins on the window's
    /// range) and resolves amplitude-distribution shape in windows of a few tens of pixels while not
    /// saturating the estimate at log2(bins) = 5 bits; sweep it with <see cref="MapSweep"/>.
    /// </summary>
    public const int DefaultBins = 32;

    /// <summary>Largest accepted bin count.</summary>
    public const int MaxBins = 1 << 24;

    /// <summary>
    /// Entropy map (bits) of column-major <paramref name="values"/> (samples x lines; envelope or log-compressed envelope).
    /// </summary>
    /// <param name="values">Column-major values (finite).</param>
    /// <param name="samples">Rows (depth samples).</param>
    /// <param name="lines">Columns (scan lines).</param>
    /// <param name="window">Sliding window (pixels).</param>
    /// <param name="bins">Histogram bins B (at least 2).</param>
    /// <param name="normalization">What the bins span.</param>
    /// <param name="stride">Evaluate every stride-th sample and line and interpolate bilinearly (1 = every pixel).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="millerMadow">Add the Miller-Madow bias correction (K - 1) / (2 N ln 2) bits, K = occupied bins,
    /// N = pixels in the window: the first-order bias of the plug-in estimate for independent samples.</param>
    /// <param name="lowPercentile">Robust normalisation: lower percentile of the frame (0-100).</param>
    /// <param name="highPercentile">Robust normalisation: upper percentile of the frame (0-100).</param>
    public static double[] Compute(double[] values, int samples, int lines, WindowSize window, int bins = DefaultBins,
        EntropyNormalization normalization = EntropyNormalization.Window, int stride = 1, int maxDegreeOfParallelism = -1,
        bool millerMadow = false, double lowPercentile = DefaultLowPercentile, double highPercentile = DefaultHighPercentile)
    {
        if (samples <= 0 || lines <= 0 || values.Length != (long)samples * lines)
            throw new ArgumentException($"data holds {values.Length} values, expected {samples} x {lines}", nameof(values));
        MapChecks.Bins(bins);
        var minMax = MapChecks.BinnableRange(values, bins);
        MapChecks.Stride(stride);
        window.Validate("window", samples, lines);
        if (normalization != EntropyNormalization.Window)
        {
            var range = normalization == EntropyNormalization.Global ? minMax : EntropyBins.Range(values, normalization, lowPercentile, highPercentile);
            // The levels live only while the map is computed: a pooled buffer spares a large-object allocation per map
            // (and the GC it triggers every few maps).
            var levels = ArrayPool<int>.Shared.Rent(values.Length);
            try
            {
                QuantizeInto(values, bins, range, levels);
                return LevelEntropy(levels, samples, lines, window, bins, stride, maxDegreeOfParallelism, millerMadow);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
        var table = new EntropyTable(window.Area, millerMadow);
        return ColumnMapDriver.Run(samples, lines, stride, maxDegreeOfParallelism,
            () => new WindowEntropyColumn.Work(samples, window, bins), WindowEntropyColumn.Kernel(values, samples, lines, window, bins, table));
    }

    /// <summary>Default lower percentile of the robust normalisation.</summary>
    public const double DefaultLowPercentile = 1;

    /// <summary>Default upper percentile of the robust normalisation.</summary>
    public const double DefaultHighPercentile = 99;

    /// <summary>
    /// Entropy map (bits) of integer levels 0 .. levelCount - 1, one bin per level: scikit-image's
    /// skimage.filters.rank.entropy with a rectangular footprint of the window's size.
    /// </summary>
    /// <param name="levels">Column-major levels in [0, levelCount).</param>
    /// <param name="samples">Rows.</param>
    /// <param name="lines">Columns.</param>
    /// <param name="window">Sliding window (pixels).</param>
    /// <param name="levelCount">Number of levels (bins).</param>
    /// <param name="stride">Evaluation stride (1 = every pixel).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="millerMadow">Add the Miller-Madow correction (see <see cref="Compute"/>).</param>
    public static double[] FromLevels(int[] levels, int samples, int lines, WindowSize window, int levelCount, int stride = 1, int maxDegreeOfParallelism = -1,
        bool millerMadow = false)
    {
        if (levels.Length != (long)samples * lines) throw new ArgumentException($"levels hold {levels.Length} values, expected {samples} x {lines}", nameof(levels));
        if (levelCount < 1 || levelCount > MaxBins) throw new IO.BreastSegInputException("bins", $"level count {levelCount} must be 1 .. {MaxBins}");
        foreach (int v in levels)
            if ((uint)v >= (uint)levelCount) throw new ArgumentOutOfRangeException(nameof(levels), $"level {v} outside 0 .. {levelCount - 1}");
        MapChecks.Stride(stride);
        window.Validate("window", samples, lines);
        return LevelEntropy(levels, samples, lines, window, levelCount, stride, maxDegreeOfParallelism, millerMadow);
    }

    // FromLevels on levels known to lie in [0, levelCount) (from Quantize), parameters checked.
    private static double[] LevelEntropy(int[] levels, int samples, int lines, WindowSize window, int levelCount, int stride, int maxDegreeOfParallelism,
        bool millerMadow)
    {
        var table = new EntropyTable(window.Area, millerMadow);
        ColumnKernel<int[]> kernel = millerMadow
            ? (j, column, counts) => LevelColumn<TrackOccupied>(levels, samples, lines, window, table, j, column, counts)
            : (j, column, counts) => LevelColumn<IgnoreOccupied>(levels, samples, lines, window, table, j, column, counts);
        return ColumnMapDriver.Run(samples, lines, stride, maxDegreeOfParallelism, () => new int[levelCount], kernel);
    }

    /// <summary>
    /// Global quantisation: level = min(B - 1, floor((x - min) B / (max - min))) over the frame's min and max (all 0 for a
    /// constant frame). With integer values and B = max - min + 1 every value gets its own level.
    /// </summary>
    public static int[] Quantize(double[] values, int bins)
    {
        MapChecks.Bins(bins);
        return Quantize(values, bins, MapChecks.BinnableRange(values, bins));
    }

    /// <summary>
    /// Quantisation over [lo, hi]: level = floor((x - lo) B / (hi - lo)), values below lo in bin 0, at or above hi in
    /// bin B - 1 (all 0 when hi &lt;= lo).
    /// </summary>
    public static int[] Quantize(double[] values, int bins, (double Lo, double Hi) range)
    {
        MapChecks.Bins(bins);
        var levels = new int[values.Length];
        QuantizeInto(values, bins, range, levels);
        return levels;
    }

    // Quantize into levels[0 .. values.Length) (levels may be longer).
    private static void QuantizeInto(double[] values, int bins, (double Lo, double Hi) range, int[] levels)
    {
        double lo = range.Lo, width = range.Hi - range.Lo;
        if (!(width > 0))
        {
            levels.AsSpan(0, values.Length).Clear();
            return;
        }
        int k0 = 0;
        if (Avx.IsSupported)
        {
            // The same expression four at a time; clamping t to [0, B - 1] before truncating gives the same levels.
            var loV = Vector256.Create(lo);
            var binsV = Vector256.Create((double)bins);
            var widthV = Vector256.Create(width);
            var lastV = Vector256.Create((double)(bins - 1));
            ref double x = ref MemoryMarshal.GetArrayDataReference(values);
            ref int level = ref MemoryMarshal.GetArrayDataReference(levels);
            for (; k0 + 4 <= values.Length; k0 += 4)
            {
                var t = Avx.Divide(Avx.Multiply(Avx.Subtract(Vector256.LoadUnsafe(ref x, (nuint)k0), loV), binsV), widthV);
                t = Avx.Min(Avx.Max(t, Vector256<double>.Zero), lastV);
                Avx.ConvertToVector128Int32WithTruncation(t).StoreUnsafe(ref level, (nuint)k0);
            }
        }
        for (int k = k0; k < values.Length; k++)
        {
            double t = (values[k] - lo) * bins / width;
            levels[k] = t <= 0 ? 0 : t >= bins ? bins - 1 : (int)t;
        }
    }

    // Safety of the unchecked indexing below: levels are checked to lie in [0, bins) (or produced by Bin), a count never
    // exceeds the window's area (rows leave before rows enter), and the ring holds the bins of the rows in the window.

    /// <summary>Bin of <paramref name="x"/> among <paramref name="bins"/> bins spanning [lo, lo + range]; the maximum goes to the last bin.</summary>
    internal static int Bin(double x, double lo, double range, int bins)
    {
        if (!(range > 0)) return 0;
        int b = (int)((x - lo) * bins / range);
        return b >= bins ? bins - 1 : b;
    }

    private static void LevelColumn<TOccupancy>(int[] levels, int samples, int lines, WindowSize window, EntropyTable table,
        int j, Span<double> column, int[] countArray) where TOccupancy : IOccupancy
    {
        int j0 = Math.Max(0, j - window.Left), j1 = Math.Min(lines - 1, j + window.Right), width = j1 - j0 + 1;
        ref int counts = ref MemoryMarshal.GetArrayDataReference(countArray);
        ref long step = ref MemoryMarshal.GetArrayDataReference(table.Step);
        ref int level = ref MemoryMarshal.GetArrayDataReference(levels);
        int first = j0 * samples;
        long sum = 0;
        int n = 0, occupied = 0, top = 0, bottom = -1;
        for (int i = 0; i < samples; i++)
        {
            int s = Math.Max(0, i - window.Above), e = Math.Min(samples - 1, i + window.Below);
            if (top + 1 == s && bottom + 1 == e)
            {
                // Steady state, up to the window's reaching the last row: one row leaves and one enters, the window's
                // size is fixed; a pixel whose level is the same in both leaves the histogram unchanged (common in
                // dark or uniform regions), so each lateral position is one step.
                int end = samples - 1 - window.Below, span = e - top;
                double log2N = table.Log2(n), inverseN = table.Inverse(n);
                for (; i <= end; i++, top++)
                {
                    for (int l = 0, k = first + top; l < width; l++, k += samples)
                    {
                        int a = Unsafe.Add(ref level, k), b = Unsafe.Add(ref level, k + span);
                        if (a == b) continue;
                        HistogramUpdate.Remove<TOccupancy>(ref Unsafe.Add(ref counts, a), ref step, ref sum, ref occupied);
                        HistogramUpdate.Add<TOccupancy>(ref Unsafe.Add(ref counts, b), ref step, ref sum, ref occupied);
                    }
                    column[i] = TOccupancy.Track ? table.Entropy(sum, occupied, log2N, inverseN) : table.PlugIn(sum, log2N, inverseN);
                }
                i--;
                bottom = top + span - 1;
                continue;
            }
            for (; top < s; top++)
            {
                for (int l = 0, k = first + top; l < width; l++, k += samples)
                    HistogramUpdate.Remove<TOccupancy>(ref Unsafe.Add(ref counts, Unsafe.Add(ref level, k)), ref step, ref sum, ref occupied);
                n -= width;
            }
            while (bottom < e)
            {
                bottom++;
                for (int l = 0, k = first + bottom; l < width; l++, k += samples)
                    HistogramUpdate.Add<TOccupancy>(ref Unsafe.Add(ref counts, Unsafe.Add(ref level, k)), ref step, ref sum, ref occupied);
                n += width;
            }
            column[i] = table.Entropy(sum, n, occupied);
        }
        for (int r = top; r <= bottom; r++)
            for (int l = 0, k = first + r; l < width; l++, k += samples) Unsafe.Add(ref counts, Unsafe.Add(ref level, k)) = 0;
    }
}
