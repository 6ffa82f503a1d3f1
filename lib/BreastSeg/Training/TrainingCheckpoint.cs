using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Models;
using TorchSharp.Modules;
using TorchSharp.PyBridge;

namespace BreastSeg.Training;

/// <summary>
/// State of a training run after a finished epoch: network shape and weights, Adam moments, epoch, best-model
/// bookkeeping, options and history. Written atomically after every epoch, so an interrupted run resumes from the last
/// finished epoch. Shuffling and augmentation draw from seeds derived from (seed, epoch, sample), so no random-generator
/// state needs saving for the resumed run to match an uninterrupted one.
/// </summary>
public sealed record TrainingCheckpoint(
    UNetConfig Config, TrainingOptions Options, int Epoch, int BestEpoch, double BestValidationDice, double BestTrainLoss,
    int EpochsSinceBest, List<EpochReport> History)
{
    /// <summary>File name of the checkpoint inside a run folder.</summary>
    public const string FileName = "checkpoint.bsc";

    /// <summary>The outcome this checkpoint records (<paramref name="resumedFrom"/>: epochs finished before this call).</summary>
    public TrainingResult ToResult(int resumedFrom, bool? stoppedEarly = null) =>
        new(History, BestEpoch, BestValidationDice, stoppedEarly ?? (Options.Patience > 0 && EpochsSinceBest >= Options.Patience), resumedFrom);

    /// <summary>Writes the checkpoint with the network and optimiser state, atomically.</summary>
    public void Save(string path, UNetBase net, OptimizerHelper optimizer)
    {
        using var opt = new MemoryStream();
        optimizer.save_py(opt, leaveOpen: true);
        SectionArchive.Write(path,
        [
            ("checkpoint.json", JsonSerializer.SerializeToUtf8Bytes(this, ExperimentJson.Compact)),
            ("model.pt", ModelFile.WeightsToBytes(net)),
            ("optimizer.pt", opt.ToArray()),
        ]);
    }

    /// <summary>Reads the bookkeeping part of a checkpoint (no tensors).</summary>
    public static TrainingCheckpoint ReadInfo(string path) => ReadInfo(SectionArchive.Read(path, "checkpoint"), path);

    /// <summary>Restores network weights and optimiser state from the checkpoint at <paramref name="path"/>.</summary>
    public static TrainingCheckpoint Restore(string path, UNetBase net, OptimizerHelper optimizer)
    {
        var sections = SectionArchive.Read(path, "checkpoint");
        var info = ReadInfo(sections, path);
        if (info.Config != net.Config)
            throw new BreastSegInputException(path, $"checkpoint is for {info.Config}, this run builds {net.Config}; use a new --out folder");
        ModelFile.WeightsFromBytes(net, SectionArchive.Require(sections, "model.pt", path), path);
        try
        {
            using var ms = new MemoryStream(SectionArchive.Require(sections, "optimizer.pt", path), writable: false);
            optimizer.load_py(ms, leaveOpen: true);
        }
        catch (Exception e) when (e is not BreastSegInputException)
        {
            throw new BreastSegInputException(path, $"optimizer state unreadable: {ModelFile.FirstLine(e.Message)}");
        }
        return info;
    }

    private static TrainingCheckpoint ReadInfo(Dictionary<string, byte[]> sections, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingCheckpoint>(SectionArchive.Require(sections, "checkpoint.json", path), ExperimentJson.Compact)
                   ?? throw new BreastSegInputException(path, "checkpoint description empty");
        }
        catch (JsonException e) { throw new BreastSegInputException(path, $"checkpoint description unreadable: {ModelFile.FirstLine(e.Message)}"); }
    }
}
