using BreastSeg.Images;
using BreastSeg.IO;
using BreastSeg.Tests.Rf;

namespace BreastSeg.Tests.Images;

public class ImageFolderTests
{
    /// <summary>A disc of radius r at (cy, cx), row-major.</summary>
    internal static bool[] Disc(int width, int height, double cy, double cx, double r) =>
        Enumerable.Range(0, width * height).Select(p => Math.Pow(p / width - cy, 2) + Math.Pow(p % width - cx, 2) <= r * r).ToArray();

    internal static byte[] Speckle(int width, int height, int seed, bool[]? darker = null)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, width * height).Select(p => (byte)(darker is not null && darker[p] ? rng.Next(10, 60) : rng.Next(80, 220))).ToArray();
    }

    /// <summary>A tiny BUSI-layout folder: benign (1) with two masks, benign (2), benign (10), two malignant (one RGB),
    /// three normal with empty masks, and one mask file without an image.</summary>
    internal static void WriteBusi(string root, int width = 40, int height = 32)
    {
        foreach (string c in new[] { "benign", "malignant", "normal" }) Directory.CreateDirectory(Path.Combine(root, c));
        string F(string c, string name) => Path.Combine(root, c, name);
        var a = Disc(width, height, 10, 10, 5);
        var b = Disc(width, height, 20, 28, 4);
        TestPng.WriteGray(F("benign", "benign (1).png"), width, height, Speckle(width, height, 1, a.Zip(b, (x, y) => x || y).ToArray()));
        TestPng.WriteMask(F("benign", "benign (1)_mask.png"), width, height, a);
        TestPng.WriteMask(F("benign", "benign (1)_mask_1.png"), width, height, b);
        foreach (int n in new[] { 2, 10 })
        {
            var m = Disc(width, height, 16, 20, 3 + n / 2.0);
            TestPng.WriteGray(F("benign", $"benign ({n}).png"), width, height, Speckle(width, height, n, m));
            TestPng.WriteMask(F("benign", $"benign ({n})_mask.png"), width, height, m);
        }
        for (int n = 1; n <= 2; n++)
        {
            var m = Disc(width, height, 15, 18, 7);
            var grey = Speckle(width, height, 100 + n, m);
            if (n == 1) TestPng.WriteGray(F("malignant", $"malignant ({n}).png"), width, height, grey);
            else File.WriteAllBytes(F("malignant", $"malignant ({n}).png"), TestPng.Encode(width, height, TestPng.Rgb, 8, grey.SelectMany(g => new[] { (int)g, g, g }).ToArray()));
            // BUSI keeps some masks as 8-bit RGB.
            File.WriteAllBytes(F("malignant", $"malignant ({n})_mask.png"), TestPng.Encode(width, height, TestPng.Rgb, 8, m.SelectMany(x => x ? new[] { 255, 255, 255 } : new[] { 0, 0, 0 }).ToArray()));
        }
        for (int n = 1; n <= 3; n++)
        {
            TestPng.WriteGray(F("normal", $"normal ({n}).png"), width, height, Speckle(width, height, 200 + n));
            TestPng.WriteMask(F("normal", $"normal ({n})_mask.png"), width, height, new bool[width * height]);
        }
        TestPng.WriteMask(F("normal", "normal (9)_mask.png"), width, height, new bool[width * height]);
        File.WriteAllText(F("benign", "notes.txt"), "ignored");
    }

    [Fact]
    public void BusiLayoutListsCasesInNaturalOrderAndUnionsMasks()
    {
        using var dir = new MatTestData.TempDir();
        WriteBusi(dir.Path);
        var folder = ImageFolder.Open(dir.Path);
        Assert.Equal(ImageFolderLayout.Busi, folder.Layout);
        Assert.Equal(["benign (1)", "benign (2)", "benign (10)", "malignant (1)", "malignant (2)", "normal (1)", "normal (2)", "normal (3)"], folder.Cases.Select(c => c.Id));
        Assert.Equal(Enumerable.Range(0, 8), folder.Cases.Select(c => c.Index));
        Assert.Equal(new Dictionary<string, int> { ["benign"] = 3, ["malignant"] = 2, ["normal"] = 3 }, folder.ClassCounts);
        Assert.Equal(["normal (9)_mask.png"], folder.UnmatchedMasks.Select(Path.GetFileName));
        Assert.Equal(2, folder.Cases[0].MaskPaths.Count);

        var first = folder.Load(folder.Cases[0]);
        var a = Disc(40, 32, 10, 10, 5);
        var b = Disc(40, 32, 20, 28, 4);
        Assert.Equal(a.Zip(b, (x, y) => x || y).ToArray(), first.Lesion);
        Assert.Equal(a.Count(x => x) + b.Count(x => x), first.LesionPixels); // disjoint discs
        var rgb = folder.Load(folder.Cases[4]);
        Assert.True(rgb.Case.IsMalignant);
        Assert.Equal(Disc(40, 32, 15, 18, 7), rgb.Lesion);
        Assert.Equal(ImageFolderTests.Speckle(40, 32, 102, Disc(40, 32, 15, 18, 7)), rgb.Image.Levels);
        Assert.Equal(0, folder.Load(folder.Cases[5]).LesionPixels);
    }

    [Fact]
    public void MaskOfAnotherSizeIsRefusedNamingTheMask()
    {
        using var dir = new MatTestData.TempDir();
        WriteBusi(dir.Path);
        string mask = Path.Combine(dir.Path, "benign", "benign (2)_mask.png");
        TestPng.WriteMask(mask, 41, 32, new bool[41 * 32]);
        var folder = ImageFolder.Open(dir.Path);
        var e = Assert.Throws<BreastSegInputException>(() => folder.Load(folder.Find("benign (2)")!));
        Assert.Equal(mask, e.Origin);
        Assert.Contains("41 x 32", e.Message);
        Assert.Contains("40 x 32", e.Message);
        folder.Load(folder.Find("benign (10)")!); // the other cases still load
    }

    [Fact]
    public void CaseWithoutMaskIsRefused()
    {
        using var dir = new MatTestData.TempDir();
        WriteBusi(dir.Path);
        File.Delete(Path.Combine(dir.Path, "benign", "benign (10)_mask.png"));
        var folder = ImageFolder.Open(dir.Path);
        var e = Assert.Throws<BreastSegInputException>(() => folder.Load(folder.Find("benign (10)")!));
        Assert.Contains("no mask file", e.Message);
    }

    [Fact]
    public void PlainLayoutMatchesMasksByName()
    {
        using var dir = new MatTestData.TempDir();
        Directory.CreateDirectory(dir.File("images"));
        Directory.CreateDirectory(dir.File("masks"));
        var m = Disc(20, 16, 8, 8, 4);
        var n = Disc(20, 16, 4, 14, 2);
        TestPng.WriteGray(Path.Combine(dir.Path, "images", "case2.png"), 20, 16, Speckle(20, 16, 1, m));
        TestPng.WriteMask(Path.Combine(dir.Path, "masks", "case2.png"), 20, 16, m);
        TestPng.WriteGray(Path.Combine(dir.Path, "images", "case10.png"), 20, 16, Speckle(20, 16, 2, m));
        TestPng.WriteMask(Path.Combine(dir.Path, "masks", "case10_mask.png"), 20, 16, m);
        TestPng.WriteMask(Path.Combine(dir.Path, "masks", "case10_mask_1.png"), 20, 16, n);
        var folder = ImageFolder.Open(dir.Path);
        Assert.Equal(ImageFolderLayout.Plain, folder.Layout);
        Assert.Equal(["case2", "case10"], folder.Cases.Select(c => c.Id));
        Assert.All(folder.Cases, c => Assert.Null(c.Class));
        Assert.Equal(m.Zip(n, (x, y) => x || y).ToArray(), folder.Load(folder.Cases[1]).Lesion);
        Assert.Equal(2, ImageSplit.Cases(folder).Count);
    }

    [Fact]
    public void FolderWithoutImagesIsRefused()
    {
        using var dir = new MatTestData.TempDir();
        Directory.CreateDirectory(dir.File("empty-class"));
        var e = Assert.Throws<BreastSegInputException>(() => ImageFolder.Open(dir.Path));
        Assert.Contains("holds no images", e.Message);
        Assert.Throws<BreastSegInputException>(() => ImageFolder.Open(dir.File("absent")));
    }

    [Fact]
    public void SplitIsByCaseStratifiedSeededAndLeavesNormalOutByDefault()
    {
        using var dir = new MatTestData.TempDir();
        foreach (string c in new[] { "benign", "malignant", "normal" }) Directory.CreateDirectory(dir.File(c));
        int counts(string c) => c switch { "benign" => 40, "malignant" => 20, _ => 10 };
        foreach (string c in new[] { "benign", "malignant", "normal" })
            for (int n = 1; n <= counts(c); n++) File.WriteAllBytes(Path.Combine(dir.Path, c, $"{c} ({n}).png"), []);
        var folder = ImageFolder.Open(dir.Path); // listing reads no pixels
        var lesions = ImageSplit.Cases(folder);
        Assert.Equal(60, lesions.Count);
        var split = ImageSplit.Stratified(lesions, seed: 3);
        var again = ImageSplit.Stratified(lesions, seed: 3);
        Assert.Equal(split.Train, again.Train);
        Assert.Equal(split.Validation, again.Validation);
        Assert.Equal(split.Test, again.Test);
        Assert.NotEqual(split.Test, ImageSplit.Stratified(lesions, seed: 4).Test);
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        Assert.Equal(lesions.Select(c => c.Index).Order(), all.Order());
        int Count(int[] part, string c) => part.Count(i => folder.Cases[i].Class == c);
        Assert.Equal(12, Count(split.Test, "benign"));   // 30 % of 40
        Assert.Equal(6, Count(split.Test, "malignant")); // 30 % of 20

        var withNormal = ImageSplit.Stratified(ImageSplit.Cases(folder, includeNormal: true), seed: 3);
        Assert.Equal(3, Count(withNormal.Test, "normal"));
        Assert.Equal(split.Test, withNormal.Test.Where(i => !folder.Cases[i].IsNormal));
    }
}
