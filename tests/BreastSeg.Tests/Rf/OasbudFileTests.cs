using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

public class OasbudFileTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WrittenCasesOpenWithTheSameFramesMasksAndLabels(bool compress)
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort.mat");
        var cases = OasbudTestData.Cases(5, seed: 1);
        OasbudFile.Write(path, cases, ClassCoding.OneIsMalignant, extraFields: null, compress);

        var data = OasbudFile.Open(path);
        Assert.Equal(path, data.Path);
        Assert.Equal(5, data.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            var expected = cases[i];
            var actual = data.GetCase(i);
            Assert.Equal((i, expected.Id, expected.BiRads, expected.Malignant), (actual.Index, actual.Id, actual.BiRads, actual.Malignant));
            Assert.Equal(expected.Malignant ? 1 : 0, actual.ClassCode);
            for (int v = 0; v < 2; v++)
            {
                var (ef, af) = (expected.Views[v].Frame, actual.Views[v].Frame);
                Assert.Equal((ef.Samples, ef.Lines), (af.Samples, af.Lines));
                Assert.Equal(ef.Data.Select(OasbudTestData.StoredRf).Select(s => (double)s), af.Data);
                Assert.Equal(expected.Views[v].Mask.Data, actual.Views[v].Mask.Data);
                Assert.Equal(Acquisition.Oasbud, af.Acquisition);
                // The summary `inspect` prints, against a naive computation over what was stored.
                var rf = data.Summaries[i].Views[$"rf{v + 1}"];
                var stored = ef.Data.Select(x => (double)OasbudTestData.StoredRf(x)).ToArray();
                Assert.Equal(new ArraySummary([ef.Samples, ef.Lines], "int16", stored.Sum(), stored.Min(), stored.Max()) with { Shape = rf.Shape }, rf);
                Assert.Equal([ef.Samples, ef.Lines], rf.Shape);
                var roi = data.Summaries[i].Views[$"roi{v + 1}"];
                Assert.Equal(("uint8", (double)expected.Views[v].Mask.Area, 0.0, 1.0), (roi.ClassName, roi.Sum, roi.Min, roi.Max));
            }
        }
        Assert.Equal(new Dictionary<int, int> { [0] = 2, [1] = 3 }, data.ClassCounts);
        Assert.Equal(3, data.MalignantCount(ClassCoding.OneIsMalignant));
        Assert.Equal(2, data.MalignantCount(ClassCoding.ZeroIsMalignant));

        data.Coding = ClassCoding.ZeroIsMalignant;
        Assert.True(data.GetCase(0).Malignant); // class 0 under the other coding
        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetCase(5));
    }

    [Fact]
    public void CodingDecidesTheWrittenClassValue()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("zero.mat");
        var cases = OasbudTestData.Cases(3, seed: 2);
        OasbudFile.Write(path, cases, ClassCoding.ZeroIsMalignant);
        var raw = (MatStruct)MatFile.ReadVariable(path, "data");
        Assert.Equal(["id", "rf1", "rf2", "roi1", "roi2", "birads", "class"], raw.FieldNames);
        for (int i = 0; i < 3; i++)
        {
            var cls = (MatNumeric)raw[i, "class"];
            Assert.Equal(("double", cases[i].Malignant ? 0.0 : 1.0), (cls.ClassName, cls.ToDoubleArray()[0]));
            Assert.Equal("char", raw[i, "birads"].ClassName);
            Assert.Equal("char", raw[i, "id"].ClassName);
        }
        var data = OasbudFile.Open(path, ClassCoding.ZeroIsMalignant);
        Assert.Equal(cases.Select(c => c.Malignant), Enumerable.Range(0, 3).Select(i => data.GetCase(i).Malignant));
    }

    [Fact]
    public void AnyNumericClassForRfAndMasks()
    {
        using var dir = new MatTestData.TempDir();
        var rng = new Random(9);
        var fieldTypes = new[] { (typeof(double), typeof(bool)), (typeof(float), typeof(double)), (typeof(int), typeof(byte)), (typeof(ushort), typeof(short)), (typeof(sbyte), typeof(float)) };
        foreach (var (rfType, maskType) in fieldTypes)
        {
            var rf1 = MatTestData.RandomNumeric(rfType, [9, 4], rng);
            if (rf1.Real is double[] dd) for (int i = 0; i < dd.Length; i++) if (!double.IsFinite(dd[i])) dd[i] = i;
            if (rf1.Real is float[] ff) for (int i = 0; i < ff.Length; i++) if (!float.IsFinite(ff[i])) ff[i] = i;
            var roi1 = MatTestData.RandomNumeric(maskType, [9, 4], rng);
            if (roi1.Real is double[] rd) for (int i = 0; i < rd.Length; i++) if (!double.IsFinite(rd[i])) rd[i] = 1;
            if (roi1.Real is float[] rf) for (int i = 0; i < rf.Length; i++) if (!float.IsFinite(rf[i])) rf[i] = 0;
            var data = new MatStruct(OasbudFile.FieldNames,
            [
                new Dictionary<string, MatValue>
                {
                    ["id"] = MatNumeric.Scalar(17), ["rf1"] = rf1, ["rf2"] = rf1, ["roi1"] = roi1, ["roi2"] = roi1,
                    ["birads"] = new MatChar("3"), ["class"] = new MatNumeric([1, 1], new byte[] { 1 }),
                },
            ]);
            string path = dir.File($"{rfType.Name}.mat");
            MatFile.Write(path, [new("data", data)]);
            var c = OasbudFile.Open(path).GetCase(0);
            Assert.Equal("17", c.Id);
            Assert.Equal(rf1.ToDoubleArray(), c.Views[0].Frame.Data);
            Assert.Equal(roi1.ToDoubleArray().Select(v => v != 0), c.Views[1].Mask.Data);
            Assert.Equal(rf1.ClassName, OasbudFile.Open(path).Summaries[0].Views["rf1"].ClassName);
        }
    }

    public static TheoryData<string, string> Defects() => new()
    {
        { "mask-shape", "case 1 (id 'id1'), rf2: the RF frame is 24x12 but its mask roi2 is 3x3" },
        { "empty-rf", "case 1 (id 'id1'), rf1: the RF frame is empty or not 2-D (0x0)" },
        { "nan", "case 1 (id 'id1'), rf2: 2 NaN or Inf values, the first at sample 1, line 0 (0-based)" },
        { "class-2", "case 1 (id 'id1'), class: the class is 2, expected 0 or 1" },
        { "char-rf", "case 1 (id 'id1'), rf1: the RF is a char, expected a numeric array" },
        { "complex-roi", "case 1 (id 'id1'), roi1: the mask is complex, expected real samples" },
        { "missing-field", "the 'data' struct has no field roi2 (it has id, rf1, rf2, roi1, birads, class); not the OASBUD layout" },
        { "cell-birads", "case 1 (id 'id1'), birads: expected text or a number, found a 1x1 cell" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void DefectsNameTheCaseViewAndProblem(string defect, string expected)
    {
        using var dir = new MatTestData.TempDir();
        string bad = WriteDefective(dir, defect);
        var e = Assert.Throws<BreastSegInputException>(() => OasbudFile.Open(bad));
        Assert.Equal($"{bad}: {expected}", e.Message);
    }

    /// <summary>A three-case file with one of the <see cref="Defects"/> (by name) in <paramref name="dir"/>.</summary>
    internal static string WriteDefective(MatTestData.TempDir dir, string defect)
    {
        string good = dir.File("good.mat"), bad = dir.File("bad.mat");
        OasbudFile.Write(good, OasbudTestData.Cases(3, seed: 4));
        var data = (MatStruct)MatFile.ReadVariable(good, "data");
        var rf2 = (MatNumeric)data[1, "rf2"];
        var nanRf = rf2.ToDoubleArray();
        nanRf[1] = double.NaN;
        nanRf[5] = double.PositiveInfinity;
        data = defect switch
        {
            "mask-shape" => OasbudTestData.WithField(data, 1, "roi2", new MatNumeric([3, 3], new byte[9])),
            "empty-rf" => OasbudTestData.WithField(data, 1, "rf1", new MatNumeric([0, 0], Array.Empty<short>())),
            "nan" => OasbudTestData.WithField(data, 1, "rf2", new MatNumeric(rf2.Dimensions, nanRf)),
            "class-2" => OasbudTestData.WithField(data, 1, "class", MatNumeric.Scalar(2)),
            "char-rf" => OasbudTestData.WithField(data, 1, "rf1", new MatChar("rf")),
            "complex-roi" => OasbudTestData.WithField(data, 1, "roi1", new MatNumeric(data[1, "roi1"].Dimensions, ((MatNumeric)data[1, "roi1"]).Real, ((MatNumeric)data[1, "roi1"]).Real)),
            "missing-field" => OasbudTestData.WithField(data, 0, "roi2", null),
            _ => OasbudTestData.WithField(data, 1, "birads", new MatCell([new MatChar("4a")])),
        };
        MatFile.Write(bad, [new("data", data)]);
        return bad;
    }

    [Fact]
    public void WrongLayoutsAreReported()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("other.mat");
        MatFile.Write(path, [new("rf", MatNumeric.Scalar(1))]);
        Assert.Equal($"{path}: no variable 'data' (the file has rf)", Assert.Throws<BreastSegInputException>(() => OasbudFile.Open(path)).Message);
        MatFile.Write(path, [new("data", MatNumeric.FromDoubles(2, 2, new double[4]))]);
        Assert.Equal($"{path}: variable 'data' is a 2x2 double, expected the 1xN struct array of the OASBUD layout",
            Assert.Throws<BreastSegInputException>(() => OasbudFile.Open(path)).Message);
    }

    [Fact]
    public void ExtraFieldsAreWrittenAfterTheLayoutsFields()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("maps.mat");
        var cases = OasbudTestData.Cases(3, seed: 5);
        OasbudFile.Write(path, cases, ClassCoding.OneIsMalignant, c =>
        [
            new("entropy1", MatNumeric.FromDoubles(c.Views[0].Frame.Samples, c.Views[0].Frame.Lines, c.Views[0].Frame.Data.Select(x => x / 7).ToArray())),
            new("note", new MatChar($"map of {c.Id}")),
        ]);
        var raw = (MatStruct)MatFile.ReadVariable(path, "data");
        Assert.Equal(["id", "rf1", "rf2", "roi1", "roi2", "birads", "class", "entropy1", "note"], raw.FieldNames);
        Assert.Equal(cases[2].Views[0].Frame.Data.Select(x => x / 7), ((MatNumeric)raw[2, "entropy1"]).ToDoubleArray());
        Assert.Equal("map of id2", ((MatChar)raw[2, "note"]).Text);
        Assert.Equal(3, OasbudFile.Open(path).Count);

        Assert.Throws<ArgumentException>(() => OasbudFile.Write(dir.File("x.mat"), cases, ClassCoding.OneIsMalignant,
            c => c.Index == 1 ? [] : [new KeyValuePair<string, MatValue>("extra", MatNumeric.Scalar(1))]));
        Assert.Throws<ArgumentException>(() => OasbudFile.Write(dir.File("x.mat"), cases, ClassCoding.OneIsMalignant,
            c => [new KeyValuePair<string, MatValue>("rf1", MatNumeric.Scalar(1))]));
    }

    [Fact]
    public void WriterRefusesNonFiniteRfAndUnpairedViews()
    {
        using var dir = new MatTestData.TempDir();
        var good = OasbudTestData.Cases(1, seed: 6)[0];
        good.Views[1].Frame.Data[3] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => OasbudFile.Write(dir.File("x.mat"), [good]));
        Assert.Contains("case 0 (id 'id0'), rf2: sample 3 is NaN", e.Message);
        var oneView = good with { Views = [good.Views[0]] };
        Assert.Throws<ArgumentException>(() => OasbudFile.Write(dir.File("x.mat"), [oneView]));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
