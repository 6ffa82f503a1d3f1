using System.Diagnostics;
using System.Text.Json;
using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Models;
using BreastSeg.Rf;
using BreastSeg.Samples;
using BreastSeg.Simulation;
using BreastSeg.Training;

namespace BreastSeg.Reproduce;

/// <summary>Outcome of a reproduce run.</summary>
/// <param name="OutFolder">The results folder.</param>
/// <param name="ReportPath">The Markdown report.</param>
/// <param name="Table">The Dice table (also written as Markdown and CSV).</param>
/// <param name="Duration">Wall time of this invocation.</param>
/// <param name="Notes">One-line notes (for example how to get PNG figures).</param>
/// <param name="FigureInput">The data behind the figures (to redraw any of them, e.g. in a notebook).</param>
/// <param name="Figures">The figures written, in report order.</param>
public sealed record ReproduceResult(string OutFolder, string ReportPath, ResultsTable Table, TimeSpan Duration, IReadOnlyList<string> Notes,
    PaperFiguresInput FigureInput, IReadOnlyList<ReportFigure> Figures);

/// <summary>
/// The study end to end: data (the given file, or the default simulated cohort), maps of every view (cached), one
/// split by case shared by all models, an attention U-Net per input (B-mode, entropy and, beyond the study, both),
/// evaluation on the same test cases, the figures and a report. Maps are cached per case and every model folder records
/// its experiment identity (<see cref="ModelTraining"/>), so an interrupted run continues where it stopped and a changed
/// parameter retrains exactly the models whose identity it changes.
/// </summary>
public static class ReproducePipeline
{
    /// <summary>Runs (or continues) the study into <paramref name="outFolder"/>. The default cohort and the map cache
    /// live in <paramref name="dataFolder"/>.</summary>
    public static ReproduceResult Run(ReproduceConfig config, string outFolder, string dataFolder, string commandLine,
        IReproduceProgress? progress = null, CancellationToken cancel = default)
    {
        progress ??= SilentProgress.Instance;
        config.Validate();
        if (config.Data is { } given && !File.Exists(given)) throw new BreastSegInputException(given, "data file not found");
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        Directory.CreateDirectory(outFolder);
        AtomicFile.WriteAllText(Path.Combine(outFolder, "config.json"), config.ToJson());
        var notes = new List<string>();

        // 1. Data.
        var (dataPath, source) = EnsureData(config, dataFolder, progress, cancel);
        var cohort = OasbudSegmentationDataset.Open(dataPath);

        // 2. Maps of every view on the network grid, one case at a time, kept on disk per case (keyed by the data
        // fingerprint, the map options the stacked maps depend on and the size).
        var mapOptions = config.MapOptions();
        var kinds = config.StackedMaps();
        var data = new SampleCache(cohort, Path.Combine(dataFolder, "cache"), kinds);
        ComputeMaps(data, kinds, config.Experiment, progress, cancel);

        // 3-5. Train (or reuse) and evaluate each model; every model draws the same split of the same cases.
        var models = new List<ModelRun>();
        CaseSplit? split = null;
        foreach (string input in config.Inputs)
        {
            cancel.ThrowIfCancellationRequested();
            var model = TrainAndEvaluate(data, config.ExperimentFor(input), Path.Combine(outFolder, "models"), progress, cancel);
            split ??= model.Manifest.Split;
            models.Add(model);
        }
        AtomicFile.WriteAllText(Path.Combine(outFolder, "split.json"), JsonSerializer.Serialize(split, ReproduceConfig.Json));
        var testSamples = split!.Test.SelectMany(i => data.Samples(i, kinds, mapOptions, config.Experiment.Size)).ToList();

        // 6. Figures and report.
        var table = ResultTables.Build(models, source == DataSource.Simulated ? "simulated cohort" : Path.GetFileName(dataPath), config.BootstrapSeed);
        cancel.ThrowIfCancellationRequested();
        var figuresTask = progress.Begin("figures", 1);
        var figureInput = ReproduceFigures.Build(config, cohort.Cohort, models, table, testSamples, mapOptions, cancel);
        var figures = PaperFigures.Write(figureInput, Path.Combine(outFolder, "figures"));
        figuresTask.Complete();
        foreach (string note in figures.Select(f => f.Files.Note).OfType<string>().Distinct().Take(1))
        {
            notes.Add(note);
            progress.Note(note);
        }

        var configuration = ConfigurationRows.Of(config, ReproduceConfig.Json);
        var reportData = new ReportData(source, dataPath, cohort.Cases.Count, split.Test.Length,
            source == DataSource.Simulated ? "simulated by the kit's RF simulator (breastseg simulate), written in the OASBUD layout" : null);
        string reportPath = Path.Combine(outFolder, "report.md");
        ReportWriter.Write(new ReportInput(Path.GetFileName(Path.GetFullPath(outFolder)), commandLine, started, clock.Elapsed,
            reportData, configuration, table, figures, notes), reportPath);
        return new ReproduceResult(outFolder, reportPath, table, clock.Elapsed, notes, figureInput, figures);
    }

    /// <summary>The default cohort's file in <paramref name="dataFolder"/>: cohort.mat for the 269-case cohort of
    /// seed 1, a name carrying cases and seed otherwise.</summary>
    public static string DefaultCohortPath(string dataFolder, int cases, long seed) =>
        Path.Combine(dataFolder, cases == 269 && seed == 1 ? "cohort.mat" : $"cohort-n{cases}-s{seed}.mat");

    private static (string Path, DataSource Source) EnsureData(ReproduceConfig config, string dataFolder, IReproduceProgress progress, CancellationToken cancel)
    {
        if (config.Data is { } given)
        {
            bool simulated = File.Exists(CohortSidecar.PathFor(given));
            return (given, simulated ? DataSource.Simulated : Path.GetFileName(given).Contains("OASBUD", StringComparison.OrdinalIgnoreCase) ? DataSource.Oasbud : DataSource.Other);
        }
        var options = new CohortOptions { Cases = config.CohortCases, Seed = config.CohortSeed };
        string path = DefaultCohortPath(dataFolder, config.CohortCases, config.CohortSeed);
        if (CohortFile.IsCurrent(path, options))
        {
            progress.Note($"data: reusing {path}");
            return (path, DataSource.Simulated);
        }
        var task = progress.Begin($"simulating the default cohort ({options.Cases} cases x 2 views)", options.Cases);
        int done = 0;
        CohortFile.Generate(options, path, 0, () => task.Report(Interlocked.Increment(ref done)), n => done = n, cancel);
        task.Complete();
        return (path, DataSource.Simulated);
    }

    internal static void ComputeMaps(SampleCache data, MapKind[] kinds, Experiment experiment, IReproduceProgress progress, CancellationToken cancel)
    {
        var task = progress.Begin($"maps ({InputChoice.Format(kinds)}) of {data.Cases.Count} cases", data.Cases.Count);
        for (int i = 0; i < data.Cases.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            data.Samples(i, kinds, experiment.Maps, experiment.Size);
            task.Report(i + 1);
        }
        task.Complete();
        if (data.Misses == 0) progress.Note($"maps: reusing {data.FolderFor(experiment.Maps, experiment.Size)}");
    }

    internal static ModelRun TrainAndEvaluate(ISegmentationDataset data, Experiment experiment, string modelsFolder,
        IReproduceProgress progress, CancellationToken cancel)
    {
        string name = experiment.Input;
        string folder = Path.Combine(modelsFolder, name);
        if (RunManifest.Exists(folder))
        {
            try
            {
                var difference = ModelTraining.Identity(data, experiment).DifferencesFrom(RunManifest.Load(folder).Identity).FirstOrDefault();
                if (difference is not null) progress.Note($"model {name}: retraining ({difference})");
            }
            catch (BreastSegInputException) { progress.Note($"model {name}: retraining (its run folder is of another kit version)"); }
        }
        var task = progress.Begin($"training {name}", experiment.Training.Epochs);
        var trained = ModelTraining.Train(data, experiment, folder, ExistingRun.Replace,
            new InlineProgress<TrainingProgress>(p =>
            {
                if (p.Finished is { } e)
                    task.Report(e.Epoch, $"training {name}: epoch {e.Epoch}/{p.Epochs} loss {e.TrainLoss:F3} val Dice {e.ValidationDice:F3}");
            }), cancel: cancel);
        task.Complete();
        if (trained.Reused) progress.Note($"model {name}: already trained");

        var results = RunEvaluation.Evaluate(folder, data, trained.Manifest.Split.Test, cancel: cancel);
        EvaluationTable.SaveCsv(EvaluationTable.ToFrame(results), Path.Combine(folder, "test-cases.csv"));
        return new ModelRun(name, folder, trained.Manifest, trained.Result.History, results);
    }
}

/// <summary>One trained and evaluated model of a reproduce run.</summary>
/// <param name="Name">Input name ("bmode", "entropy", "bmode+entropy", ...).</param>
/// <param name="Folder">Its run folder (a `breastseg train` run folder: `breastseg evaluate --run` works on it).</param>
/// <param name="Manifest">What it was trained on.</param>
/// <param name="History">Per-epoch training report.</param>
/// <param name="Results">Per-view test results.</param>
public sealed record ModelRun(string Name, string Folder, RunManifest Manifest, IReadOnlyList<EpochReport> History, IReadOnlyList<CaseResult> Results);
