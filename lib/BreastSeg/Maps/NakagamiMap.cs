namespace BreastSeg.Maps;

/// <summary>
/// Nakagami m maps by the moment estimator in a sliding window: with I = R^2 (envelope intensity),
/// m = E[I]^2 / Var(I) (population variance, 1/N), Omega = E[I]. m &lt; 1 pre-Rayleigh, 1 Rayleigh, &gt; 1 Rician.
/// A constant window (Var = 0) gives +infinity, an all-zero window NaN, as the formula does.
/// <para>
/// Running sums of I and I^2 would subtract large numbers (a bright reflector leaving the window leaves its rounding
/// error behind). Instead each window row's count, mean and sum of squared deviations are pooled across the window's
/// lines (Welford), then along depth with the van Herk / Gil-Werman block method using Chan's pooling formula, which
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
        return ColumnMapDriver.Run(samples, lines, stride, maxDegreeOfParallelism,
            () => new Work(samples),
            (j, column, work) => Column(envelope, samples, lines, window, j, column, work));
    }

    private sealed class Work(int samples)
    {
        public readonly Moments[] Rows = new Moments[samples], Windows = new Moments[samples];
        public readonly Moments[] Prefix = new Moments[samples], Suffix = new Moments[samples];
    }

    private static void Column(double[] envelope, int samples, int lines, WindowSize window, int j, Span<double> column, Work work)
    {
        int j0 = Math.Max(0, j - window.Left), j1 = Math.Min(lines - 1, j + window.Right);
        var rows = work.Rows;
        for (int i = 0; i < samples; i++)
        {
            var m = default(Moments);
            for (int k = j0 * samples + i; k <= j1 * samples + i; k += samples)
            {
                double r = envelope[k];
                m = m.Add(r * r);
            }
            rows[i] = m;
        }
        SlidingAggregate.Apply<Moments, Moments>(rows, work.Windows, window.Above, window.Below, work.Prefix, work.Suffix);
        for (int i = 0; i < samples; i++)
        {
            var w = work.Windows[i];
            column[i] = w.Mean * w.Mean * w.Count / w.M2;
        }
    }
}
