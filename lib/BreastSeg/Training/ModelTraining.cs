using BreastSeg.IO;
using BreastSeg.Samples;

namespace BreastSeg.Training;

/// <summary>
/// The one way the kit trains a model, used by `breastseg train`, `breastseg reproduce` and the notebooks: split the
/// data set's cases, build the training and validation samples with the experiment's maps, fit the normalisation on the
/// training cases, and train into a run folder that records the experiment identity. A folder holding the same
/// experiment is continued (from its last checkpoint) or, when finished, reused without training; one holding another
/// experiment is refused or replaced (<see cref="ExistingRun"/>).
/// </summary>
public static class ModelTraining
{
    /// <summary>The identity <paramref name="experiment"/> has on <paramref name="data"/> (validates the experiment).</summary>
    public static ExperimentIdentity Identity(ISegmentationDataset data, Experiment experiment)
    {
        experiment = experiment.Canonical();
        experiment.Validate();
        foreach (var map in experiment.MapKinds)
            if (!data.AvailableMaps.Contains(map))
                throw new BreastSegInputException(nameof(Experiment.Input), $"{data.Location} provides {InputChoice.Format(data.AvailableMaps)} maps, not {InputChoice.Format([map])}");
        return new ExperimentIdentity(data.Fingerprint, experiment, experiment.Split.Apply(data.Cases));
    }

    /// <summary>
    /// Trains (or continues, or reuses) <paramref name="experiment"/> on <paramref name="data"/> in
    /// <paramref name="runFolder"/>. Cancellation stops at the next batch with finished epochs kept
    /// (<see cref="OperationCanceledException"/>).
    /// </summary>
    /// <param name="data">The data set.</param>
    /// <param name="experiment">What to train.</param>
    /// <param name="runFolder">The run folder (created).</param>
    /// <param name="ifDifferent">What to do when the folder holds another experiment.</param>
    /// <param name="progress">Per batch and epoch.</param>
    /// <param name="casesDone">Cases whose samples are built, while building them.</param>
    /// <param name="cancel">Stops between batches and between cases.</param>
    public static TrainedModel Train(ISegmentationDataset data, Experiment experiment, string runFolder,
        ExistingRun ifDifferent = ExistingRun.Refuse, IProgress<TrainingProgress>? progress = null, IProgress<int>? casesDone = null,
        CancellationToken cancel = default)
    {
        var identity = Identity(data, experiment);
        experiment = identity.Experiment;
        PrepareFolder(runFolder, identity, ifDifferent);

        string checkpoint = Path.Combine(runFolder, TrainingCheckpoint.FileName);
        string best = Path.Combine(runFolder, Trainer.BestModelFileName);
        if (RunManifest.Exists(runFolder) && File.Exists(checkpoint) && File.Exists(best))
        {
            var info = TrainingCheckpoint.ReadInfo(checkpoint);
            if (Finished(info, experiment.Training))
                return new TrainedModel(runFolder, RunManifest.Load(runFolder), info.ToResult(resumedFrom: info.Epoch), Reused: true);
        }

        var split = identity.Split;
        // Training sees only the network grid: the RF-grid masks (a megabyte per OASBUD view) are dropped as the cases
        // are built, so the training set's memory is that of the network-size inputs and targets.
        var train = Build(data, split.Train, experiment, casesDone, 0, cancel, keepGridMasks: false);
        var validation = Build(data, split.Validation, experiment, casesDone, split.Train.Length, cancel, keepGridMasks: false);
        var manifest = new RunManifest(identity, data.Location, ChannelNormalizer.Fit(train));
        manifest.Save(runFolder);
        var result = Trainer.Train(train, validation, manifest.Normalizer, experiment.Network, experiment.Training, runFolder, progress, cancel);
        return new TrainedModel(runFolder, manifest, result, Reused: false);
    }

    /// <summary>The samples of <paramref name="caseIndices"/> built with the experiment's maps and size.</summary>
    /// <remarks>keepGridMasks = false drops each sample's RF-grid mask (<see cref="SegmentationSample.WithoutGridMask"/>),
    /// for uses that need only the network grid.</remarks>
    public static List<SegmentationSample> Build(ISegmentationDataset data, IEnumerable<int> caseIndices, Experiment experiment,
        IProgress<int>? casesDone = null, int doneBefore = 0, CancellationToken cancel = default, bool keepGridMasks = true)
    {
        var samples = new List<SegmentationSample>();
        int done = doneBefore;
        foreach (int i in caseIndices)
        {
            cancel.ThrowIfCancellationRequested();
            var built = data.Samples(i, experiment.MapKinds, experiment.Maps, experiment.Size);
            samples.AddRange(keepGridMasks ? built : built.Select(s => s.WithoutGridMask()));
            casesDone?.Report(++done);
        }
        return samples;
    }

    // Finished: the last epoch is done, or early stopping fired under the patience asked for now.
    private static bool Finished(TrainingCheckpoint info, TrainingOptions options) =>
        info.Epoch >= options.Epochs || (options.Patience > 0 && info.EpochsSinceBest >= options.Patience);

    /// <summary>Makes <paramref name="runFolder"/> ready for <paramref name="identity"/>: kept when it holds the same
    /// experiment, refused or cleared when it holds another, created when missing.</summary>
    public static void PrepareFolder(string runFolder, ExperimentIdentity identity, ExistingRun ifDifferent)
    {
        if (Directory.Exists(runFolder) && Directory.EnumerateFileSystemEntries(runFolder).Any())
        {
            ParameterDifference? difference;
            if (RunManifest.Exists(runFolder))
            {
                try { difference = identity.DifferencesFrom(RunManifest.Load(runFolder).Identity).FirstOrDefault(); }
                catch (BreastSegInputException e) { difference = new ParameterDifference("run.json", e.Problem, "this kit's layout"); }
            }
            else if (File.Exists(Path.Combine(runFolder, TrainingCheckpoint.FileName)))
                difference = new ParameterDifference(RunManifest.FileName, "(missing)", "present");
            else difference = null; // a folder of other files: training adds its own
            if (difference is not null)
            {
                if (ifDifferent == ExistingRun.Refuse) throw new ExperimentMismatchException(runFolder, difference);
                Directory.Delete(runFolder, recursive: true);
            }
        }
        Directory.CreateDirectory(runFolder);
    }
}
