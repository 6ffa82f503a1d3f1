using BreastSeg.Cli;

namespace BreastSeg.Tests.Maps;

public class MapsCommandTests
{
    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--bins", "1", "--bins:")]
    [InlineData("--bins", "0", "--bins:")]
    [InlineData("--normalization", "local", "--normalization:")]
    [InlineData("--window", "0pl", "--window:")]
    [InlineData("--window", "big", "--window:")]
    [InlineData("--window", "23x0", "--window:")]
    [InlineData("--nakagami-window", "-1mm", "--nakagami-window:")]
    [InlineData("--stride", "0", "--stride:")]
    [InlineData("--maps", "entropy,speckle", "--maps:")]
    [InlineData("--from", "iq", "--from:")]
    [InlineData("--dynamic-range", "0", "--dynamic-range:")]
    public void ParameterErrorsExitTwoWithOneLineNamingTheOption(string option, string value, string expected)
    {
        string output = Path.Combine(Path.GetTempPath(), $"maps-{Guid.NewGuid():N}.mat");
        var (code, _, stderr) = Run("maps", "does-not-exist.mat", "--out", output, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith($"breastseg: {expected}", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void MissingInputIsNamed()
    {
        string output = Path.Combine(Path.GetTempPath(), $"maps-{Guid.NewGuid():N}.mat");
        var (code, _, stderr) = Run("maps", "no-such-input.mat", "--out", output);
        Assert.Equal(2, code);
        Assert.Equal("breastseg: no-such-input.mat: file not found", stderr.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void MissingOutIsAParseError()
    {
        var (code, _, stderr) = Run("maps", "in.mat");
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr);
    }
}

public sealed class MapsCommandFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("maps-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static (int Code, string Stderr) Run(params string[] args)
    {
        var (code, _, stderr) = MapsCommandTests.Run(args);
        return (code, stderr);
    }

    private static double[] Variable(IReadOnlyDictionary<string, BreastSeg.Rf.Mat.MatValue> file, string name, int rows, int cols)
    {
        var v = Assert.IsType<BreastSeg.Rf.Mat.MatNumeric>(file[name]);
        Assert.Equal(new[] { rows, cols }, v.Dimensions);
        return v.ToDoubleArray();
    }

    [Fact]
    public void PlainRfFileGivesOneVariablePerMap()
    {
        var rf = NaiveReference.Random(300, 20, seed: 2, lo: -2000, hi: 2000);
        BreastSeg.Rf.Mat.MatFile.Write(PathOf("in.mat"), [new("rf", BreastSeg.Rf.Mat.MatNumeric.FromDoubles(300, 20, rf))]);
        var (code, stderr) = Run("maps", PathOf("in.mat"), "--out", PathOf("out.mat"), "--window", "9x3", "--nakagami-window", "15x5", "--bins", "16", "--normalization", "window", "--log");
        Assert.True(code == 0, stderr);
        var file = BreastSeg.Rf.Mat.MatFile.Read(PathOf("out.mat"));
        var expected = BreastSeg.Maps.ParametricMaps.Compute(new BreastSeg.Rf.RfFrame(300, 20, rf), new BreastSeg.Maps.MapOptions
        {
            Window = BreastSeg.Maps.MapWindow.Pixels(9, 3), NakagamiWindow = BreastSeg.Maps.MapWindow.Pixels(15, 5), Bins = 16, LogCompressed = true,
            BinRule = BreastSeg.Maps.EntropyBinRule.Fixed, Normalization = BreastSeg.Maps.EntropyNormalization.Window,
        });
        Assert.Equal(new[] { "envelope", "bmode", "entropy", "nakagami" }.Order(), file.Keys.Order());
        Assert.Equal(expected.Envelope, Variable(file, "envelope", 300, 20));
        Assert.Equal(expected.BMode, Variable(file, "bmode", 300, 20));
        Assert.Equal(expected.Entropy, Variable(file, "entropy", 300, 20));
        Assert.Equal(expected.Nakagami, Variable(file, "nakagami", 300, 20));
    }

    [Fact]
    public void EnvelopeInputSkipsDetectionAndVarPicksTheVariable()
    {
        var env = NaiveReference.Random(120, 15, seed: 3, lo: 0, hi: 5);
        BreastSeg.Rf.Mat.MatFile.Write(PathOf("in.mat"), [
            new("env", BreastSeg.Rf.Mat.MatNumeric.FromDoubles(120, 15, env)),
            new("other", BreastSeg.Rf.Mat.MatNumeric.FromDoubles(2, 2, [1, 2, 3, 4]))]);
        var (code, stderr) = Run("maps", PathOf("in.mat"), "--out", PathOf("out.mat"), "--from", "envelope", "--maps", "entropy", "--window", "7x3", "--bins", "32", "--normalization", "global");
        Assert.Equal(2, code);
        Assert.StartsWith("breastseg: --var:", stderr);
        Assert.False(File.Exists(PathOf("out.mat")));

        (code, stderr) = Run("maps", PathOf("in.mat"), "--out", PathOf("out.mat"), "--var", "env", "--from", "envelope", "--maps", "entropy", "--window", "7x3", "--bins", "32", "--normalization", "global");
        Assert.True(code == 0, stderr);
        var file = BreastSeg.Rf.Mat.MatFile.Read(PathOf("out.mat"));
        Assert.Equal(["entropy"], file.Keys);
        var expected = BreastSeg.Maps.EntropyMap.Compute(env, 120, 15, new BreastSeg.Maps.WindowSize(7, 3), 32, BreastSeg.Maps.EntropyNormalization.Global);
        Assert.Equal(expected, Variable(file, "entropy", 120, 15));
    }

    [Fact]
    public void WindowLargerThanTheFrameExitsTwoAndWritesNothing()
    {
        BreastSeg.Rf.Mat.MatFile.Write(PathOf("in.mat"), [new("rf", BreastSeg.Rf.Mat.MatNumeric.FromDoubles(30, 4, NaiveReference.Random(30, 4, seed: 1)))]);
        var (code, stderr) = Run("maps", PathOf("in.mat"), "--out", PathOf("out.mat"), "--window", "31x3", "--maps", "entropy");
        Assert.Equal(2, code);
        Assert.StartsWith("breastseg: --window: window 31x3", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(PathOf("out.mat")));
    }

    [Fact]
    public void OasbudFileGivesMapsAndMasksPerCaseAndView()
    {
        var cases = BreastSeg.Tests.Rf.OasbudTestData.Cases(2, seed: 5);
        BreastSeg.Rf.OasbudFile.Write(PathOf("oasbud.mat"), cases);
        var (code, stderr) = Run("maps", PathOf("oasbud.mat"), "--out", PathOf("out.mat"), "--maps", "bmode,entropy", "--window", "5x3", "--bins", "8", "--normalization", "window");
        Assert.True(code == 0, stderr);
        var data = Assert.IsType<BreastSeg.Rf.Mat.MatStruct>(BreastSeg.Rf.Mat.MatFile.Read(PathOf("out.mat"))["data"]);
        Assert.Equal(["id", "bmode1", "entropy1", "roi1", "bmode2", "entropy2", "roi2", "birads", "class"], data.FieldNames);
        var input = BreastSeg.Rf.OasbudFile.Open(PathOf("oasbud.mat"));
        var options = new BreastSeg.Maps.MapOptions { Window = BreastSeg.Maps.MapWindow.Pixels(5, 3), Bins = 8, BinRule = BreastSeg.Maps.EntropyBinRule.Fixed, Normalization = BreastSeg.Maps.EntropyNormalization.Window };
        for (int c = 0; c < 2; c++)
        {
            var rfCase = input.GetCase(c);
            for (int view = 1; view <= 2; view++)
            {
                var frame = rfCase.Views[view - 1].Frame;
                var expected = BreastSeg.Maps.ParametricMaps.Compute(frame, options, BreastSeg.Maps.MapKind.BMode, BreastSeg.Maps.MapKind.Entropy);
                Assert.Equal(expected.Entropy, ((BreastSeg.Rf.Mat.MatNumeric)data[c, $"entropy{view}"]).ToDoubleArray());
                Assert.Equal(expected.BMode, ((BreastSeg.Rf.Mat.MatNumeric)data[c, $"bmode{view}"]).ToDoubleArray());
                var roi = ((BreastSeg.Rf.Mat.MatNumeric)data[c, $"roi{view}"]).ToDoubleArray();
                Assert.Equal(rfCase.Views[view - 1].Mask.Data.Select(b => b ? 1.0 : 0.0), roi);
            }
        }
    }

    /// <summary>The struct the verb wrote before it streamed cases: every case's maps built in memory, then written at
    /// once (kept here as the reference the streamed output must equal).</summary>
    private static BreastSeg.Rf.Mat.MatStruct WholeCohortMaps(string input, BreastSeg.Maps.MapOptions options, BreastSeg.Maps.MapKind[] kinds, string[] names)
    {
        var dataset = BreastSeg.Rf.OasbudFile.OpenWhole(input);
        var fields = new List<string> { "id" };
        for (int view = 1; view <= 2; view++)
        {
            fields.AddRange(kinds.Select(k => $"{names[(int)k]}{view}"));
            fields.Add($"roi{view}");
        }
        fields.AddRange(["birads", "class"]);
        var elements = new List<IReadOnlyDictionary<string, BreastSeg.Rf.Mat.MatValue>>();
        for (int c = 0; c < dataset.Count; c++)
        {
            var rfCase = dataset.GetCase(c);
            var element = new Dictionary<string, BreastSeg.Rf.Mat.MatValue> { ["id"] = new BreastSeg.Rf.Mat.MatChar(rfCase.Id) };
            for (int view = 1; view <= 2; view++)
            {
                var v = rfCase.Views[view - 1];
                var set = BreastSeg.Maps.ParametricMaps.Compute(v.Frame, options, kinds);
                foreach (var k in kinds) element[$"{names[(int)k]}{view}"] = BreastSeg.Rf.Mat.MatNumeric.FromDoubles(set.Samples, set.Lines, set.Get(k)!);
                element[$"roi{view}"] = new BreastSeg.Rf.Mat.MatNumeric([v.Mask.Samples, v.Mask.Lines], v.Mask.Data.Select(b => b ? (byte)1 : (byte)0).ToArray());
            }
            element["birads"] = new BreastSeg.Rf.Mat.MatChar(rfCase.BiRads);
            element["class"] = BreastSeg.Rf.Mat.MatNumeric.FromDoubles(1, 1, [rfCase.ClassCode]);
            elements.Add(element);
        }
        return new BreastSeg.Rf.Mat.MatStruct(fields, elements);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StreamedCohortMapsEqualTheWholeCohortOutput(bool compressedInput)
    {
        var cases = BreastSeg.Tests.Rf.OasbudTestData.Cases(5, seed: 11);
        BreastSeg.Rf.OasbudFile.Write(PathOf("oasbud.mat"), cases, BreastSeg.Rf.ClassCoding.OneIsMalignant, extraFields: null, compressedInput);
        var (code, stderr) = Run("maps", PathOf("oasbud.mat"), "--out", PathOf("out.mat"), "--window", "5x3", "--bins", "8", "--nakagami-window", "5x3");
        Assert.True(code == 0, stderr);
        var options = new BreastSeg.Maps.MapOptions { Window = BreastSeg.Maps.MapWindow.Pixels(5, 3), Bins = 8, BinRule = BreastSeg.Maps.EntropyBinRule.Fixed, NakagamiWindow = BreastSeg.Maps.MapWindow.Pixels(5, 3) };
        var kinds = new[] { BreastSeg.Maps.MapKind.Envelope, BreastSeg.Maps.MapKind.BMode, BreastSeg.Maps.MapKind.Entropy, BreastSeg.Maps.MapKind.Nakagami };
        var expected = WholeCohortMaps(PathOf("oasbud.mat"), options, kinds, ["envelope", "bmode", "entropy", "nakagami"]);
        BreastSeg.Rf.Mat.MatFile.Write(PathOf("whole.mat"), [new("data", expected)]);
        BreastSeg.Tests.Rf.MatTestData.AssertSame(BreastSeg.Rf.Mat.MatFile.ReadVariable(PathOf("whole.mat"), "data"), BreastSeg.Rf.Mat.MatFile.ReadVariable(PathOf("out.mat"), "data"));
        Assert.Equal(2, Directory.GetFiles(_dir, "*.mat").Count(f => f.EndsWith("out.mat") || f.EndsWith("whole.mat")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }
}
