namespace BreastSeg.Simulation;

/// <summary>Standard normal draws from a <see cref="Random"/>, two per Box-Muller step (for the simulator's hot loops).</summary>
internal sealed class NormalSource(Random rng)
{
    private double spare;
    private bool hasSpare;

    /// <summary>The next standard normal value.</summary>
    public double Next()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        double r = Math.Sqrt(-2 * Math.Log(u1));
        var (s, c) = Math.SinCos(2 * Math.PI * u2);
        spare = r * s;
        hasSpare = true;
        return r * c;
    }
}
