using System.Diagnostics;
using System.Text.Json;
using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Models;
using BreastSeg.Rf;
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
/// evaluation on the same test cases, the figures and a report. Each step records what it was computed from
/// (<see cref="StepLedger"/>), so an interrupted run continues where it stopped and a changed parameter redoes only
/// the steps that depend on it.
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
        var ledger = new StepLedger(outFolder);
        var notes = new List<string>();

        // 1. Data.
        var (dataPath, source) = EnsureData(config, dataFolder, progress, cancel);
        var dataset = OasbudFile.Open(dataPath);

        // 2. Maps of every view on the network grid (cached per data file, map parameters and size).
        var mapOptions = config.MapOptions();
        var kinds = config.StackedMaps();
        string samplesKey = StepLedger.Key(StepLedger.FileKey(dataPath), config.Size, string.Join("+", kinds),
            config.DynamicRangeDb, config.EntropyWindowPulseLengths, config.EntropyBins, config.EntropyNormalization);
        var samples = LoadOrComputeSamples(dataset, kinds, config.Size, mapOptions,
            Path.Combine(dataFolder, "cache", $"samples-{samplesKey}.bin"), progress, cancel);

        // 3. One split by case, shared by every model.
        var split = CaseSplit.Stratified(CohortTensors.Cases(samples), config.Seed);
        AtomicFile.WriteAllText(Path.Combine(outFolder, "split.json"), JsonSerializer.Serialize(split, ReproduceConfig.Json));
        var testSamples = CohortTensors.Select(samples, split.Test);

        // 4-5. Train and evaluate each model.
        var models = new List<ModelRun>();
        foreach (string input in config.Inputs)
        {
            cancel.ThrowIfCancellationRequested();
            var modelSamples = SampleCache.SelectChannels(samples, config.ChannelsOf(input));
            models.Add(TrainAndEvaluate(config, InputChoice.Format(InputChoice.Parse(input, "--inputs")), dataPath, modelSamples, split, samplesKey,
                outFolder, ledger, progress, cancel));
        }

        // 6. Figures and report.
        var table = ResultTables.Build(models, source == DataSource.Simulated ? "simulated cohort" : Path.GetFileName(dataPath), config.Seed);
        cancel.ThrowIfCancellationRequested();
        var figuresTask = progress.Begin("figures", 1);
        var figureInput = ReproduceFigures.Build(config, dataset, models, table, testSamples, mapOptions, cancel);
        var figures = PaperFigures.Write(figureInput, Path.Combine(outFolder, "figures"));
        figuresTask.Complete();
        foreach (string note in figures.Select(f => f.Files.Note).OfType<string>().Distinct().Take(1))
        {
            notes.Add(note);
            progress.Note(note);
        }

        var configuration = JsonSerializer.SerializeToElement(config, ReproduceConfig.Json).EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.Array
                ? string.Join(", ", p.Value.EnumerateArray().Select(v => v.ToString())) : p.Value.ToString())).ToList();
        var reportData = new ReportData(source, dataPath, dataset.Count, split.Test.Length,
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

    private static List<SegmentationSample> LoadOrComputeSamples(OasbudDataset dataset, MapKind[] kinds, int size, MapOptions options,
        string cachePath, IReproduceProgress progress, CancellationToken cancel)
    {
        if (SampleCache.Load(cachePath, dataset) is { } cached)
        {
            progress.Note($"maps: reusing {cachePath}");
            return cached;
        }
        var task = progress.Begin($"maps ({InputChoice.Format(kinds)}) of {dataset.Count} cases", dataset.Count);
        var samples = CohortTensors.FromDataset(dataset, kinds, size, options, new InlineProgress<int>(n => task.Report(n)), cancel);
        SampleCache.Save(cachePath, samples);
        task.Complete();
        return samples;
    }

    private static ModelRun TrainAndEvaluate(ReproduceConfig config, string input, string dataPath, List<SegmentationSample> samples,
        CaseSplit split, string samplesKey, string outFolder, StepLedger ledger, IReproduceProgress progress, CancellationToken cancel)
    {
        string name = input;
        string folder = Path.Combine(outFolder, "models", name);
        var train = CohortTensors.Select(samples, split.Train);
        var validation = CohortTensors.Select(samples, split.Validation);
        var test = CohortTensors.Select(samples, split.Test);
        var netConfig = new UNetConfig(UNetFactory.ParseArchitecture(config.Architecture), InputChoice.Parse(input).Length, 1, config.BaseFilters);
        var options = new TrainingOptions(Epochs: config.Epochs, BatchSize: config.Batch, LearningRate: config.LearningRate,
            Patience: config.Patience, Seed: config.Seed, Deterministic: config.Deterministic);
        var manifest = new RunManifest(dataPath, input, config.Size, netConfig, options, split, ChannelNormalizer.Fit(train));
        string key = StepLedger.Key(samplesKey, input, JsonSerializer.Serialize(manifest.Config), JsonSerializer.Serialize(options),
            string.Join(",", split.Train), string.Join(",", split.Test));
        string historyPath = Path.Combine(folder, "history.json");
        List<EpochReport> history;
        if (ledger.IsDone("train-" + name, key) && File.Exists(historyPath))
        {
            progress.Note($"model {name}: already trained");
            history = JsonSerializer.Deserialize<List<EpochReport>>(File.ReadAllText(historyPath)) ?? [];
        }
        else
        {
            manifest.PrepareFolder(folder);
            var task = progress.Begin($"training {name}", config.Epochs);
            var result = Trainer.Train(train, validation, manifest.Normalizer, netConfig, options, folder,
                new InlineProgress<TrainingProgress>(p =>
                {
                    if (p.Finished is { } e)
                        task.Report(e.Epoch, $"training {name}: epoch {e.Epoch}/{p.Epochs} loss {e.TrainLoss:F3} val Dice {e.ValidationDice:F3}");
                }), cancel);
            task.Complete();
            history = result.History.ToList();
            AtomicFile.WriteAllText(historyPath, JsonSerializer.Serialize(history));
            ledger.MarkDone("train-" + name, key);
        }

        string csvPath = Path.Combine(folder, "test-cases.csv");
        using var net = ModelFile.Load(Path.Combine(folder, Trainer.BestModelFileName));
        var results = SegmentationEvaluator.Evaluate(net, test, manifest.Normalizer);
        EvaluationTable.SaveCsv(EvaluationTable.ToFrame(results), csvPath);
        return new ModelRun(name, folder, manifest, history, results);
    }
}

/// <summary>One trained and evaluated model of a reproduce run.</summary>
/// <param name="Name">Input name ("bmode", "entropy", "bmode+entropy", ...).</param>
/// <param name="Folder">Its run folder (a `breastseg train` run folder: `breastseg evaluate --run` works on it).</param>
/// <param name="Manifest">What it was trained on.</param>
/// <param name="History">Per-epoch training report.</param>
/// <param name="Results">Per-view test results.</param>
public sealed record ModelRun(string Name, string Folder, RunManifest Manifest, IReadOnlyList<EpochReport> History, IReadOnlyList<CaseResult> Results);
