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
/// them at 1 pulse length (bright speckle spots enter and leave row by row), and each change re-bins the whole window,
/// so rebuilding the histogram is most of the work. The sliding min and max are known for the whole scan line before
/// the histogram slides, so a rebuild bins (SIMD along depth, contiguous per line) not only the window's samples but
/// also the rows that will enter while the range stays the same; between rebuilds the rows entering and leaving then
/// only move counts, exactly like a running histogram. A rebuild counts without touching S and sums c log2 c over the
/// bins once when the bins are not many more than the window's samples, otherwise it adds the samples one by one. Every
/// bin is the same IEEE expression as <see cref="EntropyMap.Bin"/>, so the result equals binning pixel by pixel.
/// </para>
/// </summary>
internal static class WindowEntropyColumn
{
    /// <summary>Per-thread workspace.</summary>
    internal sealed class Work(int samples, WindowSize window, int bins)
    {
        /// <summary>A rebuild sums c log2 c over the bins (cost B) when they are at most twice the window's samples,
        /// otherwise it adds the samples one by one.</summary>
        public readonly bool SumOverBins = bins <= 2 * window.Area;

        /// <summary>The window's counts, followed (when the sum runs over the bins) by three more histograms that a
        /// rebuild counts into in turn, so that runs of equal bins along depth do not wait on each other's stores.</summary>
        public readonly int[] Counts = new int[bins <= 2 * window.Area ? 4 * bins : bins];
        public readonly int[] SampleBins = new int[samples * window.Lines];
        public readonly double[] RowMin = new double[samples], RowMax = new double[samples];
        public readonly double[] WinMin = new double[samples], WinMax = new double[samples];
        public readonly double[] Scratch = new double[SlidingExtremes.ScratchLength(samples, window.Samples)];
    }

    /// <summary>The column kernel for <see cref="ColumnMapDriver"/>, counting occupied bins only where the table's
    /// Miller-Madow correction needs them.</summary>
    public static ColumnKernel<Work> Kernel(double[] values, int samples, int lines, WindowSize window, int bins, EntropyTable table) =>
        table.MillerMadow
            ? (j, column, work) => Compute<TrackOccupied>(values, samples, lines, window, bins, table, j, column, work)
            : (j, column, work) => Compute<IgnoreOccupied>(values, samples, lines, window, bins, table, j, column, work);

    // Safety of the unchecked indexing: bins are produced by WindowBinner and lie in [0, bins); a count never exceeds
    // the window's area; SampleBins holds samples entries per window line.
    private static void Compute<TOccupancy>(double[] values, int samples, int lines, WindowSize window, int bins, EntropyTable table,
        int j, Span<double> column, Work work) where TOccupancy : IOccupancy
    {
        int j0 = Math.Max(0, j - window.Left), j1 = Math.Min(lines - 1, j + window.Right), width = j1 - j0 + 1;
        LateralMinMax.Compute(values, samples, j0, j1, work.RowMin, work.RowMax);
        SlidingExtremes.Apply<SlidingExtremes.Min>(work.RowMin, work.WinMin, window.Above, window.Below, work.Scratch);
        SlidingExtremes.Apply<SlidingExtremes.Max>(work.RowMax, work.WinMax, window.Above, window.Below, work.Scratch);
        ref int counts = ref MemoryMarshal.GetArrayDataReference(work.Counts);
        ref int sampleBins = ref MemoryMarshal.GetArrayDataReference(work.SampleBins);
        ref long clog = ref MemoryMarshal.GetArrayDataReference(table.CLog);
        ref long step = ref MemoryMarshal.GetArrayDataReference(table.Step);
        ref double v = ref MemoryMarshal.GetArrayDataReference(values);
        var winMin = work.WinMin;
        var winMax = work.WinMax;
        bool sumOverBins = work.SumOverBins;
        long sum = 0;
        int n = 0, occupied = 0, top = 0, bottom = -1;
        double lo = double.NaN, hi = double.NaN;
        int first = j0 * samples;
        for (int i = 0; i < samples; i++)
        {
            int s = Math.Max(0, i - window.Above), e = Math.Min(samples - 1, i + window.Below);
            if (winMin[i] != lo || winMax[i] != hi)
            {
                // Every sample's bin moves with the window's range: bin the window afresh, with the rows that will
                // enter while the range stays the same.
                if (sumOverBins) work.Counts.AsSpan(0, bins).Clear();
                else ClearWindow(ref counts, ref sampleBins, samples, width, top, bottom);
                lo = winMin[i];
                hi = winMax[i];
                int last = i;
                while (last + 1 < samples && winMin[last + 1] == lo && winMax[last + 1] == hi) last++;
                int binnedEnd = Math.Min(samples - 1, last + window.Below);
                var binner = new WindowBinner(lo, hi - lo, bins);
                for (int l = 0; l < width; l++)
                    binner.Run(ref Unsafe.Add(ref v, first + l * samples + s), ref Unsafe.Add(ref sampleBins, l * samples + s), binnedEnd - s + 1);
                int h = e - s + 1;
                sum = 0;
                occupied = 0;
                if (sumOverBins)
                {
                    CountInto4(ref counts, bins, ref sampleBins, samples, width, s, h);
                    for (int b = 0; b < bins; b++)
                    {
                        int c = Unsafe.Add(ref counts, b);
                        sum += Unsafe.Add(ref clog, c);
                        if (TOccupancy.Track) occupied += c > 0 ? 1 : 0;
                    }
                }
                else
                {
                    for (int l = 0; l < width; l++)
                    {
                        ref int b = ref Unsafe.Add(ref sampleBins, l * samples + s);
                        for (int r = 0; r < h; r++)
                            HistogramUpdate.Add<TOccupancy>(ref Unsafe.Add(ref counts, Unsafe.Add(ref b, r)), ref step, ref sum, ref occupied);
                    }
                }
                n = h * width;
                top = s;
                bottom = e;
            }
            else if (top + 1 == s && bottom + 1 == e)
            {
                // Steady state: one row leaves and one enters; a line whose bin is the same in both changes nothing.
                for (int l = 0, k = top; l < width; l++, k += samples)
                {
                    int a = Unsafe.Add(ref sampleBins, k), b = Unsafe.Add(ref sampleBins, k + (e - top));
                    if (a == b) continue;
                    HistogramUpdate.Remove<TOccupancy>(ref Unsafe.Add(ref counts, a), ref step, ref sum, ref occupied);
                    HistogramUpdate.Add<TOccupancy>(ref Unsafe.Add(ref counts, b), ref step, ref sum, ref occupied);
                }
                top = s;
                bottom = e;
            }
            else
            {
                for (; top < s; top++)
                {
                    for (int l = 0; l < width; l++)
                        HistogramUpdate.Remove<TOccupancy>(ref Unsafe.Add(ref counts, Unsafe.Add(ref sampleBins, l * samples + top)), ref step, ref sum, ref occupied);
                    n -= width;
                }
                while (bottom < e)
                {
                    bottom++;
                    for (int l = 0; l < width; l++)
                        HistogramUpdate.Add<TOccupancy>(ref Unsafe.Add(ref counts, Unsafe.Add(ref sampleBins, l * samples + bottom)), ref step, ref sum, ref occupied);
                    n += width;
                }
            }
            column[i] = table.Entropy(sum, n, occupied);
        }
        ClearWindow(ref counts, ref sampleBins, samples, width, top, bottom);
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
