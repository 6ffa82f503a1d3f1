using System.Text.Json;
using BreastSeg.Cli;
using BreastSeg.Images;
using BreastSeg.Torch;

namespace BreastSeg.Tests.Images;

[Collection(SerialTorchCollection.Name)]
public sealed class ImageTrainCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-imagecli-").FullName;

    public ImageTrainCliTests() => TorchRuntime.EnsureLoaded();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A BUSI-layout folder with dark discs in bright speckle, images of varying sizes.</summary>
    internal static void WriteLesions(string root, int benign, int malignant, int normal, int seed)
    {
        var rng = new Random(seed);
        foreach (var (name, count) in new[] { ("benign", benign), ("malignant", malignant), ("normal", normal) })
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            for (int n = 1; n <= count; n++)
            {
                int w = rng.Next(40, 56), h = rng.Next(32, 44);
                var mask = name == "normal" ? new bool[w * h] : ImageFolderTests.Disc(w, h, rng.Next(10, h - 10), rng.Next(10, w - 10), rng.Next(5, 9));
                TestPng.WriteGray(Path.Combine(root, name, $"{name} ({n}).png"), w, h, ImageFolderTests.Speckle(w, h, rng.Next(), mask));
                TestPng.WriteMask(Path.Combine(root, name, $"{name} ({n})_mask.png"), w, h, mask);
            }
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void TrainOnAnImageFolderThenEvaluateEveryCaseOfAnotherFolder()
    {
        string data = Path.Combine(_dir, "busi"), other = Path.Combine(_dir, "other"), run = Path.Combine(_dir, "run");
        WriteLesions(data, 8, 6, 2, seed: 1);
        WriteLesions(other, 3, 2, 1, seed: 2);
        var (code, output, error) = Run("train", "--data", data, "--input", "bmode+entropy", "--window", "5x5", "--preset", "tiny", "--out", run);
        Assert.True(code == 0, error + output);
        Assert.True(File.Exists(Path.Combine(run, "best-model.bsm")));

        (code, output, error) = Run("evaluate", "--run", run, "--all", "--data", other, "--json");
        Assert.True(code == 0, error + output);
        var root = JsonDocument.Parse(output).RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["benign (1)", "benign (2)", "benign (3)", "malignant (1)", "malignant (2)"], cases.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["benign", "benign", "benign", "malignant", "malignant"], cases.Select(c => c.GetProperty("class").GetString()));
        var dice = cases.Select(c => c.GetProperty("dice").GetDouble()).ToList();
        Assert.All(dice, d => Assert.InRange(d, 0, 1));
        Assert.Equal(dice.Average(), root.GetProperty("meanDice").GetDouble(), 12);
        Assert.Equal(5, root.GetProperty("n").GetInt32());

        // The run's own split evaluates too, and a window in mm is refused for images with one line.
        (code, _, error) = Run("evaluate", "--run", run, "--split", "test");
        Assert.True(code == 0, error);
        (code, _, error) = Run("train", "--data", data, "--input", "entropy", "--window", "0.5mm", "--preset", "tiny", "--out", Path.Combine(_dir, "run2"));
        Assert.Equal(2, code);
        Assert.Contains("pixels", error);
    }
}
