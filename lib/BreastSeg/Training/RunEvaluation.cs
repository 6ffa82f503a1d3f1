using BreastSeg.Evaluation;
using BreastSeg.IO;
using BreastSeg.Models;
using BreastSeg.Samples;

namespace BreastSeg.Training;

/// <summary>
/// Scores and applies a trained run on data, always with the maps, grid size and normalisation the run was trained on
/// (its <see cref="RunManifest"/>), one case at a time (memory bounded by one case).
/// </summary>
public static class RunEvaluation
{
    /// <summary>
    /// Per-view results of the run in <paramref name="runFolder"/> on the cases <paramref name="caseIndices"/> of
    /// <paramref name="data"/>, which must be the data the run was trained on (same fingerprint).
    /// </summary>
    public static List<CaseResult> Evaluate(string runFolder, ISegmentationDataset data, IEnumerable<int> caseIndices,
        EvaluationOptions? options = null, IProgress<int>? casesDone = null, CancellationToken cancel = default)
    {
        var manifest = RunManifest.Load(runFolder);
        if (data.Fingerprint != manifest.Identity.DataFingerprint)
            throw new ExperimentMismatchException(runFolder, new ParameterDifference("Data", $"{manifest.DataLocation} ({manifest.Identity.DataFingerprint[..12]})", $"{data.Location} ({data.Fingerprint[..12]})"));
        return EvaluateOn(runFolder, data, caseIndices, options, casesDone, cancel);
    }

    /// <summary>
    /// Per-view results of the run in <paramref name="runFolder"/> on cases of any data set (for example every case of
    /// another image folder): the run's maps, grid size and normalisation; no check that it is the training data.
    /// </summary>
    public static List<CaseResult> EvaluateOn(string runFolder, ISegmentationDataset data, IEnumerable<int> caseIndices,
        EvaluationOptions? options = null, IProgress<int>? casesDone = null, CancellationToken cancel = default)
    {
        var manifest = RunManifest.Load(runFolder);
        using var net = LoadBest(runFolder);
        var results = new List<CaseResult>();
        int done = 0;
        foreach (int i in caseIndices)
        {
            cancel.ThrowIfCancellationRequested();
            var samples = data.Samples(i, manifest.Experiment.MapKinds, manifest.Experiment.Maps, manifest.Experiment.Size);
            results.AddRange(SegmentationEvaluator.Evaluate(net, samples, manifest.Normalizer, options));
            casesDone?.Report(++done);
        }
        return results;
    }

    /// <summary>
    /// The probability threshold that maximises the mean per-mass Dice of the run in <paramref name="runFolder"/> on the
    /// cases <paramref name="validationCases"/> of <paramref name="data"/> (its validation masses, never test masses),
    /// with the post-processing of <paramref name="options"/>; the run's maps, grid size and normalisation.
    /// </summary>
    public static ThresholdChoice ChooseThreshold(string runFolder, ISegmentationDataset data, IEnumerable<int> validationCases,
        EvaluationOptions options, CancellationToken cancel = default)
    {
        var manifest = RunManifest.Load(runFolder);
        using var net = LoadBest(runFolder);
        return ValidatedEvaluation.ChooseThreshold(net, manifest.Normalizer,
            ModelTraining.Build(data, validationCases, manifest.Experiment, cancel: cancel), options);
    }

    /// <summary>Per-view results on one split ("train", "validation" or "test") of the run's own data.</summary>
    public static List<CaseResult> Evaluate(string runFolder, string split, EvaluationOptions? options = null,
        Func<string, ISegmentationDataset>? open = null, IProgress<int>? casesDone = null, CancellationToken cancel = default)
    {
        var manifest = RunManifest.Load(runFolder);
        var data = open is null ? SegmentationDatasets.OpenAs(manifest.DataLocation, manifest.Identity.DataFingerprint) : open(manifest.DataLocation);
        return Evaluate(runFolder, data, manifest.Split.Get(split), options, casesDone, cancel);
    }

    /// <summary>Lesion probabilities of every view of case <paramref name="caseIndex"/> of any data set with the maps the
    /// run was trained on, on each view's own grid (column-major samples x lines).</summary>
    public static List<(SegmentationSample Sample, double[] Probability)> Predict(UNetBase net, RunManifest manifest, ISegmentationDataset data, int caseIndex)
    {
        var e = manifest.Experiment;
        var samples = data.Samples(caseIndex, e.MapKinds, e.Maps, e.Size);
        var probabilities = SegmentationPredictor.Probabilities(net, samples.Select(manifest.Normalizer.Apply).ToList(), e.Size);
        return samples.Select((s, v) => (s, GridResampler.BilinearToGrid(probabilities[v], e.Size, e.Size, s.GridMask.Samples, s.GridMask.Lines))).ToList();
    }

    /// <summary>The best model of a run folder.</summary>
    public static UNetBase LoadBest(string runFolder)
    {
        string path = Path.Combine(runFolder, Trainer.BestModelFileName);
        if (!File.Exists(path)) throw new BreastSegInputException(runFolder, "no best model yet (train at least one epoch)");
        return ModelFile.Load(path);
    }
}
