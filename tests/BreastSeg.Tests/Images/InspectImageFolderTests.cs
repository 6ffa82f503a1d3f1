using System.Text.Json;
using BreastSeg.Cli;
using BreastSeg.Tests.Rf;

namespace BreastSeg.Tests.Images;

public class InspectImageFolderTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void JsonListsEveryCaseWithSizeMasksLesionPixelsAndClassCounts()
    {
        using var dir = new MatTestData.TempDir();
        ImageFolderTests.WriteBusi(dir.Path);
        // A near-duplicate: benign (2) saved again as normal (3).
        File.Copy(Path.Combine(dir.Path, "benign", "benign (2).png"), Path.Combine(dir.Path, "normal", "normal (3).png"), overwrite: true);
        var (code, output, error) = Run("inspect", dir.Path, "--json");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("busi", root.GetProperty("layout").GetString());
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(8, cases.Count);
        var first = cases[0];
        Assert.Equal("benign (1)", first.GetProperty("id").GetString());
        Assert.Equal("benign", first.GetProperty("class").GetString());
        Assert.Equal(40, first.GetProperty("width").GetInt32());
        Assert.Equal(32, first.GetProperty("height").GetInt32());
        Assert.Equal([Path.Combine("benign", "benign (1)_mask.png"), Path.Combine("benign", "benign (1)_mask_1.png")],
            first.GetProperty("masks").EnumerateArray().Select(m => m.GetString()));
        int expected = ImageFolderTests.Disc(40, 32, 10, 10, 5).Count(x => x) + ImageFolderTests.Disc(40, 32, 20, 28, 4).Count(x => x);
        Assert.Equal(expected, first.GetProperty("lesionPixels").GetInt32());
        Assert.Equal(0, cases[5].GetProperty("lesionPixels").GetInt32());
        var counts = root.GetProperty("classCounts");
        Assert.Equal((3, 2, 3), (counts.GetProperty("benign").GetInt32(), counts.GetProperty("malignant").GetInt32(), counts.GetProperty("normal").GetInt32()));
        var pair = Assert.Single(root.GetProperty("nearDuplicates").EnumerateArray());
        Assert.Equal(("benign (2)", "normal (3)", 0), (pair.GetProperty("first").GetString(), pair.GetProperty("second").GetString(), pair.GetProperty("hashDistance").GetInt32()));
        Assert.Single(root.GetProperty("unmatchedMasks").EnumerateArray());

        var (tableCode, table, _) = Run("inspect", dir.Path);
        Assert.Equal(0, tableCode);
        Assert.Contains("benign (10)", table);
        Assert.Contains("Class counts: benign: 3, malignant: 2, normal: 3.", table);
    }

    [Fact]
    public void RefusedCaseIsListedAndExitsWithTwo()
    {
        using var dir = new MatTestData.TempDir();
        ImageFolderTests.WriteBusi(dir.Path);
        string mask = Path.Combine(dir.Path, "malignant", "malignant (1)_mask.png");
        TestPng.WriteMask(mask, 30, 30, new bool[900]);
        var (code, output, error) = Run("inspect", dir.Path, "--json");
        Assert.Equal(2, code);
        var refused = JsonDocument.Parse(output).RootElement.GetProperty("cases").EnumerateArray().Single(c => c.TryGetProperty("error", out _));
        Assert.Equal("malignant (1)", refused.GetProperty("id").GetString());
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("malignant (1)_mask.png", error);
        Assert.Contains("30 x 30", error);
        // The line names the refused file once, not the case's image in front of the failure's own file name.
        Assert.Single(error.Split(dir.Path).Skip(1));
    }
}
