using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

/// <summary>The per-case reader (<see cref="OasbudFile.Open"/>: arrays left in the file, read on request) against the
/// whole-file reader (<see cref="OasbudFile.OpenWhole"/>: the `data` variable read at once).</summary>
public class OasbudCaseReaderTests
{
    private static readonly Type[] RfTypes = [typeof(short), typeof(double), typeof(float), typeof(int), typeof(sbyte)];
    private static readonly Type[] MaskTypes = [typeof(byte), typeof(bool), typeof(double), typeof(short)];

    /// <summary>A random OASBUD-layout `data` struct: every case's RF and masks of a random class and shape (finite
    /// values), ids as text or numbers, class 0/1 in a random numeric class.</summary>
    private static MatStruct RandomCohort(int cases, Random rng)
    {
        var elements = new List<IReadOnlyDictionary<string, MatValue>>();
        for (int c = 0; c < cases; c++)
        {
            var element = new Dictionary<string, MatValue>
            {
                ["id"] = rng.Next(2) == 0 ? new MatChar($"case-{c}") : MatNumeric.Scalar(100 + c),
                ["birads"] = rng.Next(2) == 0 ? new MatChar(rng.Next(2) == 0 ? "4a" : "5") : MatNumeric.Scalar(3),
                ["class"] = rng.Next(2) == 0 ? MatNumeric.Scalar(rng.Next(2)) : new MatNumeric([1, 1], new byte[] { (byte)rng.Next(2) }),
            };
            for (int v = 1; v <= 2; v++)
            {
                int[] dims = [rng.Next(1, 40), rng.Next(1, 12)];
                var rf = MatTestData.RandomNumeric(RfTypes[rng.Next(RfTypes.Length)], dims, rng);
                if (rf.Real is double[] d) for (int i = 0; i < d.Length; i++) d[i] = Math.Round((rng.NextDouble() - 0.5) * 1e4, 3);
                if (rf.Real is float[] f) for (int i = 0; i < f.Length; i++) f[i] = (float)(rng.NextDouble() - 0.5);
                var roiType = MaskTypes[rng.Next(MaskTypes.Length)];
                var roi = roiType == typeof(double)
                    ? new MatNumeric(dims, Enumerable.Range(0, dims[0] * dims[1]).Select(_ => (double)rng.Next(2)).ToArray())
                    : MatTestData.RandomNumeric(roiType, dims, rng);
                element[$"rf{v}"] = rf;
                element[$"roi{v}"] = roi;
            }
            elements.Add(element);
        }
        return new MatStruct(OasbudFile.FieldNames, elements);
    }

    private static void AssertSameCase(RfCase expected, RfCase actual)
    {
        Assert.Equal((expected.Index, expected.Id, expected.BiRads, expected.ClassCode, expected.Malignant),
            (actual.Index, actual.Id, actual.BiRads, actual.ClassCode, actual.Malignant));
        Assert.Equal(expected.Views.Count, actual.Views.Count);
        for (int v = 0; v < expected.Views.Count; v++)
        {
            var (e, a) = (expected.Views[v], actual.Views[v]);
            Assert.Equal((e.Frame.Samples, e.Frame.Lines, e.Frame.Acquisition), (a.Frame.Samples, a.Frame.Lines, a.Frame.Acquisition));
            Assert.Equal(e.Frame.Data, a.Frame.Data);
            Assert.Equal((e.Mask.Samples, e.Mask.Lines), (a.Mask.Samples, a.Mask.Lines));
            Assert.Equal(e.Mask.Data, a.Mask.Data);
        }
    }

    private static void AssertSameSummaries(OasbudDataset expected, OasbudDataset actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ClassCounts, actual.ClassCounts);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected.Summaries[i], actual.Summaries[i]);
            Assert.Equal((e.Index, e.Id, e.ClassCode, e.BiRads), (a.Index, a.Id, a.ClassCode, a.BiRads));
            foreach (var field in new[] { "rf1", "rf2", "roi1", "roi2" })
            {
                var (es, @as) = (e.Views[field], a.Views[field]);
                Assert.Equal((es.ClassName, es.Sum, es.Min, es.Max), (@as.ClassName, @as.Sum, @as.Min, @as.Max));
                Assert.Equal(es.Shape, @as.Shape);
            }
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void RandomCohortsReadCaseByCaseEqualTheWholeFile(int seed, bool compress)
    {
        using var dir = new MatTestData.TempDir();
        var rng = new Random(seed);
        string path = dir.File("cohort.mat");
        // Another variable before and after `data`: the per-case reader must find the struct's element among others.
        MatFile.Write(path, [new("before", MatTestData.RandomNumeric(typeof(double), [3, 5], rng)), new("data", RandomCohort(12, rng)),
            new("after", new MatChar("x"))], compress);
        foreach (var coding in new[] { ClassCoding.OneIsMalignant, ClassCoding.ZeroIsMalignant })
        {
            var whole = OasbudFile.OpenWhole(path, coding);
            var perCase = OasbudFile.Open(path, coding);
            AssertSameSummaries(whole, perCase);
            Assert.Equal(whole.MalignantCount(coding), perCase.MalignantCount(coding));
            // In file order, backwards, and at random, as the pipeline's phases ask for cases.
            var order = Enumerable.Range(0, whole.Count).Concat(Enumerable.Range(0, whole.Count).Reverse())
                .Concat(Enumerable.Range(0, 20).Select(_ => rng.Next(whole.Count)));
            foreach (int i in order) AssertSameCase(whole.GetCase(i), perCase.GetCase(i));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomV73CohortsReadCaseByCaseEqualTheWholeFile(int seed)
    {
        using var dir = new MatTestData.TempDir();
        var rng = new Random(seed);
        string path = dir.File("cohort73.mat");
        var data = RandomCohort(10, rng);
        MatV73Tests.WriteV73Struct(path, OasbudFile.VariableName, data);
        var whole = OasbudFile.OpenWhole(path);
        var perCase = OasbudFile.Open(path);
        AssertSameSummaries(whole, perCase);
        // The per-case reader keeps only summaries of the RF and masks: nothing of a frame's values is held.
        var read = MatFile.ReadVariableDeferred(path, OasbudFile.VariableName) as MatStruct;
        Assert.All(Enumerable.Range(0, (int)read!.Count), e => Assert.All(new[] { "rf1", "rf2", "roi1", "roi2" },
            f => Assert.True(read[e, f] is MatSummary { Stored: Hdf5ArrayLocation } or MatNumeric { Count: 0 }, $"case {e}, {f}: {read[e, f].GetType().Name}")));
        var order = Enumerable.Range(0, whole.Count).Reverse().Concat(Enumerable.Range(0, 15).Select(_ => rng.Next(whole.Count)));
        foreach (int i in order) AssertSameCase(whole.GetCase(i), perCase.GetCase(i));
        var parallel = new RfCase[whole.Count * 2];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => parallel[k] = perCase.GetCase(k % whole.Count));
        for (int k = 0; k < parallel.Length; k++) AssertSameCase(whole.GetCase(k % whole.Count), parallel[k]);
    }

    [Fact]
    public void AV73FileChangedAfterOpeningIsRefusedInOneLine()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort73.mat");
        MatV73Tests.WriteV73Struct(path, OasbudFile.VariableName, RandomCohort(3, new Random(7)));
        var perCase = OasbudFile.Open(path);
        MatV73Tests.WriteV73Struct(path, OasbudFile.VariableName, RandomCohort(4, new Random(8)));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var e = Assert.Throws<BreastSegInputException>(() => perCase.GetCase(0));
        Assert.Equal($"{path}: the file changed after it was opened; open it again", e.Message);
    }

    [Fact]
    public void CasesWrittenByTheKitReadTheSameInParallel()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort.mat");
        OasbudFile.Write(path, OasbudTestData.Cases(9, seed: 5));
        var whole = OasbudFile.OpenWhole(path);
        var perCase = OasbudFile.Open(path);
        var read = new RfCase[whole.Count * 3];
        Parallel.For(0, read.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => read[k] = perCase.GetCase(k % whole.Count));
        for (int k = 0; k < read.Length; k++) AssertSameCase(whole.GetCase(k % whole.Count), read[k]);
    }

    [Theory]
    [MemberData(nameof(OasbudFileTests.Defects), MemberType = typeof(OasbudFileTests))]
    public void DefectsGiveTheWholeFileReadersErrors(string defect, string expected)
    {
        using var dir = new MatTestData.TempDir();
        string bad = OasbudFileTests.WriteDefective(dir, defect);
        Assert.Equal($"{bad}: {expected}", Assert.Throws<BreastSegInputException>(() => OasbudFile.OpenWhole(bad)).Message);
        Assert.Equal($"{bad}: {expected}", Assert.Throws<BreastSegInputException>(() => OasbudFile.Open(bad)).Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TruncatedAndDamagedFilesGiveTheSameOneLineErrors(bool compress)
    {
        using var dir = new MatTestData.TempDir();
        string good = dir.File("good.mat"), bad = dir.File("bad.mat");
        OasbudFile.Write(good, OasbudTestData.Cases(4, seed: 8), ClassCoding.OneIsMalignant, extraFields: null, compress);
        byte[] bytes = File.ReadAllBytes(good);
        var rng = new Random(compress ? 1 : 2);
        int failures = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            byte[] damaged;
            if (trial % 2 == 0) damaged = bytes[..rng.Next(bytes.Length)];
            else
            {
                damaged = (byte[])bytes.Clone();
                for (int k = 0; k < 3; k++) damaged[rng.Next(MatElementTags.HeaderBytes, damaged.Length)] ^= (byte)rng.Next(1, 256);
            }
            File.WriteAllBytes(bad, damaged);
            var (wholeError, whole) = Try(() => OasbudFile.OpenWhole(bad));
            var (perCaseError, perCase) = Try(() => OasbudFile.Open(bad));
            Assert.Equal(wholeError, perCaseError);
            if (wholeError is not null)
            {
                failures++;
                Assert.StartsWith($"{bad}: ", wholeError);
                Assert.DoesNotContain('\n', wholeError);
                continue;
            }
            AssertSameSummaries(whole!, perCase!);
            for (int i = 0; i < whole!.Count; i++) AssertSameCase(whole.GetCase(i), perCase!.GetCase(i));
        }
        Assert.True(failures > 20, $"only {failures} of 60 damaged files were refused");
    }

    private static (string? Error, OasbudDataset? Data) Try(Func<OasbudDataset> open)
    {
        try
        {
            return (null, open());
        }
        catch (BreastSegInputException e)
        {
            return (e.Message, null);
        }
    }

    [Fact]
    public void AFileReplacedAfterOpeningIsReportedNotMisread()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort.mat");
        OasbudFile.Write(path, OasbudTestData.Cases(3, seed: 1));
        var opened = OasbudFile.Open(path);
        OasbudFile.Write(path, OasbudTestData.Cases(4, seed: 2));
        var e = Assert.Throws<BreastSegInputException>(() => opened.GetCase(0));
        Assert.Equal($"{path}: the file changed after it was opened; open it again", e.Message);
    }

    [Fact]
    public void InspectionSummariesStillHaveNoFrames()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("cohort.mat");
        OasbudFile.Write(path, OasbudTestData.Cases(2, seed: 3));
        var summaries = MatFile.ReadSummaries(path).First(v => v.Key == "data").Value;
        var data = OasbudFile.FromVariable(path, summaries);
        Assert.Throws<InvalidOperationException>(() => data.GetCase(0));
    }
}
