using BreastSeg.Maps;

namespace BreastSeg.Training;

/// <summary>
/// Which <see cref="MapOptions"/> properties a map does NOT depend on, so that, for example, a changed entropy bin count
/// retrains the entropy models but not the B-mode model. Everything not listed here counts for every map, so a new
/// option is part of every identity until it is listed (a needless retrain, never a stale model).
/// </summary>
public static class MapRelevance
{
    // Execution settings that never change the numbers (results do not depend on the thread count).
    private static readonly string[] NeverRelevant = [nameof(MapOptions.MaxDegreeOfParallelism)];

    // Options used only by the windowed maps or only by one of them.
    private static readonly string[] EntropyOnly =
        [nameof(MapOptions.Window), nameof(MapOptions.Bins), nameof(MapOptions.Normalization), nameof(MapOptions.LogCompressed)];
    private static readonly string[] WindowedOnly = [nameof(MapOptions.Stride), nameof(MapOptions.PulseLevelDb)];
    private static readonly string[] NakagamiOnly = [nameof(MapOptions.NakagamiWindow)];

    /// <summary>The option names (property names of <see cref="MapOptions"/>) that none of <paramref name="maps"/> depends on.</summary>
    public static IReadOnlySet<string> IrrelevantFor(IReadOnlyCollection<MapKind> maps, MapOptions options)
    {
        var irrelevant = new HashSet<string>(NeverRelevant);
        var perMap = maps.Select(m => Irrelevant(m, options).ToHashSet()).ToList();
        if (perMap.Count > 0)
            foreach (string name in perMap[0])
                if (perMap.All(s => s.Contains(name))) irrelevant.Add(name);
        return irrelevant;
    }

    private static IEnumerable<string> Irrelevant(MapKind map, MapOptions options) => map switch
    {
        MapKind.Envelope => [.. EntropyOnly, .. WindowedOnly, .. NakagamiOnly, nameof(MapOptions.DynamicRangeDb)],
        MapKind.BMode => [.. EntropyOnly, .. WindowedOnly, .. NakagamiOnly],
        MapKind.Entropy => options.LogCompressed ? NakagamiOnly : [.. NakagamiOnly, nameof(MapOptions.DynamicRangeDb)],
        MapKind.Nakagami => [.. EntropyOnly, nameof(MapOptions.DynamicRangeDb)],
        _ => [],
    };

    /// <summary>The options <paramref name="maps"/> depend on, as one line of JSON (a cache or identity key).</summary>
    public static string Key(IReadOnlyCollection<MapKind> maps, MapOptions options)
    {
        var node = (System.Text.Json.Nodes.JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(options, ExperimentJson.Compact)!;
        foreach (string name in IrrelevantFor(maps, options)) node.Remove(name);
        return node.ToJsonString(ExperimentJson.Compact);
    }
}
