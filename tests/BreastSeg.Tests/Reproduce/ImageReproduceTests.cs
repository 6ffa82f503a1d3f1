using System.Globalization;
using System.Text.Json;
using BreastSeg.Evaluation;
using BreastSeg.Images;
using BreastSeg.Reproduce;
using BreastSeg.Samples;
using BreastSeg.Tests.Images;
using BreastSeg.Torch;
using BreastSeg.Training;
using RealDataFolders = BreastSeg.Tests.RealData.RealData;

namespace BreastSeg.Tests.Reproduce;

/// <summary>Splits of image folders: by case, stratified by class, the normal class kept as a class of its own.</summary>
public class ImageSplitTests
{
    [Fact]
    public void CasesWithoutAClassNameSplitExactlyAsTheBenignMalignantPairsDo()
    {
        var pairs = Enumerable.Range(0, 97).Select(i => (i, i % 3 == 0)).ToList();
        var cases = pairs.Select(p => new DatasetCase(p.i, $"c{p.i}", p.Item2)).ToList();
        foreach (int seed in new[] { 1, 5 })
        {
            var a = CaseSplit.Stratified(pairs, seed, 0.3, 0.1);
            var b = new SplitOptions(seed, 0.3, 0.1).Apply(cases);
            Assert.Equal(a.Train, b.Train);
            Assert.Equal(a.Validation, b.Validation);
            Assert.Equal(a.Test, b.Test);
        }
    }

    [Fact]
    public void NormalCasesAreAClassOfTheirOwnInEveryPart()
    {
        var rng = new Random(3);
        // 40 benign, 20 malignant, 30 normal, shuffled in index order.
        var classes = Enumerable.Repeat("benign", 40).Concat(Enumerable.Repeat("malignant", 20)).Concat(Enumerable.Repeat("normal", 30)).ToArray();
        rng.Shuffle(classes);
        var cases = classes.Select((c, i) => new DatasetCase(i, $"{c} ({i})", c == "malignant", c)).ToList();
        var split = new SplitOptions(7, 0.3, 0.1).Apply(cases);
        int Count(int[] part, string c) => part.Count(i => classes[i] == c);
        // round(N x 0.3) per class: 12 benign, 6 malignant, 9 normal in test; every case once.
        Assert.Equal((12, 6, 9), (Count(split.Test, "benign"), Count(split.Test, "malignant"), Count(split.Test, "normal")));
        Assert.Equal(3, Count(split.Validation, "normal"));
        Assert.Equal(Enumerable.Range(0, 90), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        // The lesion cases split as they do without the normal class.
        var lesions = cases.Where(c => c.Class != "normal").ToList();
        var alone = CaseSplit.Stratified(lesions.Select(c => (c.Index, c.Malignant)).ToList(), 7, 0.3, 0.1);
        Assert.Equal(alone.Test, split.Test.Where(i => classes[i] != "normal"));
        // Seeded: the same seed gives the same split, another seed another.
        Assert.Equal(split.Test, new SplitOptions(7, 0.3, 0.1).Apply(cases).Test);
        Assert.NotEqual(split.Test, new SplitOptions(8, 0.3, 0.1).Apply(cases).Test);
    }

    [Fact]
    public void AnImageFolderKeepsItsClassesThroughTheDataSet()
    {
        string dir = Directory.CreateTempSubdirectory("breastseg-imagesplit-").FullName;
        try
        {
            ImageTrainCliTests.WriteLesions(dir, 5, 4, 3, seed: 4);
            var lesions = ImageSegmentationDataset.Open(dir);
            Assert.Equal(["benign", "malignant"], lesions.Cases.Select(c => c.ClassName).Distinct());
            var all = ImageSegmentationDataset.Open(dir, includeNormal: true);
            Assert.Equal(3, all.Cases.Count(c => c.ClassName == "normal"));
            Assert.NotEqual(lesions.Fingerprint, all.Fingerprint);
            var split = new SplitOptions(1, 0.34, 0).Apply(all.Cases);
            Assert.Equal(1, split.Test.Count(i => all.Cases[i].ClassName == "normal"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}

/// <summary>`reproduce --data DIR` and `train --data DIR` on small synthetic image folders (tiny model, 1-2 epochs).</summary>
[Collection(SerialTorchCollection.Name)]
public sealed class ImageReproduceCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-imagereproduce-").FullName;

    public ImageReproduceCliTests() => TorchRuntime.EnsureLoaded();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Reproduce end to end, then re-runs that must reuse what did not change and retrain what did.</summary>
    [Fact]
    public void TrainsThreeInputsOnOneSplitReportsPerClassAndResumes()
    {
        string data = Path.Combine(_dir, "busi"), output = Path.Combine(_dir, "out"), cache = Path.Combine(_dir, "data");
        ImageTrainCliTests.WriteLesions(data, 10, 10, 3, seed: 5);
        string[] args = ["reproduce", "--data", data, "--preset", "tiny", "--window", "5x5", "--test-fraction", "0.3", "--out", output, "--data-folder", cache];
        var (code, stdout, stderr) = CliRun.Run(args);
        Assert.True(code == 0, stderr + stdout);

        // One split for all three models: 3 benign + 3 malignant test cases (round(10 x 0.3) per class), no normal.
        var split = JsonSerializer.Deserialize<CaseSplit>(File.ReadAllText(Path.Combine(output, "split.json")), ReproduceConfig.Json)!;
        Assert.Equal(6, split.Test.Length);
        var dataset = ImageSegmentationDataset.Open(data);
        Assert.Equal(3, split.Test.Count(i => dataset.Cases[i].Malignant));
        var perModel = new Dictionary<string, List<CaseResult>>();
        foreach (string input in new[] { "bmode", "entropy", "bmode+entropy" })
        {
            var results = EvaluationCsv.Read(Path.Combine(output, "models", input, "test-cases.csv"));
            Assert.Equal(split.Test, results.Select(r => r.CaseIndex));
            Assert.Equal(split.Test, RunManifest.Load(Path.Combine(output, "models", input)).Split.Test);
            perModel[input] = results;
        }

        // Dice of a test case at the image's own size: the run's probabilities resampled back, thresholded at 0.5,
        // against the union of the case's masks read from the folder.
        var run = Path.Combine(output, "models", "entropy");
        var manifest = RunManifest.Load(run);
        int probe = split.Test[0];
        using (var net = RunEvaluation.LoadBest(run))
        {
            var (sample, _) = RunEvaluation.Predict(net, manifest, dataset, probe)[0];
            var probabilities = SegmentationPredictor.Probabilities(net, [manifest.Normalizer.Apply(sample)], sample.Size)[0];
            var image = dataset.Folder.Load(dataset.ImageCase(probe));
            var predicted = ImageSamples.MaskAtImageSize(probabilities, sample.Size, image.Image.Width, image.Image.Height);
            int both = predicted.Zip(image.Lesion).Count(p => p.First && p.Second);
            double dice = 2.0 * both / (predicted.Count(b => b) + image.LesionPixels);
            Assert.Equal(dice, perModel["entropy"].Single(r => r.CaseIndex == probe).Dice, 9);
        }

        // dice-by-class.csv: per model and class, n and mean from the per-case results.
        var rows = File.ReadAllLines(Path.Combine(output, "dice-by-class.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(9, rows.Count);
        foreach (var row in rows)
        {
            var cases = perModel[row[0]].Where(r => row[1] == "all" || r.Malignant == (row[1] == "malignant")).ToList();
            Assert.Equal(cases.Count, int.Parse(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(cases.Average(r => r.Dice), double.Parse(row[3], CultureInfo.InvariantCulture), 12);
        }
        // paired-differences.csv: mean of the per-case differences B - A.
        var pairs = File.ReadAllLines(Path.Combine(output, "paired-differences.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var all = pairs.Single(p => p[0] == "all" && p[1] == "bmode" && p[2] == "entropy");
        Assert.Equal(perModel["entropy"].Zip(perModel["bmode"]).Average(p => p.First.Dice - p.Second.Dice),
            double.Parse(all[4], CultureInfo.InvariantCulture), 12);

        string report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains(ImageReproduceReport.EntropyLabel, report);
        Assert.Contains(BusiBenchmark.Label, report);
        Assert.Contains("| Input size | 256 x 256 | 32 x 32", report);
        Assert.Contains("Near-duplicate images", report);
        Assert.DoesNotContain("| entropy |", report); // the image entropy is never named as the study's entropy

        // Re-run: every model reused. A changed entropy window retrains the entropy models only.
        (code, stdout, stderr) = CliRun.Run(args);
        Assert.True(code == 0, stderr + stdout);
        Assert.Equal(3, CountOf(stdout, "already trained"));
        string[] changed = [.. args.Select(a => a == "5x5" ? "7x7" : a)];
        (code, stdout, stderr) = CliRun.Run(changed);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("model bmode: already trained", stdout);
        Assert.Contains("model entropy: retraining (Maps.Window", stdout);
        Assert.Contains("model bmode+entropy: retraining (Maps.Window", stdout);

        // Maps an image cannot give are refused with one line, exit 2.
        (code, _, stderr) = CliRun.Run(["reproduce", "--data", data, "--preset", "tiny", "--inputs", "nakagami", "--out", Path.Combine(_dir, "bad"), "--data-folder", cache]);
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_dir, "bad")));
    }

    /// <summary>`train --include-normal`: the normal class is split on its own, and the run's own test split evaluates
    /// (the folder reopened with the run's case selection).</summary>
    [Fact]
    public void TrainsWithNormalCasesAndEvaluatesItsOwnTestSplit()
    {
        string data = Path.Combine(_dir, "busi"), run = Path.Combine(_dir, "run");
        ImageTrainCliTests.WriteLesions(data, 6, 6, 4, seed: 6);
        var (code, stdout, stderr) = CliRun.Run("train", "--data", data, "--input", "bmode", "--preset", "tiny", "--epochs", "1",
            "--include-normal", "--test-fraction", "0.5", "--out", run);
        Assert.True(code == 0, stderr + stdout);
        var manifest = RunManifest.Load(run);
        var all = ImageSegmentationDataset.Open(data, includeNormal: true);
        Assert.Equal(all.Fingerprint, manifest.Identity.DataFingerprint);
        Assert.Equal((3, 3, 2), (manifest.Split.Test.Count(i => all.Cases[i].ClassName == "benign"),
            manifest.Split.Test.Count(i => all.Cases[i].ClassName == "malignant"), manifest.Split.Test.Count(i => all.Cases[i].ClassName == "normal")));
        (code, stdout, stderr) = CliRun.Run("evaluate", "--run", run, "--split", "test");
        Assert.True(code == 0, stderr + stdout);
        var results = RunEvaluation.Evaluate(run, "test");
        Assert.Equal(manifest.Split.Test, results.Select(r => r.CaseIndex));
        Assert.Equal(2, results.Count(r => double.IsNaN(r.Dice))); // normal images: empty reference, Dice undefined
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}

/// <summary>The image reproduce on a handful of real BUSI cases (skipped where ../shared/data is absent).</summary>
[Collection(SerialTorchCollection.Name)]
public sealed class BusiReproduceRealDataTests
{
    [SkippableFact]
    public void RunsOnAFewRealCasesWithNormalOnesIncluded()
    {
        var busi = ImageFolder.Open(RealDataFolders.RequireBusi());
        TorchRuntime.EnsureLoaded();
        string root = Directory.CreateTempSubdirectory("breastseg-busi-reproduce-").FullName;
        try
        {
            // A copy of 5 benign, 5 malignant and 3 normal cases (their images and masks), in the BUSI layout.
            string data = Path.Combine(root, "busi");
            foreach (var c in busi.Cases.GroupBy(c => c.Class!).SelectMany(g => g.Take(g.Key == ImageCase.Normal ? 3 : 5)))
            {
                Directory.CreateDirectory(Path.Combine(data, c.Class!));
                foreach (string f in c.MaskPaths.Prepend(c.ImagePath)) File.Copy(f, Path.Combine(data, c.Class!, Path.GetFileName(f)));
            }
            var config = ReproduceConfig.Tiny with
            {
                Data = data, IncludeNormal = true, Inputs = ["bmode", "entropy"],
                Experiment = ReproduceConfig.Tiny.Experiment with { Split = new SplitOptions(1, 0.4, 0.2), Training = ReproduceConfig.Tiny.Experiment.Training with { Epochs = 1 } },
            };
            var result = ImageReproducePipeline.Run(config, Path.Combine(root, "out"), Path.Combine(root, "cache"), "test");
            var images = ImageSegmentationDataset.Open(data, includeNormal: true);
            // round(5 x 0.4) = 2 benign and 2 malignant test cases, round(3 x 0.4) = 1 normal.
            Assert.Equal(2, result.Summary("bmode", ImageCase.Benign).Dice.N);
            Assert.Equal(2, result.Summary("entropy", ImageCase.Malignant).Dice.N);
            Assert.Equal(4, result.Summary("entropy").Dice.N);
            Assert.All(result.Normals, n => Assert.Equal(1, n.Cases));
            Assert.Equal(2, result.Normals.Count);
            Assert.All(result.Models.SelectMany(m => m.Results).Where(r => images.Cases[r.CaseIndex].ClassName != ImageCase.Normal),
                r => Assert.InRange(r.Dice, 0, 1));
            // Results at the image's own size: reference areas are the masks' pixel counts.
            var probe = result.Models[0].Results.First(r => images.Cases[r.CaseIndex].ClassName != ImageCase.Normal);
            Assert.Equal((double)images.Folder.Load(images.ImageCase(probe.CaseIndex)).LesionPixels, probe.ReferenceAreaMm2);
            Assert.Contains("normal test images", File.ReadAllText(result.ReportPath));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
