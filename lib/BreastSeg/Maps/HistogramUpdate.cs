using System.Runtime.CompilerServices;

namespace BreastSeg.Maps;

/// <summary>Whether a running histogram counts its occupied bins (the Miller-Madow correction needs them; the
/// plug-in estimate does not, and skipping the count saves a quarter of each update).</summary>
internal interface IOccupancy
{
    static abstract bool Track { get; }
}

/// <summary>Occupied bins counted.</summary>
internal readonly struct TrackOccupied : IOccupancy
{
    public static bool Track => true;
}

/// <summary>Occupied bins not counted (left at 0).</summary>
internal readonly struct IgnoreOccupied : IOccupancy
{
    public static bool Track => false;
}

/// <summary>
/// One count of a running histogram up or down, keeping S = sum_b c_b log2 c_b in the fixed point of
/// <see cref="EntropyTable"/>: S changes by <see cref="EntropyTable.Step"/>[c] = CLog[c + 1] - CLog[c] (one table load
/// instead of two; integer, so S is the same whatever the order of updates).
/// </summary>
internal static class HistogramUpdate
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(ref int count, ref long step, ref long sum, ref int occupied) where T : IOccupancy
    {
        int c = count;
        if (T.Track) occupied += c == 0 ? 1 : 0;
        sum += Unsafe.Add(ref step, c);
        count = c + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Remove<T>(ref int count, ref long step, ref long sum, ref int occupied) where T : IOccupancy
    {
        int c = count - 1;
        if (T.Track) occupied -= c == 0 ? 1 : 0;
        sum -= Unsafe.Add(ref step, c);
        count = c;
    }
}
