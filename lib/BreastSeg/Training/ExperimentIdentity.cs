using System.Text.Json;
using System.Text.Json.Nodes;
using BreastSeg.Samples;

namespace BreastSeg.Training;

/// <summary>
/// What makes two trained models the same: the data fingerprint, the whole <see cref="Experiment"/> (every property,
/// generically through its JSON, map options as far as the input maps use them, see <see cref="MapRelevance"/>) and
/// the cases the split drew. Recorded in every run folder; a run is reused or resumed only when its identity equals the
/// one asked for. Parameters a resumed run can absorb without changing what it computes are left out:
/// <see cref="TrainingOptions.Patience"/> (early stopping only decides when to stop) and the device.
/// </summary>
/// <param name="DataFingerprint"><see cref="ISegmentationDataset.Fingerprint"/> of the data.</param>
/// <param name="Experiment">The experiment.</param>
/// <param name="Split">The split it drew from the data.</param>
public sealed record ExperimentIdentity(string DataFingerprint, Experiment Experiment, CaseSplit Split)
{
    /// <summary>Parameters (paths) that may differ between a run and its continuation.</summary>
    public static IReadOnlyList<string> Resumable { get; } = ["Training.Patience", "Training.Device"];

    /// <summary>The identity as flat (parameter path, value) pairs, the form it is compared and hashed in.</summary>
    public SortedDictionary<string, string> Parameters()
    {
        var experiment = (JsonObject)JsonSerializer.SerializeToNode(Experiment.Canonical(), ExperimentJson.Options)!;
        var maps = (JsonObject)experiment[nameof(Experiment.Maps)]!;
        foreach (string name in MapRelevance.IrrelevantFor(Experiment.MapKinds, Experiment.Maps)) maps.Remove(name);
        var model = (JsonObject)experiment[nameof(Experiment.Model)]!;
        model[nameof(Models.UNetConfig.InChannels)] = Experiment.Network.InChannels;
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Data"] = DataFingerprint };
        Flatten(experiment, "", flat);
        foreach (string path in Resumable) flat.Remove(path);
        flat["Split.Cases"] = $"train {string.Join(",", Split.Train)}; validation {string.Join(",", Split.Validation)}; test {string.Join(",", Split.Test)}";
        return flat;
    }

    /// <summary>A short hash of <see cref="Parameters"/> (16 hex digits of SHA-256), e.g. for folder names.</summary>
    public string Hash => Samples.DataFingerprint.OfText(Parameters().Select(p => p.Key + "=" + p.Value).ToArray())[..16];

    /// <summary>Every parameter in which <paramref name="existing"/> (a run's) differs from this one, in path order.</summary>
    public List<ParameterDifference> DifferencesFrom(ExperimentIdentity existing)
    {
        var now = Parameters();
        var was = existing.Parameters();
        return was.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, Was: was.GetValueOrDefault(k, "(none)"), Now: now.GetValueOrDefault(k, "(none)")))
            .Where(d => d.Was != d.Now)
            .Select(d => new ParameterDifference(d.k, Shorten(d.Was), Shorten(d.Now)))
            .ToList();
    }

    // Split case lists and hashes are long; the parameter name says what changed.
    private static string Shorten(string value) => value.Length > 40 ? value[..37] + "..." : value;

    private static void Flatten(JsonNode? node, string path, IDictionary<string, string> into)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (key, child) in o) Flatten(child, path.Length == 0 ? key : $"{path}.{key}", into);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                into[path] = v.GetValue<string>();
                break;
            default:
                into[path] = node?.ToJsonString(ExperimentJson.Compact) ?? "null";
                break;
        }
    }
}
