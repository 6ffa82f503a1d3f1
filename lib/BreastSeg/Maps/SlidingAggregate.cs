using System.Diagnostics;

namespace BreastSeg.Maps;

/// <summary>An associative combination (pooled moments) for <see cref="SlidingAggregate"/>.</summary>
internal interface ICombine<T>
{
    /// <summary>Aggregate of the elements of <paramref name="first"/> followed by those of <paramref name="second"/>.</summary>
    static abstract T Combine(T first, T second);
}

/// <summary>
/// Sliding-window aggregation along one axis by the van Herk / Gil-Werman block method: the axis is cut into blocks
/// of the window's length; prefix and suffix aggregates inside each block make every window the combination of at most
/// two of them. Three combinations per element whatever the window length, no subtraction (so no cancellation and no
/// dependence on values that already left the window), and clipped windows at both ends come for free.
/// </summary>
internal static class SlidingAggregate
{
    /// <summary>
    /// result[i] = aggregate of values[max(0, i - before) .. min(n - 1, i + after)].
    /// <paramref name="prefix"/> and <paramref name="suffix"/> are scratch of the same length.
    /// </summary>
    public static void Apply<T, TOp>(ReadOnlySpan<T> values, Span<T> result, int before, int after, Span<T> prefix, Span<T> suffix)
        where TOp : ICombine<T>
    {
        int n = values.Length, h = before + after + 1;
        for (int b0 = 0; b0 < n; b0 += h)
        {
            int b1 = Math.Min(n, b0 + h) - 1;
            prefix[b0] = values[b0];
            for (int k = b0 + 1; k <= b1; k++) prefix[k] = TOp.Combine(prefix[k - 1], values[k]);
            suffix[b1] = values[b1];
            for (int k = b1 - 1; k >= b0; k--) suffix[k] = TOp.Combine(values[k], suffix[k + 1]);
        }
        // Starts of the blocks holding the window's first and last element, advanced as the window slides (an integer
        // division per element would cost more than the combinations).
        int sBlock = 0, eBlock = 0;
        for (int i = 0; i < n; i++)
        {
            int s = Math.Max(0, i - before), e = Math.Min(n - 1, i + after);
            while (s >= sBlock + h) sBlock += h;
            while (e >= eBlock + h) eBlock += h;
            if (sBlock != eBlock)
            {
                result[i] = TOp.Combine(suffix[s], prefix[e]);
            }
            else if (s == sBlock)
            {
                result[i] = prefix[e];
            }
            else
            {
                // A window inside one block that does not start at the block's start ends at the block's end: only the
                // last (possibly short) block can hold a window clipped at the bottom.
                Debug.Assert(e == Math.Min(n, sBlock + h) - 1);
                result[i] = suffix[s];
            }
        }
    }
}

/// <summary>
/// Count, mean and sum of squared deviations of a set of values. Pooling uses Chan et al.'s update, which never
/// subtracts large sums, so the variance of a constant set is exactly 0 and bright samples elsewhere cannot leak in.
/// </summary>
internal readonly record struct Moments(int Count, double Mean, double M2) : ICombine<Moments>
{
    public static Moments Combine(Moments a, Moments b)
    {
        int n = a.Count + b.Count;
        double delta = b.Mean - a.Mean;
        return new Moments(n, a.Mean + delta * b.Count / n, a.M2 + b.M2 + delta * delta * ((double)a.Count * b.Count / n));
    }

    /// <summary>Adds one value (Welford).</summary>
    public Moments Add(double x)
    {
        int n = Count + 1;
        double delta = x - Mean, mean = Mean + delta / n;
        return new Moments(n, mean, M2 + delta * (x - mean));
    }
}
