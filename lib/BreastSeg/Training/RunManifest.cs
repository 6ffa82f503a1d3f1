using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Models;

namespace BreastSeg.Training;

/// <summary>
/// What a run folder was trained on and how: data file, input maps, network grid size, network shape, options, the
/// case split and the training-set normalisation. Written (atomically) before the first epoch; evaluation and resumed
/// training read it back, so the test cases and normalisation are exactly those of training.
/// </summary>
/// <param name="DataPath">Cohort file (OASBUD layout), as given.</param>
/// <param name="Input">Input maps in CLI spelling ("bmode", "bmode+entropy", ...).</param>
/// <param name="Size">Network grid size (pixels per side).</param>
/// <param name="Config">Network shape.</param>
/// <param name="Options">Training options.</param>
/// <param name="Split">Case split.</param>
/// <param name="Normalizer">Per-channel normalisation fitted on the training cases.</param>
public sealed record RunManifest(string DataPath, string Input, int Size, UNetConfig Config, TrainingOptions Options, CaseSplit Split, ChannelNormalizer Normalizer)
{
    /// <summary>File name of the manifest inside a run folder.</summary>
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new(TrainingCheckpoint.Json) { WriteIndented = true };

    /// <summary>Writes the manifest into <paramref name="runFolder"/>.</summary>
    public void Save(string runFolder) => AtomicFile.WriteAllText(Path.Combine(runFolder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>Reads the manifest of <paramref name="runFolder"/>.</summary>
    public static RunManifest Load(string runFolder)
    {
        string path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) throw new BreastSegInputException(runFolder, $"not a training run folder ({FileName} missing)");
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Json) ?? throw new BreastSegInputException(path, "empty");
        }
        catch (JsonException e) { throw new BreastSegInputException(path, $"unreadable: {ModelFile.FirstLine(e.Message)}"); }
    }

    /// <summary>Makes <paramref name="runFolder"/> ready for training this manifest: a folder holding the same experiment
    /// is kept (training resumes from its checkpoint); one holding another experiment is cleared, since its
    /// checkpoints belong to other parameters. Then the manifest is saved.</summary>
    public void PrepareFolder(string runFolder)
    {
        if (Directory.Exists(runFolder) && File.Exists(Path.Combine(runFolder, FileName)) && !Load(runFolder).SameExperiment(this))
            Directory.Delete(runFolder, recursive: true);
        Directory.CreateDirectory(runFolder);
        Save(runFolder);
    }

    /// <summary>Whether this manifest describes the same experiment as <paramref name="other"/> (resume check).</summary>
    public bool SameExperiment(RunManifest other) =>
        DataPath == other.DataPath && Input == other.Input && Size == other.Size && Config == other.Config
        && Split.Train.SequenceEqual(other.Split.Train) && Split.Test.SequenceEqual(other.Split.Test) && Split.Validation.SequenceEqual(other.Split.Validation);
}
