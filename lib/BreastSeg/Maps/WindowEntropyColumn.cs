using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BreastSeg.Maps;

/// <summary>
/// One scan line of an entropy map in <see cref="EntropyNormalization.Window"/> mode (see <see cref="EntropyMap"/>).
/// <para>
/// The window's min and max change at about 0.14 of the pixels of a 4-pulse-length window on speckle and at half of
/// them at 1 pulse length (bright speckle spots enter and leave row by row), so rebuilding the histogram is most of the
/// work. A rebuild therefore bins each of the window's lines (contiguous along depth) with SIMD, counts without
/// touching S, and sums c log2 c over the bins once; between rebuilds the rows entering and leaving update the counts
/// and S incrementally. The bins of the samples inside are kept per line, so a leaving row is not re-binned. Every
/// bin is the same IEEE expression as <see cref="EntropyMap.Bin"/>, so the result equals binning pixel by pixel.
/// </para>
/// </summary>
internal static class WindowEntropyColumn
{
    /// <summary>Per-thread workspace.</summary>
    internal sealed class Work(int samples, WindowSize window, int bins)
    {
        /// <summary>A rebuild sums c log2 c over the bins (cost B) when they are few against the window's samples,
        /// otherwise it adds the samples one by one.</summary>
        public readonly bool SumOverBins = 4 * bins <= window.Area;

        /// <summary>The window's counts, followed (when the sum runs over the bins) by three more histograms that a
        /// rebuild counts into in turn, so that runs of equal bins along depth do not wait on each other's stores.</summary>
        public readonly int[] Counts = new int[4 * bins <= window.Area ? 4 * bins : bins];
        public readonly int[] SampleBins = new int[samples * window.Lines];
        public readonly double[] RowMin = new double[samples], RowMax = new double[samples];
        public readonly double[] WinMin = new double[samples], WinMax = new double[samples];
        public readonly double[] Prefix = new double[samples], Suffix = new double[samples];
    }

    // Safety of the unchecked indexing: bins are produced by BinRun / EntropyMap.Bin and lie in [0, bins); a count never
    // exceeds the window's area; SampleBins holds samples entries per window line.
    public static void Compute(double[] values, int samples, int lines, WindowSize window, int bins, EntropyTable table,
        int j, Span<double> column, Work work)
    {
        int j0 = Math.Max(0, j - window.Left), j1 = Math.Min(lines - 1, j + window.Right), width = j1 - j0 + 1;
        LateralMinMax.Compute(values, samples, j0, j1, work.RowMin, work.RowMax);
        SlidingAggregate.Apply<double, MinOp>(work.RowMin, work.WinMin, window.Above, window.Below, work.Prefix, work.Suffix);
        SlidingAggregate.Apply<double, MaxOp>(work.RowMax, work.WinMax, window.Above, window.Below, work.Prefix, work.Suffix);
        ref int counts = ref MemoryMarshal.GetArrayDataReference(work.Counts);
        ref int sampleBins = ref MemoryMarshal.GetArrayDataReference(work.SampleBins);
        ref long clog = ref MemoryMarshal.GetArrayDataReference(table.CLog);
        ref double v = ref MemoryMarshal.GetArrayDataReference(values);
        var winMin = work.WinMin;
        var winMax = work.WinMax;
        bool sumOverBins = work.SumOverBins;
        long sum = 0;
        int n = 0, occupied = 0, top = 0, bottom = -1;
        double lo = double.NaN, hi = double.NaN;
        var binner = default(WindowBinner);
        int first = j0 * samples;
        for (int i = 0; i < samples; i++)
        {
            int s = Math.Max(0, i - window.Above), e = Math.Min(samples - 1, i + window.Below);
            if (winMin[i] != lo || winMax[i] != hi)
            {
                // Every sample's bin moves with the window's range: bin the window afresh.
                if (sumOverBins) work.Counts.AsSpan(0, bins).Clear();
                else ClearWindow(ref counts, ref sampleBins, samples, width, top, bottom);
                lo = winMin[i];
                hi = winMax[i];
                binner = new WindowBinner(lo, hi - lo, bins);
                int h = e - s + 1;
                for (int l = 0; l < width; l++)
                    binner.Run(ref Unsafe.Add(ref v, first + l * samples + s), ref Unsafe.Add(ref sampleBins, l * samples + s), h);
                sum = 0;
                occupied = 0;
                if (sumOverBins)
                {
                    CountInto4(ref counts, bins, ref sampleBins, samples, width, s, h);
                    for (int b = 0; b < bins; b++)
                    {
                        int c = Unsafe.Add(ref counts, b);
                        sum += Unsafe.Add(ref clog, c);
                        occupied += c > 0 ? 1 : 0;
                    }
                }
                else
                {
                    for (int l = 0; l < width; l++)
                    {
                        ref int b = ref Unsafe.Add(ref sampleBins, l * samples + s);
                        for (int r = 0; r < h; r++) Add(ref Unsafe.Add(ref counts, Unsafe.Add(ref b, r)), ref clog, ref sum, ref occupied);
                    }
                }
                n = h * width;
                top = s;
                bottom = e;
            }
            else
            {
                for (; top < s; top++)
                {
                    for (int l = 0; l < width; l++)
                        Remove(ref Unsafe.Add(ref counts, Unsafe.Add(ref sampleBins, l * samples + top)), ref clog, ref sum, ref occupied);
                    n -= width;
                }
                while (bottom < e)
                {
                    bottom++;
                    for (int l = 0, k = first + bottom; l < width; l++, k += samples)
                    {
                        int b = binner.Bin(Unsafe.Add(ref v, k));
                        Unsafe.Add(ref sampleBins, l * samples + bottom) = b;
                        Add(ref Unsafe.Add(ref counts, b), ref clog, ref sum, ref occupied);
                    }
                    n += width;
                }
            }
            column[i] = table.Entropy(sum, n, occupied);
        }
        ClearWindow(ref counts, ref sampleBins, samples, width, top, bottom);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref int c, ref long clog, ref long sum, ref int occupied)
    {
        occupied += c == 0 ? 1 : 0;
        sum += Unsafe.Add(ref clog, c + 1) - Unsafe.Add(ref clog, c);
        c++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Remove(ref int c, ref long clog, ref long sum, ref int occupied)
    {
        occupied -= c == 1 ? 1 : 0;
        sum += Unsafe.Add(ref clog, c - 1) - Unsafe.Add(ref clog, c);
        c--;
    }

    private static void ClearWindow(ref int counts, ref int sampleBins, int samples, int width, int top, int bottom)
    {
        for (int l = 0; l < width; l++)
            for (int r = top; r <= bottom; r++) Unsafe.Add(ref counts, Unsafe.Add(ref sampleBins, l * samples + r)) = 0;
    }

    // counts[0..bins) = histogram of the window's bins (rows s .. s + h - 1 of each line), counted into four
    // histograms in turn and merged; the other three are left cleared.
    private static void CountInto4(ref int counts, int bins, ref int sampleBins, int samples, int width, int s, int h)
    {
        ref int counts1 = ref Unsafe.Add(ref counts, bins);
        ref int counts2 = ref Unsafe.Add(ref counts, 2 * bins);
        ref int counts3 = ref Unsafe.Add(ref counts, 3 * bins);
        for (int l = 0; l < width; l++)
        {
            ref int b = ref Unsafe.Add(ref sampleBins, l * samples + s);
            int r = 0;
            for (; r + 4 <= h; r += 4)
            {
                Unsafe.Add(ref counts, Unsafe.Add(ref b, r))++;
                Unsafe.Add(ref counts1, Unsafe.Add(ref b, r + 1))++;
                Unsafe.Add(ref counts2, Unsafe.Add(ref b, r + 2))++;
                Unsafe.Add(ref counts3, Unsafe.Add(ref b, r + 3))++;
            }
            for (; r < h; r++) Unsafe.Add(ref counts, Unsafe.Add(ref b, r))++;
        }
        var total = MemoryMarshal.CreateSpan(ref counts, bins);
        var totalV = MemoryMarshal.Cast<int, Vector<int>>(total);
        int tail = totalV.Length * Vector<int>.Count;
        for (int k = 1; k < 4; k++)
        {
            var part = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref counts, k * bins), bins);
            var partV = MemoryMarshal.Cast<int, Vector<int>>(part);
            for (int q = 0; q < totalV.Length; q++) totalV[q] += partV[q];
            for (int b = tail; b < bins; b++) total[b] += part[b];
            part.Clear();
        }
    }
}
