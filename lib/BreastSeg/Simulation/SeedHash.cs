namespace BreastSeg.Simulation;

/// <summary>
/// Per-item seeds from a master seed (SplitMix64 finaliser), so a case's random numbers depend only on
/// (seed, case index, stream) and never on which thread ran it or in what order.
/// </summary>
public static class SeedHash
{
    /// <summary>SplitMix64 mix of a 64-bit value.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A 31-bit seed for <see cref="Random"/> from a master seed and a path of indices.</summary>
    public static int Derive(long seed, params long[] path)
    {
        ulong h = Mix((ulong)seed);
        foreach (long p in path) h = Mix(h ^ Mix((ulong)p + 0x632BE59BD9B4E019UL));
        return (int)(h & 0x7FFFFFFF);
    }
}
