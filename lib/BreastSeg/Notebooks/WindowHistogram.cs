using BreastSeg.Maps;

namespace BreastSeg.Notebooks;

/// <summary>
/// The histogram behind one pixel of an entropy map: the envelope values in the window centred on (<paramref name="Sample"/>,
/// <paramref name="Line"/>), clipped at the frame's border, binned as <see cref="EntropyMap"/> bins them, and its
/// Shannon entropy H = -sum p_i log2 p_i (bits).
/// </summary>
/// <param name="Sample">Depth sample of the window's centre.</param>
/// <param name="Line">Scan line of the window's centre.</param>
/// <param name="Window">Window size (pixels).</param>
/// <param name="Counts">Values per bin.</param>
/// <param name="BinLow">Lower edge of each bin (envelope units).</param>
/// <param name="BinWidth">Width of a bin (envelope units); 0 for a constant window.</param>
/// <param name="EntropyBits">H of the counts (bits).</param>
public sealed record WindowHistogram(int Sample, int Line, WindowSize Window, int[] Counts, double[] BinLow, double BinWidth, double EntropyBits)
{
    /// <summary>The histogram of <paramref name="values"/> (column-major samples x lines) in the window at (sample, line).</summary>
    public static WindowHistogram Of(double[] values, int samples, int lines, WindowSize window, int bins, EntropyNormalization normalization, int sample, int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, samples);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, lines);
        int i0 = Math.Max(0, sample - window.Above), i1 = Math.Min(samples - 1, sample + window.Below);
        int j0 = Math.Max(0, line - window.Left), j1 = Math.Min(lines - 1, line + window.Right);
        var inside = new List<double>();
        for (int j = j0; j <= j1; j++)
            for (int i = i0; i <= i1; i++) inside.Add(values[j * samples + i]);
        // The bins span the window's own range (window) or the frame's (global), as in EntropyMap.
        double min, max;
        if (normalization == EntropyNormalization.Window) (min, max) = (inside.Min(), inside.Max());
        else (min, max) = (values.Min(), values.Max());
        var counts = new int[bins];
        foreach (double v in inside)
            counts[max > min ? Math.Min(bins - 1, (int)Math.Floor((v - min) * bins / (max - min))) : 0]++;
        double n = inside.Count, h = 0;
        foreach (int c in counts)
            if (c > 0) h -= c / n * Math.Log2(c / n);
        double width = max > min ? (max - min) / bins : 0;
        return new WindowHistogram(sample, line, window, counts, Enumerable.Range(0, bins).Select(b => min + b * width).ToArray(), width, h);
    }
}
