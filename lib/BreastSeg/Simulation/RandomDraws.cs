namespace BreastSeg.Simulation;

/// <summary>Distributions drawn from a <see cref="Random"/> (deterministic for a given seed).</summary>
public static class RandomDraws
{
    /// <summary>Standard normal (Box-Muller; one value per call, so the stream does not depend on call parity).</summary>
    public static double Normal(this Random r)
    {
        double u1 = 1 - r.NextDouble(), u2 = r.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Normal with mean and standard deviation.</summary>
    public static double Normal(this Random r, double mean, double sd) => mean + sd * r.Normal();

    /// <summary>Uniform in [lo, hi).</summary>
    public static double Uniform(this Random r, double lo, double hi) => lo + (hi - lo) * r.NextDouble();

    /// <summary>Log-normal with the given median and log-space standard deviation, clipped to [lo, hi].</summary>
    public static double LogNormal(this Random r, double median, double sigmaLog, double lo, double hi) =>
        Math.Clamp(median * Math.Exp(sigmaLog * r.Normal()), lo, hi);

    /// <summary>Poisson count of mean m, given <paramref name="expMinusMean"/> = e^-m (Knuth; for small means).</summary>
    public static int PoissonFromExp(this Random r, double expMinusMean)
    {
        int k = 0;
        double p = r.NextDouble();
        while (p > expMinusMean) { k++; p *= r.NextDouble(); }
        return k;
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    /// <summary>Index drawn from unnormalised weights.</summary>
    public static int Pick(this Random r, IReadOnlyList<double> weights)
    {
        double total = weights.Sum(), u = r.NextDouble() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>A uniformly random unit vector in 3-D.</summary>
    public static (double X, double Y, double Z) UnitVector(this Random r)
    {
        double z = r.Uniform(-1, 1), phi = r.Uniform(0, 2 * Math.PI), s = Math.Sqrt(1 - z * z);
        return (s * Math.Cos(phi), s * Math.Sin(phi), z);
    }
}
