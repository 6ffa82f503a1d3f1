using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BreastSeg.Evaluation;
using BreastSeg.Images;
using BreastSeg.IO;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Reproduce;

/// <summary>
/// The study's question on a folder of B-mode images with masks (BUSI or images/ + masks/): one split by case,
/// stratified by class, shared by every model; an attention U-Net per input (B-mode, grey-level entropy of the image
/// and both stacked) with the same tuning budget; evaluation on the same test cases at each image's own size
/// (predictions resampled back before Dice); Dice per class with bootstrap CIs, paired differences, near-duplicate
/// images, and a report beside the published BUSI table (labelled as theirs). Maps are cached per case and every model
/// folder records its experiment identity, so an interrupted run continues and a changed parameter retrains.
/// </summary>
public static class ImageReproducePipeline
{
    /// <summary>Runs (or continues) the image-folder study of <paramref name="config"/> (whose <see cref="ReproduceConfig.Data"/>
    /// is the folder) into <paramref name="outFolder"/>; the map cache lives in <paramref name="dataFolder"/>/cache.</summary>
    public static ImageReproduceResult Run(ReproduceConfig config, string outFolder, string dataFolder, string commandLine,
        IReproduceProgress? progress = null, CancellationToken cancel = default)
    {
        progress ??= SilentProgress.Instance;
        config.Validate();
        if (config.Data is not { } folder || !Directory.Exists(folder))
            throw new BreastSegInputException(config.Data ?? nameof(ReproduceConfig.Data), "no such image folder");
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        var images = ImageSegmentationDataset.Open(folder, config.IncludeNormal);
        foreach (string input in config.Inputs) ModelTraining.Identity(images, config.ExperimentFor(input)); // refuses RF-only maps before any work
        Directory.CreateDirectory(outFolder);
        AtomicFile.WriteAllText(Path.Combine(outFolder, "config.json"), config.ToJson());

        // Maps of every case on the network grid, once per case, kept on disk (keyed by the data fingerprint, the map
        // options the stacked maps depend on and the size).
        var kinds = config.StackedMaps();
        var data = new SampleCache(images, Path.Combine(dataFolder, "cache"), kinds);
        ReproducePipeline.ComputeMaps(data, kinds, config.Experiment, progress, cancel);

        var models = new List<ModelRun>();
        foreach (string input in config.Inputs)
        {
            cancel.ThrowIfCancellationRequested();
            models.Add(ReproducePipeline.TrainAndEvaluate(config, data, config.ExperimentFor(input), Path.Combine(outFolder, "models"), "", progress, cancel));
        }
        var split = models[0].Manifest.Split;
        AtomicFile.WriteAllText(Path.Combine(outFolder, "split.json"), JsonSerializer.Serialize(split, ReproduceConfig.Json));

        var duplicates = FindNearDuplicates(images, split, progress, cancel);
        var result = Summarize(images, models, split, duplicates, config.BootstrapSeed);
        WriteTables(result, outFolder);
        string reportPath = Path.Combine(outFolder, "report.md");
        AtomicFile.WriteAllText(reportPath, ImageReproduceReport.Markdown(result, config, images,
            Path.GetFileName(Path.GetFullPath(outFolder)), commandLine, started, clock.Elapsed));
        return result with { OutFolder = outFolder, ReportPath = reportPath, Duration = clock.Elapsed };
    }

    /// <summary>Per-class summaries and paired differences of evaluated models that share one split.</summary>
    public static ImageReproduceResult Summarize(ImageSegmentationDataset images, IReadOnlyList<ModelRun> models, CaseSplit split,
        IReadOnlyList<NearDuplicatePair> duplicates, int seed)
    {
        string ClassOf(MassResult m) => images.Cases[m.CaseIndex].ClassName;
        var masses = models.Select(m => (Run: m, Masses: MassResults.FromViews(m.Results))).ToList();
        var classes = images.Cases.Select(c => c.ClassName).Where(c => c != ImageCase.Normal).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = classes.Select(c => (Name: c, Includes: (Func<MassResult, bool>)(m => ClassOf(m) == c)))
            .Append((Name: ImageReproduceResult.AllLesions, Includes: m => ClassOf(m) != ImageCase.Normal)).ToList();

        var summaries = new List<ImageClassSummary>();
        var normals = new List<NormalCaseSummary>();
        foreach (var (run, list) in masses)
        {
            foreach (var (name, includes) in groups)
                summaries.Add(new ImageClassSummary(run.Name, name, BootstrapInterval.Summarize("Dice", list.Where(includes).Select(m => m.Dice), seed)));
            var normal = run.Results.Where(r => images.Cases[r.CaseIndex].ClassName == ImageCase.Normal).ToList();
            if (normal.Count > 0)
                normals.Add(new NormalCaseSummary(run.Name, normal.Count, normal.Count(r => r.PredictedAreaMm2 > 0), normal.Average(r => r.PredictedAreaMm2)));
        }

        var differences = new List<ImageModelDifference>();
        for (int i = 0; i < masses.Count; i++)
            for (int j = i + 1; j < masses.Count; j++)
                foreach (var (name, includes) in groups)
                {
                    var a = masses[i].Masses.Where(includes).ToList();
                    var b = masses[j].Masses.Where(includes).ToList();
                    differences.Add(new ImageModelDifference(name, PairedComparisons.Compare(masses[i].Run.Name, a, masses[j].Run.Name, b, seed)));
                }
        var training = models.Select(m => new ImageTrainingSummary(m.Name, m.History.Count, m.History.Where(e => e.IsBest).Select(e => e.Epoch).LastOrDefault(),
            m.History.Where(e => e.IsBest).Select(e => e.ValidationDice).LastOrDefault(double.NaN),
            m.History.Count == 0 ? double.NaN : m.History.Average(e => e.Seconds))).ToList();
        return new ImageReproduceResult("", "", models, summaries, differences, normals, training, duplicates, split, TimeSpan.Zero);
    }

    /// <summary>Pairs of near-duplicate images among the cases taken part (difference hashes within
    /// <see cref="NearDuplicates.DefaultMaxDistance"/> bits), each with the split part of both images.</summary>
    public static List<NearDuplicatePair> FindNearDuplicates(ImageSegmentationDataset images, CaseSplit split, IReproduceProgress progress,
        CancellationToken cancel)
    {
        var task = progress.Begin($"near-duplicate check of {images.Cases.Count} images", images.Cases.Count);
        var hashes = new List<ulong[]>(images.Cases.Count);
        for (int i = 0; i < images.Cases.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            hashes.Add(NearDuplicates.Hash(ImageDecoder.ReadGrey(images.ImageCase(i).ImagePath)));
            task.Report(i + 1);
        }
        task.Complete();
        string PartOf(int i) => split.Train.Contains(i) ? "train" : split.Validation.Contains(i) ? "validation" : split.Test.Contains(i) ? "test" : "none";
        return NearDuplicates.Pairs(hashes).Select(p => new NearDuplicatePair(images.Cases[p.First].Id, images.Cases[p.Second].Id, p.Distance,
            PartOf(p.First), PartOf(p.Second))).ToList();
    }

    private static void WriteTables(ImageReproduceResult result, string outFolder)
    {
        var dice = new StringBuilder("model,class,cases,mean_dice,median_dice,ci95_low,ci95_high\n");
        foreach (var s in result.Summaries)
            dice.Append(CultureInfo.InvariantCulture, $"{s.Model},{s.Class},{s.Dice.N},{s.Dice.Mean:R},{s.Dice.Median:R},{s.Dice.CiLow:R},{s.Dice.CiHigh:R}\n");
        AtomicFile.WriteAllText(Path.Combine(outFolder, "dice-by-class.csv"), dice.ToString());
        var diff = new StringBuilder("class,model_a,model_b,cases,mean_difference,ci95_low,ci95_high,hodges_lehmann,wilcoxon_p\n");
        foreach (var d in result.Differences)
            diff.Append(CultureInfo.InvariantCulture, $"{d.Class},{d.Difference.ModelA},{d.Difference.ModelB},{d.Difference.Masses},{d.Difference.MeanDifference:R},{d.Difference.CiLow:R},{d.Difference.CiHigh:R},{d.Difference.HodgesLehmann:R},{d.Difference.Wilcoxon.PValue:R}\n");
        AtomicFile.WriteAllText(Path.Combine(outFolder, "paired-differences.csv"), diff.ToString());
        var dup = new StringBuilder("first,second,hash_distance,first_part,second_part\n");
        foreach (var p in result.NearDuplicates)
            dup.Append(CultureInfo.InvariantCulture, $"\"{p.First}\",\"{p.Second}\",{p.Distance},{p.FirstPart},{p.SecondPart}\n");
        AtomicFile.WriteAllText(Path.Combine(outFolder, "near-duplicates.csv"), dup.ToString());
    }
}
