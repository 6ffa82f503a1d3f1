using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>Computes maps of an RF frame.</summary>
public static class ParametricMaps
{
    /// <summary>Computes the requested maps of <paramref name="frame"/>.</summary>
    public static MapSet Compute(RfFrame frame, MapOptions options, params MapKind[] kinds) => throw new NotImplementedException();
}
