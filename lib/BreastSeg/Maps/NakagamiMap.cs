using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BreastSeg.Maps;

/// <summary>
/// Nakagami m maps by the moment estimator in a sliding window: with I = R^2 (envelope intensity),
/// m = E[I]^2 / Var(I) (population variance, 1/N), Omega = E[I]. m &lt; 1 pre-Rayleigh, 1 Rayleigh, &gt; 1 Rician.
/// A constant window (Var = 0) gives +infinity, an all-zero window NaN, as the formula does.
/// <para>
/// Running sums of I and I^2 would subtract large numbers (a bright reflector leaving the window leaves its rounding
/// error behind). Instead each window row's count, mean and sum of squared deviations are pooled across the window's
/// lines (two passes, SIMD across depth), then along depth with the van Herk / Gil-Werman block method using Chan's pooling formula, which
/// only ever adds non-negative terms: O(window width) per pixel, stable, and a constant window has exactly zero
/// variance. The depth pooling runs for several scan lines at once, one per SIMD lane, with the scalar operations in
/// the scalar order, so each lane's value is the one-line result bit for bit.
/// </para>
/// </summary>
public static class NakagamiMap
{
    /// <summary>Nakagami m map of column-major envelope amplitudes (samples x lines).</summary>
    /// <param name="envelope">Column-major envelope amplitudes R (finite).</param>
    /// <param name="samples">Rows.</param>
    /// <param name="lines">Columns.</param>
    /// <param name="window">Sliding window (pixels).</param>
    /// <param name="stride">Evaluation stride (1 = every pixel).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static double[] Compute(double[] envelope, int samples, int lines, WindowSize window, int stride = 1, int maxDegreeOfParallelism = -1)
    {
        MapChecks.Frame(envelope, samples, lines);
        MapChecks.Stride(stride);
        window.Validate("nakagami-window", samples, lines);
        // I = R^2 is squared where it is read rather than kept as a frame-sized array: the squaring is a few SIMD
        // multiplies per pixel, the array a large-object allocation per map that made every fourth map wait on a GC.
        return ColumnMapDriver.RunGroups(samples, lines, stride, maxDegreeOfParallelism, Lanes,
            () => new Work(samples),
            (group, output, work) => Columns(envelope, samples, lines, window, group, output, work));
    }

    // Scan lines computed together, one per SIMD lane: the depth pooling's divisions then run several to an instruction.
    private static int Lanes => Vector<double>.Count;

    private sealed class Work(int samples)
    {
        public readonly MomentLanes[] Rows = new MomentLanes[samples], Windows = new MomentLanes[samples];
        public readonly MomentLanes[] Prefix = new MomentLanes[samples], Suffix = new MomentLanes[samples];
        public readonly double[] M = new double[samples * Lanes];
    }

    private static void Columns(double[] envelope, int samples, int lines, WindowSize window, ReadOnlySpan<int> group, Span<double> output, Work work)
    {
        // Lane c holds line group[c]; lanes past the group's end repeat its last line and are not written out.
        int lanes = Lanes;
        var rowValues = MemoryMarshal.Cast<MomentLanes, double>(work.Rows.AsSpan());
        for (int c = 0; c < lanes; c++)
            RowMoments(envelope, samples, lines, window, group[Math.Min(c, group.Length - 1)], rowValues, c);
        SlidingAggregate.Apply<MomentLanes, MomentLanes>(work.Rows, work.Windows, window.Above, window.Below, work.Prefix, work.Suffix);
        var m = MemoryMarshal.Cast<double, Vector<double>>(work.M.AsSpan());
        for (int i = 0; i < samples; i++)
        {
            var w = work.Windows[i];
            m[i] = w.Mean * w.Mean * w.Count / w.M2;
        }
        for (int c = 0; c < group.Length; c++)
        {
            var column = output.Slice(c * samples, samples);
            for (int i = 0, k = c; i < samples; i++, k += lanes) column[i] = work.M[k];
        }
    }

    // Each window row's moments of I = R^2 across the window's lines into lane `lane` of the rows (count, mean, M2): two
    // passes over the lines per group of samples (SIMD across depth; the lines are contiguous columns), on deviations
    // from the first line's value, so a constant row has exactly zero spread.
    private static void RowMoments(double[] envelope, int samples, int lines, WindowSize window, int j, Span<double> rowValues, int lane)
    {
        int j0 = Math.Max(0, j - window.Left), j1 = Math.Min(lines - 1, j + window.Right), width = j1 - j0 + 1;
        int lanes = Lanes, stride = 3 * lanes, count = Vector<double>.Count;
        double inverse = 1.0 / width;
        ref double r = ref MemoryMarshal.GetArrayDataReference(envelope);
        int i = 0;
        for (; i + count <= samples; i += count)
        {
            var shift = Intensity(ref r, j0 * samples + i);
            var sum = Vector<double>.Zero;
            for (int l = j0 + 1; l <= j1; l++) sum += Intensity(ref r, l * samples + i) - shift;
            sum *= inverse;
            var m2 = Vector<double>.Zero;
            for (int l = j0; l <= j1; l++)
            {
                var d = Intensity(ref r, l * samples + i) - shift - sum;
                m2 += d * d;
            }
            var mean = shift + sum;
            for (int t = 0, k = i * stride + lane; t < count; t++, k += stride)
            {
                rowValues[k] = width;
                rowValues[k + lanes] = mean[t];
                rowValues[k + 2 * lanes] = m2[t];
            }
        }
        for (; i < samples; i++)
        {
            double shift = Intensity(envelope[j0 * samples + i]), sum = 0, m2 = 0;
            for (int l = j0 + 1; l <= j1; l++) sum += Intensity(envelope[l * samples + i]) - shift;
            sum *= inverse;
            for (int l = j0; l <= j1; l++)
            {
                double d = Intensity(envelope[l * samples + i]) - shift - sum;
                m2 += d * d;
            }
            int k = i * stride + lane;
            rowValues[k] = width;
            rowValues[k + lanes] = shift + sum;
            rowValues[k + 2 * lanes] = m2;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Intensity(ref double envelope, int at)
    {
        var r = Vector.LoadUnsafe(ref envelope, (nuint)at);
        return r * r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Intensity(double envelope) => envelope * envelope;
}
