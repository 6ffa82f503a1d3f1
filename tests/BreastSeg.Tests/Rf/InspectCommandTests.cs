using System.Text.Json;
using BreastSeg.Cli;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

public class InspectCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void JsonListsEveryCaseWithViewSummariesAndClassCounts()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort.mat");
        var cases = OasbudTestData.Cases(4, seed: 8);
        OasbudFile.Write(path, cases);

        var (code, output, error) = Run("inspect", path, "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var rows = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        for (int i = 0; i < 4; i++)
        {
            var row = rows[i];
            Assert.Equal(i, row.GetProperty("index").GetInt32());
            Assert.Equal(cases[i].Id, row.GetProperty("id").GetString());
            Assert.Equal(cases[i].Malignant ? 1 : 0, row.GetProperty("class").GetInt32());
            Assert.Equal(cases[i].BiRads, row.GetProperty("birads").GetString());
            for (int v = 0; v < 2; v++)
            {
                var frame = cases[i].Views[v].Frame;
                var stored = frame.Data.Select(x => (double)OasbudTestData.StoredRf(x)).ToArray();
                var rf = row.GetProperty($"rf{v + 1}");
                Assert.Equal([frame.Samples, frame.Lines], rf.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
                Assert.Equal("int16", rf.GetProperty("class").GetString());
                Assert.Equal(stored.Sum(), rf.GetProperty("sum").GetDouble());
                Assert.Equal(stored.Min(), rf.GetProperty("min").GetDouble());
                Assert.Equal(stored.Max(), rf.GetProperty("max").GetDouble());
                var roi = row.GetProperty($"roi{v + 1}");
                Assert.Equal("uint8", roi.GetProperty("class").GetString());
                Assert.Equal(cases[i].Views[v].Mask.Area, roi.GetProperty("sum").GetDouble());
            }
        }
        int malignant = cases.Count(c => c.Malignant);
        Assert.Equal(4 - malignant, root.GetProperty("classCounts").GetProperty("0").GetInt32());
        Assert.Equal(malignant, root.GetProperty("classCounts").GetProperty("1").GetInt32());
        Assert.Equal(malignant, root.GetProperty("malignantCount").GetProperty("oneIsMalignant").GetInt32());
        Assert.Equal(4 - malignant, root.GetProperty("malignantCount").GetProperty("zeroIsMalignant").GetInt32());
    }

    [Fact]
    public void TableShowsOneRowPerCaseAndTheCounts()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort.mat");
        var cases = OasbudTestData.Cases(3, seed: 9);
        OasbudFile.Write(path, cases);
        var (code, output, _) = Run("inspect", path);
        Assert.Equal(0, code);
        foreach (var c in cases)
        {
            Assert.Contains($"{c.Views[0].Frame.Samples}x{c.Views[0].Frame.Lines} int16", output);
            Assert.Contains(c.Id, output);
        }
        Assert.Contains("uint8", output);
        Assert.Contains("Class counts: class 0: 1, class 1: 2.", output);
    }

    [Fact]
    public void OtherMatFilesListVariablesWithClassAndShape()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("misc.mat");
        MatFile.Write(path, [new("rf", new MatNumeric([3, 4], new short[12])), new("label", new MatChar("ab")), new("s", new MatStruct(["a", "b"], [new Dictionary<string, MatValue> { ["a"] = MatNumeric.Scalar(1), ["b"] = MatNumeric.Scalar(2) }]))]);
        var (code, output, _) = Run("inspect", path, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var vars = json.RootElement.GetProperty("variables").EnumerateArray()
            .Select(v => (v.GetProperty("name").GetString(), v.GetProperty("class").GetString(), string.Join("x", v.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()))))
            .ToList();
        Assert.Equal([("rf", "int16", "3x4"), ("label", "char", "1x2"), ("s", "struct", "1x1")], vars);

        var table = Run("inspect", path);
        Assert.Equal(0, table.Code);
        Assert.Contains("int16", table.Out);
        Assert.Contains("3x4", table.Out);
        Assert.Contains("a, b", table.Out);
    }

    [Fact]
    public void CorruptMissingOrBadLayoutFilesGiveOneLineAndExitCode2()
    {
        using var dir = new MatTestData.TempDir();
        string good = dir.File("cohort.mat"), bad = dir.File("bad.mat");
        OasbudFile.Write(good, OasbudTestData.Cases(2, seed: 10));
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
        foreach (var (file, problem) in new[] { (bad, "declares"), (dir.File("missing.mat"), "cannot open the file") })
        {
            var (code, output, error) = Run("inspect", file, "--json");
            Assert.Equal(CliApp.BadInput, code);
            Assert.Equal("", output);
            var lines = error.TrimEnd('\n', '\r').Split('\n');
            Assert.Single(lines);
            Assert.StartsWith($"breastseg: {file}: ", lines[0]);
            Assert.Contains(problem, lines[0]);
        }
        var struct1 = (MatStruct)MatFile.ReadVariable(good, "data");
        MatFile.Write(bad, [new("data", OasbudTestData.WithField(struct1, 1, "roi1", new MatNumeric([2, 2], new byte[4])))]);
        var result = Run("inspect", bad);
        Assert.Equal(CliApp.BadInput, result.Code);
        Assert.Contains("case 1 (id 'id1'), rf1: the RF frame is", result.Err);
    }
}
