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
using BreastSeg.Simulation.Phantom;
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

        // The control cohorts (simulated only): same experiment, masses invisible or visible through one cue. They run
        // before the main cohort is opened, and their cohorts are released before it is, so the run's peak memory is
        // that of the larger cohort, not of both.
        var kinds = config.StackedMaps();
        ControlsTable? controls = null;
        if (config.Controls.Length > 0 && config.Data is not null) notes.Add("controls: not run (they are simulated cohorts; the data were given with --data)");
        else if (config.Controls.Length > 0)
        {
            controls = RunControls(config, dataFolder, outFolder, kinds, progress, cancel);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        // 1. Data.
        var (dataPath, source) = EnsureData(config, dataFolder, progress, cancel);
        var cohort = OasbudSegmentationDataset.Open(dataPath);

        // 2-5. Maps (cached per case), then train (or reuse) and evaluate each model on one split, or on every fold
        // of every seed (CrossValidatedRun); every model draws the same splits of the same cases.
        var mapOptions = config.MapOptions();
        var data = new SampleCache(cohort, Path.Combine(dataFolder, "cache"), kinds);
        ComputeMaps(data, kinds, config.Experiment, progress, cancel);
        var sections = new List<ReportSection>();
        List<ModelRun> models;
        ResultsTable table;
        string dataLabel = source == DataSource.Simulated ? "simulated cohort" : Path.GetFileName(dataPath);
        if (CrossValidatedRun.IsRequested(config))
        {
            var cv = CrossValidatedRun.Run(config, data, Path.Combine(outFolder, "models"), dataLabel, progress, cancel);
            models = cv.FirstFold;
            table = cv.Table;
            notes.Add($"figures show seed {cv.FirstSeed} fold 1 of the cross-validation; the tables pool every fold and seed");
        }
        else
        {
            models = config.Inputs.Select(input => TrainAndEvaluate(config, data, config.ExperimentFor(input), Path.Combine(outFolder, "models"), "", progress, cancel)).ToList();
            table = ResultTables.Build(models, dataLabel, config.BootstrapSeed);
        }
        var split = models[0].Manifest.Split;
        AtomicFile.WriteAllText(Path.Combine(outFolder, "split.json"), JsonSerializer.Serialize(split, ReproduceConfig.Json));
        var testSamples = split.Test.SelectMany(i => data.Samples(i, kinds, mapOptions, config.Experiment.Size)).ToList();
        sections.Add(ThresholdSection(models));

        // The entropy sweep on training and validation cases of the (first) split, saved with the run.
        var sweep = RunSweep.Run(config, cohort.Cohort, split, Path.Combine(outFolder, "sweep"), progress, cancel);
        var frame = cohort.Cohort.GetCase(split.Train.Concat(split.Validation).First()).Views[0].Frame;
        string window = RunSweep.WindowDescription(mapOptions, frame.Acquisition, frame.Lines, source == DataSource.Simulated
            ? (ScannerSettings.Default.PulseCenterFrequencyHz, ScannerSettings.Default.PulseFractionalBandwidth) : null);
        sections.Add(sweep is not null ? RunSweep.Section(sweep, mapOptions, window) : new ReportSection("Entropy window", window));

        // 6. Figures and report.
        cancel.ThrowIfCancellationRequested();
        var figuresTask = progress.Begin("figures", 1);
        var sweepCases = split.Train.Concat(split.Validation).Order().Take(config.SweepCases).ToList();
        var figureInput = ReproduceFigures.Build(config, cohort.Cohort, models, table, testSamples, sweepCases, mapOptions, cancel);
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
            reportData, configuration, table, figures, notes) { Controls = controls, Sections = sections }, reportPath);
        return new ReproduceResult(outFolder, reportPath, table, clock.Elapsed, notes, figureInput, figures);
    }

    /// <summary>The default cohort's file in <paramref name="dataFolder"/>: cohort.mat for the 269-case cohort of
    /// seed 1, a name carrying cases and seed otherwise.</summary>
    public static string DefaultCohortPath(string dataFolder, int cases, long seed) =>
        Path.Combine(dataFolder, cases == 269 && seed == 1 ? "cohort.mat" : $"cohort-n{cases}-s{seed}.mat");

    /// <summary>The file of a control cohort in <paramref name="dataFolder"/> (e.g. cohort-n60-s1-null.mat).</summary>
    public static string ControlCohortPath(string dataFolder, int cases, long seed, MassContrast contrast) =>
        Path.Combine(dataFolder, $"cohort-n{cases}-s{seed}-{ControlCohorts.Name(contrast)}.mat");

    private static ControlsTable RunControls(ReproduceConfig config, string dataFolder, string outFolder, MapKind[] kinds,
        IReproduceProgress progress, CancellationToken cancel)
    {
        var rows = new List<(string Control, IReadOnlyList<(string Input, IReadOnlyList<CaseResult> Views)> Models)>();
        foreach (var contrast in config.Controls)
        {
            cancel.ThrowIfCancellationRequested();
            string name = ControlCohorts.Name(contrast);
            var options = new CohortOptions { Cases = config.ControlCases, Seed = config.CohortSeed, Contrast = contrast };
            string path = EnsureCohort(options, ControlCohortPath(dataFolder, options.Cases, options.Seed, contrast), $"control {name}", progress, cancel);
            var data = new SampleCache(OasbudSegmentationDataset.Open(path), Path.Combine(dataFolder, "cache"), kinds);
            ComputeMaps(data, kinds, config.Experiment, progress, cancel, $"control {name}: ");
            var runs = config.ControlInputs.Select(input => TrainAndEvaluate(config, data, config.ExperimentFor(input),
                Path.Combine(outFolder, "controls", name, "models"), $"control {name} ", progress, cancel)).ToList();
            rows.Add((ControlCohorts.Label(contrast), runs.Select(r => (r.Name, (IReadOnlyList<CaseResult>)r.Results)).ToList()));
        }
        var table = ResultTables.Controls(rows, config.BootstrapSeed) with
        {
            Description = FormattableString.Invariant(
                $"Each control is a cohort of {config.ControlCases} simulated masses (cohort seed {config.CohortSeed}, same simulator, experiment, split rule and threshold choice as the main run), ") +
                $"models: {string.Join(", ", config.ControlInputs.Select(ResultTables.DisplayName))}. " +
                "Null: the mass is the surrounding tissue in every respect (only the mask marks it), so its Dice is what position, size and shape priors alone give. " +
                "Statistics-only: masses differ only in scatterer statistics and have the mean B-mode (log-envelope) of their surroundings. " +
                "Echogenicity-only: masses differ only in brightness (and attenuation, margins), with the surroundings' scatterer statistics. " +
                "A model's Dice on the main cohort is informative only as far as it exceeds the null cohort's.",
        };
        table.Save(Path.Combine(outFolder, "controls", "controls"));
        return table;
    }

    private static ReportSection ThresholdSection(IReadOnlyList<ModelRun> models)
    {
        var sb = new System.Text.StringBuilder();
        var chosen = models.Where(m => m.Threshold is not null).ToList();
        if (chosen.Count == 0) sb.Append("Every model's masks are its probabilities thresholded at the run's fixed threshold (none chosen on validation masses).\n");
        else
        {
            sb.Append("Each model's probability threshold was chosen on its validation masses (never test masses), maximising their mean per-mass Dice");
            sb.Append(chosen[0].Threshold!.LargestComponent ? ", with largest-component post-processing" : "").Append(":\n\n");
            sb.Append("| Model | Threshold | Mean validation Dice there | Validation masses |\n|---|---:|---:|---:|\n");
            foreach (var m in chosen)
                sb.Append(FormattableString.Invariant($"| {ResultTables.DisplayName(m.Name)} | {m.Threshold!.Threshold:0.00} | {m.Threshold.MeanValidationDice:0.000} | {m.Threshold.Masses} |\n"));
        }
        return new ReportSection("Threshold", sb.ToString());
    }

    private static (string Path, DataSource Source) EnsureData(ReproduceConfig config, string dataFolder, IReproduceProgress progress, CancellationToken cancel)
    {
        if (config.Data is { } given)
        {
            bool simulated = File.Exists(CohortSidecar.PathFor(given));
            return (given, simulated ? DataSource.Simulated : Path.GetFileName(given).Contains("OASBUD", StringComparison.OrdinalIgnoreCase) ? DataSource.Oasbud : DataSource.Other);
        }
        var options = new CohortOptions { Cases = config.CohortCases, Seed = config.CohortSeed };
        return (EnsureCohort(options, DefaultCohortPath(dataFolder, config.CohortCases, config.CohortSeed), "the default cohort", progress, cancel), DataSource.Simulated);
    }

    // The cohort file of options at path: reused when its sidecar records exactly these options, otherwise simulated
    // (resuming finished cases).
    private static string EnsureCohort(CohortOptions options, string path, string what, IReproduceProgress progress, CancellationToken cancel)
    {
        IReproduceTask? task = null;
        int done = 0;
        bool simulated = CohortFile.Ensure(options, path, () => task = progress.Begin($"simulating {what} ({options.Cases} cases x 2 views)", options.Cases),
            0, () => task!.Report(Interlocked.Increment(ref done)), n => done = n,
            () => progress.Note($"data: waiting for another process simulating {path}"), cancel);
        if (simulated) task!.Complete();
        else progress.Note($"data: reusing {path}");
        return path;
    }

    internal static void ComputeMaps(SampleCache data, MapKind[] kinds, Experiment experiment, IReproduceProgress progress, CancellationToken cancel,
        string prefix = "")
    {
        var task = progress.Begin($"{prefix}maps ({InputChoice.Format(kinds)}) of {data.Cases.Count} cases", data.Cases.Count);
        for (int i = 0; i < data.Cases.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            data.Samples(i, kinds, experiment.Maps, experiment.Size);
            task.Report(i + 1);
        }
        task.Complete();
        if (data.Misses == 0) progress.Note($"{prefix}maps: reusing {data.FolderFor(experiment.Maps, experiment.Size)}");
    }

    /// <summary>Trains (or reuses) the model of <paramref name="experiment"/> in <paramref name="modelsFolder"/>/INPUT
    /// and scores its test masses, at the threshold chosen on its validation masses when the run asks for it.</summary>
    internal static ModelRun TrainAndEvaluate(ReproduceConfig config, ISegmentationDataset data, Experiment experiment, string modelsFolder,
        string label, IReproduceProgress progress, CancellationToken cancel)
    {
        string name = label + experiment.Input;
        string folder = Path.Combine(modelsFolder, experiment.Input);
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

        var split = trained.Manifest.Split;
        var options = new EvaluationOptions(Threshold: config.Threshold ?? 0.5, LargestComponent: config.LargestComponent);
        ThresholdChoice? choice = null;
        if (config.Threshold is null && split.Validation.Length > 0)
        {
            choice = RunEvaluation.ChooseThreshold(folder, data, split.Validation, options, cancel);
            options = options with { Threshold = choice.Threshold };
            AtomicFile.WriteAllText(Path.Combine(folder, "threshold.json"), JsonSerializer.Serialize(new
            {
                choice.Threshold, choice.MeanValidationDice, choice.Masses, choice.LargestComponent,
                Curve = choice.Curve.Select(c => new { c.Threshold, c.MeanDice }),
            }, ReproduceConfig.Json));
        }
        var results = RunEvaluation.Evaluate(folder, data, split.Test, options, cancel: cancel);
        EvaluationTable.SaveCsv(EvaluationTable.ToFrame(results), Path.Combine(folder, "test-cases.csv"));
        return new ModelRun(experiment.Input, folder, trained.Manifest, trained.Result.History, results) { Threshold = choice };
    }
}

/// <summary>One trained and evaluated model of a reproduce run.</summary>
/// <param name="Name">Input name ("bmode", "entropy", "bmode+entropy", ...).</param>
/// <param name="Folder">Its run folder (a `breastseg train` run folder: `breastseg evaluate --run` works on it).</param>
/// <param name="Manifest">What it was trained on.</param>
/// <param name="History">Per-epoch training report.</param>
/// <param name="Results">Per-view test results.</param>
public sealed record ModelRun(string Name, string Folder, RunManifest Manifest, IReadOnlyList<EpochReport> History, IReadOnlyList<CaseResult> Results)
{
    /// <summary>The threshold chosen on validation masses, or null when the masks are cut at 0.5.</summary>
    public ThresholdChoice? Threshold { get; init; }
}
