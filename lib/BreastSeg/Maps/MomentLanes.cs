using System.Numerics;

namespace BreastSeg.Maps;

/// <summary>
/// <see cref="Moments"/> of several windows at once, one per SIMD lane (counts held as doubles, exact for any window).
/// <see cref="Combine"/> is Chan's pooling written with the same operations in the same order as
/// <see cref="Moments.Combine"/>, so every lane is bit for bit the scalar result.
/// </summary>
internal readonly struct MomentLanes(Vector<double> count, Vector<double> mean, Vector<double> m2) : ICombine<MomentLanes>
{
    public readonly Vector<double> Count = count, Mean = mean, M2 = m2;

    public static MomentLanes Combine(MomentLanes a, MomentLanes b)
    {
        var n = a.Count + b.Count;
        var delta = b.Mean - a.Mean;
        return new MomentLanes(n, a.Mean + delta * b.Count / n, a.M2 + b.M2 + delta * delta * (a.Count * b.Count / n));
    }
}
