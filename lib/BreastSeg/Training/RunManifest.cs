using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Samples;

namespace BreastSeg.Training;

/// <summary>
/// What a run folder was trained on and how: the experiment identity (data fingerprint, experiment, split), where the
/// data was, and the training-set normalisation. Written (atomically) before the first epoch; resumed training,
/// evaluation and prediction read it back, so the maps, test cases and normalisation are exactly those of training.
/// </summary>
/// <param name="Identity">The experiment identity.</param>
/// <param name="DataLocation">Where the data was read from (a path, as given); not part of the identity.</param>
/// <param name="Normalizer">Per-channel normalisation fitted on the training cases.</param>
public sealed record RunManifest(ExperimentIdentity Identity, string DataLocation, ChannelNormalizer Normalizer)
{
    /// <summary>File name of the manifest inside a run folder.</summary>
    public const string FileName = "run.json";

    /// <summary>Version of the manifest layout; manifests of another version are not this kit's runs.</summary>
    public int Format { get; init; } = CurrentFormat;

    private const int CurrentFormat = 2;

    /// <summary>The experiment.</summary>
    public Experiment Experiment => Identity.Experiment;

    /// <summary>The case split.</summary>
    public CaseSplit Split => Identity.Split;

    /// <summary>Writes the manifest into <paramref name="runFolder"/> (atomically).</summary>
    public void Save(string runFolder) =>
        AtomicFile.WriteAllText(Path.Combine(runFolder, FileName), JsonSerializer.Serialize(this, ExperimentJson.Options));

    /// <summary>Whether <paramref name="runFolder"/> holds a manifest file.</summary>
    public static bool Exists(string runFolder) => File.Exists(Path.Combine(runFolder, FileName));

    /// <summary>Reads the manifest of <paramref name="runFolder"/>.</summary>
    public static RunManifest Load(string runFolder)
    {
        string path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) throw new BreastSegInputException(runFolder, $"not a training run folder ({FileName} missing)");
        RunManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), ExperimentJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or BreastSegInputException)
        {
            throw new BreastSegInputException(path, $"unreadable run description (written by another version of the kit?): {e.Message.Split('\n')[0]}");
        }
        if (manifest?.Identity?.Experiment is null || manifest.Format != CurrentFormat)
            throw new BreastSegInputException(path, $"run description of another layout (format {manifest?.Format}, this kit writes {CurrentFormat}); train into a new folder");
        return manifest;
    }
}
