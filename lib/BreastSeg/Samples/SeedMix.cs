namespace BreastSeg.Samples;

/// <summary>Derives independent, reproducible seeds from a run seed and indices (SplitMix64 mixing). HashCode.Combine
/// is not used because .NET randomises it per process.</summary>
public static class SeedMix
{
    /// <summary>A non-negative 31-bit seed from <paramref name="seed"/> and <paramref name="parts"/>.</summary>
    public static int Derive(int seed, params long[] parts)
    {
        ulong h = Mix((ulong)(uint)seed + 0x9E3779B97F4A7C15UL);
        foreach (long p in parts) h = Mix(h ^ (ulong)p);
        return (int)(h >> 33);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
