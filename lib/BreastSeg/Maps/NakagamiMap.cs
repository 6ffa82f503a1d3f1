using System.Numerics;
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
/// variance.
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
        var intensity = new double[envelope.Length];
        for (int k = 0; k < intensity.Length; k++) intensity[k] = envelope[k] * envelope[k];
        return ColumnMapDriver.Run(samples, lines, stride, maxDegreeOfParallelism,
            () => new Work(samples),
            (j, column, work) => Column(intensity, samples, lines, window, j, column, work));
    }

    private sealed class Work(int samples)
    {
        public readonly Moments[] Rows = new Moments[samples], Windows = new Moments[samples];
        public readonly Moments[] Prefix = new Moments[samples], Suffix = new Moments[samples];
        public readonly double[] Sum = new double[samples], M2 = new double[samples];
    }

    private static void Column(double[] intensity, int samples, int lines, WindowSize window, int j, Span<double> column, Work work)
    {
        int j0 = Math.Max(0, j - window.Left), j1 = Math.Min(lines - 1, j + window.Right), width = j1 - j0 + 1;
        // Each window row's moments across the window's lines, two-pass with SIMD across depth (the lines are
        // contiguous columns), on deviations from the first line's value: a constant row has exactly zero spread.
        var shift = intensity.AsSpan(j0 * samples, samples);
        var sum = work.Sum.AsSpan();
        var m2 = work.M2.AsSpan();
        sum.Clear();
        for (int l = j0 + 1; l <= j1; l++) AddDeviation(sum, intensity.AsSpan(l * samples, samples), shift, 0);
        double inverse = 1.0 / width;
        for (int i = 0; i < samples; i++) sum[i] *= inverse;
        m2.Clear();
        for (int l = j0; l <= j1; l++) AddDeviation(m2, intensity.AsSpan(l * samples, samples), shift, 1, sum);
        var rows = work.Rows;
        for (int i = 0; i < samples; i++) rows[i] = new Moments(width, shift[i] + sum[i], m2[i]);
        SlidingAggregate.Apply<Moments, Moments>(rows, work.Windows, window.Above, window.Below, work.Prefix, work.Suffix);
        for (int i = 0; i < samples; i++)
        {
            var w = work.Windows[i];
            column[i] = w.Mean * w.Mean * w.Count / w.M2;
        }
    }

    // power 0: total += x - shift; power 1: total += (x - shift - mean)^2.
    private static void AddDeviation(Span<double> total, ReadOnlySpan<double> x, ReadOnlySpan<double> shift, int power, ReadOnlySpan<double> mean = default)
    {
        var t = MemoryMarshal.Cast<double, Vector<double>>(total);
        var v = MemoryMarshal.Cast<double, Vector<double>>(x);
        var s = MemoryMarshal.Cast<double, Vector<double>>(shift);
        if (power == 0)
        {
            for (int k = 0; k < t.Length; k++) t[k] += v[k] - s[k];
            for (int i = t.Length * Vector<double>.Count; i < total.Length; i++) total[i] += x[i] - shift[i];
            return;
        }
        var m = MemoryMarshal.Cast<double, Vector<double>>(mean);
        for (int k = 0; k < t.Length; k++)
        {
            var d = v[k] - s[k] - m[k];
            t[k] += d * d;
        }
        for (int i = t.Length * Vector<double>.Count; i < total.Length; i++)
        {
            double d = x[i] - shift[i] - mean[i];
            total[i] += d * d;
        }
    }
}
