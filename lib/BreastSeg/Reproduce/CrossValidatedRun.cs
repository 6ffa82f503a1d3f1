using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.Samples;

namespace BreastSeg.Reproduce;

/// <summary>A cross-validated or repeated run: the pooled table and the models of its first fold (for the figures).</summary>
/// <param name="Table">Per-mass results pooled over folds and seeds.</param>
/// <param name="FirstFold">The models of the first fold of the first seed.</param>
/// <param name="FirstSeed">That seed.</param>
public sealed record CrossValidatedResult(ResultsTable Table, List<ModelRun> FirstFold, int FirstSeed);

/// <summary>
/// `reproduce --folds K [--seeds a,b,c]`: every input is trained and scored on every fold of k-fold cross-validation by
/// mass (<see cref="CrossValidation.KFold"/>), once per seed (each seed sets the fold partition and the training seed);
/// with <c>--seeds</c> alone the split stays the experiment's and only the training seed changes. Every input gets the
/// same budget under every fold and seed (epochs, early stopping, the threshold chosen on its own validation masses).
/// Each mass's Dice is pooled over the folds that test it and averaged over the seeds (<see cref="CrossValidation.Pool"/>).
/// Each fold's models live in models/seed-S/fold-F/INPUT and are resumed or reused like a single split's.
/// </summary>
public static class CrossValidatedRun
{
    /// <summary>Whether <paramref name="config"/> asks for folds or several seeds.</summary>
    public static bool IsRequested(ReproduceConfig config) => config.Folds >= 2 || config.Seeds.Length > 0;

    /// <summary>Trains and scores every (seed, fold, input) of <paramref name="config"/> on <paramref name="data"/>.</summary>
    public static CrossValidatedResult Run(ReproduceConfig config, ISegmentationDataset data, string modelsFolder, string dataLabel,
        IReproduceProgress progress, CancellationToken cancel)
    {
        int[] seeds = config.Seeds.Length > 0 ? config.Seeds : [config.Experiment.Split.Seed];
        int folds = config.Folds;
        var perInput = config.Inputs.ToDictionary(i => i, _ => new List<(FoldSplit Fold, IReadOnlyList<CaseResult> TestViews)>());
        List<ModelRun>? first = null;
        foreach (int seed in seeds)
            for (int f = 0; f < Math.Max(1, folds); f++)
            {
                var runs = new List<ModelRun>();
                string folder = Path.Combine(modelsFolder, $"seed-{seed}", folds >= 2 ? $"fold-{f + 1}" : "split");
                foreach (string input in config.Inputs)
                {
                    cancel.ThrowIfCancellationRequested();
                    var e = config.ExperimentFor(input);
                    e = e with
                    {
                        Split = folds >= 2 ? e.Split with { Seed = seed, Folds = folds, Fold = f } : e.Split,
                        Training = e.Training with { Seed = seed },
                    };
                    string label = folds >= 2 ? $"seed {seed} fold {f + 1}/{folds} " : $"seed {seed} ";
                    var run = ReproducePipeline.TrainAndEvaluate(config, data, e, folder, label, progress, cancel);
                    perInput[input].Add((new FoldSplit(seed, f, Math.Max(1, folds), run.Manifest.Split), run.Results));
                    runs.Add(run);
                }
                first ??= runs;
            }
        var models = config.Inputs.Select(i => (i, (IReadOnlyList<(FoldSplit, IReadOnlyList<CaseResult>)>)perInput[i])).ToList();
        string? design = folds >= 2 ? null
            : $"one split by mass (split seed {config.Experiment.Split.Seed}), training seeds {string.Join(", ", seeds)} (each mass's Dice averaged over the seeds)";
        var table = ResultTables.BuildPooled(models, dataLabel, config.BootstrapSeed, design: design);
        return new CrossValidatedResult(table, first!, seeds[0]);
    }
}
