using BreastSeg.Evaluation;
using BreastSeg.Images;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Tests.Rf;

namespace BreastSeg.Tests.Images;

public class ImageSamplesTests
{
    [Fact]
    public void SamplesStackBModeAndGreyLevelEntropyOnTheNetworkGrid()
    {
        using var dir = new MatTestData.TempDir();
        ImageFolderTests.WriteBusi(dir.Path, 64, 48);
        var folder = ImageFolder.Open(dir.Path);
        var options = new ImageSampleOptions([MapKind.BMode, MapKind.Entropy], Size: 16, EntropyWindow: new WindowSize(5, 5));
        var samples = ImageSamples.From(folder, ImageSplit.Cases(folder), options);
        Assert.Equal(5, samples.Count); // benign + malignant only
        var s = samples[0];
        Assert.Equal((2, 16, "benign (1)", false, 0), (s.Channels, s.Size, s.CaseId, s.Malignant, s.View));
        Assert.Equal((48, 64), (s.GridMask.Samples, s.GridMask.Lines));
        Assert.Equal((1.0, 1.0), (s.AxialSpacingMm, s.LateralSpacingMm));
        Assert.True(samples[3].Malignant);

        // B-mode channel: the mean grey level / 255 of each 4 x 3 block (64 x 48 onto 16 x 16).
        var image = folder.Load(folder.Cases[0]).Image;
        for (int r = 0; r < 16; r++)
            for (int c = 0; c < 16; c++)
            {
                double sum = 0;
                for (int y = 3 * r; y < 3 * r + 3; y++)
                    for (int x = 4 * c; x < 4 * c + 4; x++) sum += image[y, x];
                Assert.Equal(sum / 12 / 255, s.Input[r * 16 + c], 5);
            }
        // Entropy channel is in bits, within 0 .. log2(25).
        Assert.All(s.Input.AsSpan(256, 256).ToArray(), v => Assert.InRange(v, 0, Math.Log2(25) + 1e-6));
        // Target: the union mask's area fraction >= 0.5 per block.
        var lesion = folder.Load(folder.Cases[0]).Lesion;
        Assert.Equal(lesion.Count(x => x) / 12.0, s.Target.Count(x => x), 0.15 * lesion.Count(x => x) / 12.0 + 2);
    }

    [Fact]
    public void GreyLevelEntropyOfTwoLevelsInEqualShareIsOneBit()
    {
        // A checkerboard of grey levels 40 and 200: every 4 x 4 window holds 8 of each, H = 1 bit exactly (closed form).
        var levels = Enumerable.Range(0, 32 * 32).Select(p => (byte)((p / 32 + p % 32) % 2 == 0 ? 40 : 200)).ToArray();
        var image = new GreyImage(32, 32, levels);
        var map = ImageSamples.Map(image, MapKind.Entropy, new ImageSampleOptions([MapKind.Entropy], EntropyWindow: new WindowSize(4, 4)));
        for (int c = 2; c < 30; c++)
            for (int r = 2; r < 30; r++) Assert.Equal(1.0, map[c * 32 + r], 12);
        var constant = ImageSamples.Map(new GreyImage(32, 32, Enumerable.Repeat((byte)90, 1024).ToArray()), MapKind.Entropy,
            new ImageSampleOptions([MapKind.Entropy]));
        Assert.All(constant, v => Assert.Equal(0, v, 12));
    }

    [Fact]
    public void RfOnlyMapsAndBadSizesAreRefused()
    {
        var e = Assert.Throws<BreastSegInputException>(() => new ImageSampleOptions([MapKind.Nakagami]).Validate());
        Assert.Contains("needs RF data", e.Message);
        Assert.Throws<BreastSegInputException>(() => new ImageSampleOptions([MapKind.BMode], Size: 40).Validate());
        Assert.Equal("B-mode + grey-level entropy", ImageSampleOptions.Label([MapKind.BMode, MapKind.Entropy]));
    }

    [Fact]
    public void MapOptionsGiveTheWindowInPixelsOrTheImageDefault()
    {
        MapKind[] maps = [MapKind.Entropy];
        var given = ImageSampleOptions.From(maps, new MapOptions { Window = MapWindow.Pixels(9, 7), Bins = 16, Normalization = EntropyNormalization.Global, Stride = 2 }, 64);
        Assert.Equal((new WindowSize(9, 7), 16, EntropyNormalization.Global, 2, 64), (given.Window, given.Bins, given.Normalization, given.Stride, given.Size));
        Assert.Equal(ImageSampleOptions.DefaultEntropyWindow, ImageSampleOptions.From(maps, new MapOptions(), 64).Window);
        var e = Assert.Throws<BreastSegInputException>(() => ImageSampleOptions.From(maps, new MapOptions { Window = MapWindow.Millimetres(0.5, 0.5) }, 64));
        Assert.Equal("--window", e.Origin);
        Assert.Throws<BreastSegInputException>(() => ImageSampleOptions.From(maps, new MapOptions { Window = MapWindow.PulseLengths(3) }, 64));
    }

    [Fact]
    public void PredictionIsScoredAtTheImageSize()
    {
        using var dir = new MatTestData.TempDir();
        ImageFolderTests.WriteBusi(dir.Path, 80, 60);
        var folder = ImageFolder.Open(dir.Path);
        var loaded = folder.Load(folder.Find("malignant (1)")!);
        var sample = ImageSamples.From(loaded, new ImageSampleOptions([MapKind.BMode], Size: 32));
        // A "prediction" that is the network-grid target itself: back at 80 x 60 it must match the original disc
        // closely (not exactly: the grid is coarser), and Score must compute Dice on the image grid.
        var probabilities = sample.Target.Select(t => t ? 1f : 0f).ToArray();
        var atImage = ImageSamples.MaskAtImageSize(probabilities, 32, 80, 60);
        Assert.Equal(80 * 60, atImage.Length);
        var overlap = OverlapMetrics.Compute(atImage, loaded.Lesion);
        Assert.InRange(overlap.Dice, 0.85, 1.0);
        var scored = SegmentationEvaluator.Score(sample, probabilities, new EvaluationOptions());
        Assert.Equal(overlap.Dice, scored.Dice, 12);
        Assert.Equal(loaded.LesionPixels, scored.ReferenceAreaMm2); // spacing 1: areas in pixels

        // At the network's own size the round trip is exact.
        var exact = ImageSamples.MaskAtImageSize(probabilities, 32, 32, 32);
        Assert.Equal(sample.Target, exact);
    }

    [Fact]
    public void NearDuplicateHashFindsRescaledCopiesOnly()
    {
        var original = Scene(90, 60, 1, 30, 40);
        // The same image at 1/3 scale (3 x 3 block means), and an unrelated one.
        var small = new byte[30 * 20];
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 30; c++)
            {
                double sum = 0;
                for (int y = 0; y < 3; y++)
                    for (int x = 0; x < 3; x++) sum += original[3 * r + y, 3 * c + x];
                small[r * 30 + c] = (byte)Math.Round(sum / 9);
            }
        var other = Scene(90, 60, 2, 40, 60);
        var hashes = new[] { NearDuplicates.Hash(original), NearDuplicates.Hash(new GreyImage(30, 20, small)), NearDuplicates.Hash(other) };
        var pairs = NearDuplicates.Pairs(hashes);
        Assert.Equal([(0, 1)], pairs.Select(p => (p.First, p.Second)));
        Assert.True(NearDuplicates.Distance(hashes[0], hashes[2]) > 64);
    }

    // Layers varying with depth, a dark mass and weak noise: structure a rescaled copy keeps.
    private static GreyImage Scene(int width, int height, int seed, double cy, double cx)
    {
        var rng = new Random(seed);
        var mass = ImageFolderTests.Disc(width, height, cy, cx, 12);
        var phase = rng.NextDouble() * 6;
        return new GreyImage(width, height, Enumerable.Range(0, width * height).Select(p =>
            (byte)Math.Clamp(120 + 50 * Math.Sin(p / width / 6.0 + phase) * Math.Cos(p % width / 11.0 + seed) - (mass[p] ? 70 : 0) + rng.Next(-4, 5), 0, 255)).ToArray());
    }
}
