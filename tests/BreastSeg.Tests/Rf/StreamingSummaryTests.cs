using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using PureHDF;

namespace BreastSeg.Tests.Rf;

/// <summary>
/// <see cref="MatFile.ReadSummaries"/>: the sum, minimum and maximum folded while the data streams past equal a naive
/// computation over the materialised arrays (random arrays of every class, nested in structs and cells, MAT v6, v7 and
/// v7.3), and a compressed array is summarised without being allocated.
/// </summary>
public class StreamingSummaryTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    [InlineData(true, 3)]
    public void Level5SummariesEqualTheNaiveStatisticsOfTheMaterialisedArrays(bool compress, int seed)
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("random.mat");
        var rng = new Random(seed);
        var variables = new List<KeyValuePair<string, MatValue>>();
        foreach (var type in MatTestData.ElementTypes)
        {
            int[] dims = [rng.Next(1, 300), rng.Next(1, 40)];
            variables.Add(new($"v{variables.Count}", MatTestData.RandomNumeric(type, dims, rng, complex: type != typeof(bool) && rng.Next(2) == 0)));
        }
        variables.Add(new("nested", new MatCell([MatTestData.RandomNumeric(typeof(short), [70, 3], rng),
            new MatStruct(["a", "b"], [new Dictionary<string, MatValue> { ["a"] = MatTestData.RandomNumeric(typeof(double), [5, 5], rng), ["b"] = new MatChar("text") }])])));
        variables.Add(new("empty", new MatNumeric([0, 3], Array.Empty<float>())));
        MatFile.Write(path, variables, compress);

        var materialised = MatFile.ReadVariables(path).ToList();
        var summarised = MatFile.ReadSummaries(path).ToList();
        Assert.Equal(materialised.Select(v => v.Key), summarised.Select(v => v.Key));
        int compared = 0;
        for (int i = 0; i < materialised.Count; i++) compared += AssertSummaries(materialised[i].Value, summarised[i].Value, materialised[i].Key);
        Assert.Equal(MatTestData.ElementTypes.Length + 3, compared);
    }

    [Fact]
    public void V73SummariesEqualTheNaiveStatisticsOfTheMaterialisedArrays()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("random73.mat");
        var rng = new Random(73);
        var file = new H5File();
        var names = MatTestData.NumericClassNames;
        foreach (var (type, matlabClass) in names)
        {
            int rows = rng.Next(1, 200), cols = rng.Next(1, 30);
            file[$"x{matlabClass}"] = MatV73Tests.Matlab(MatTestData.RandomArray(type, rows * cols, rng), matlabClass, (ulong)cols, (ulong)rows);
        }
        var mask = new byte[60];
        for (int i = 0; i < mask.Length; i++) mask[i] = (byte)rng.Next(2);
        file["mask"] = MatV73Tests.Matlab(mask, "logical", 6, 10);
        MatV73Tests.WriteV73(path, file);

        var materialised = MatFile.ReadVariables(path).ToList();
        var summarised = MatFile.ReadSummaries(path).ToList();
        Assert.Equal(names.Count + 1, materialised.Count);
        for (int i = 0; i < materialised.Count; i++) AssertSummaries(materialised[i].Value, summarised[i].Value, materialised[i].Key);
    }

    [Fact]
    public void CompressedArrayOverTheCapIsSummarisedWithoutBeingAllocated()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("zeros.mat");
        // 48 MB of doubles, almost all zero: about 50 KB compressed.
        var data = new double[6_000_000];
        data[17] = -3.5;
        data[^1] = 2;
        MatFile.Write(path, [new("z", new MatNumeric([data.Length, 1], data))]);
        data = null;

        using (MemoryCap.Scope(8L << 20))
        {
            var refused = Assert.Throws<BreastSegInputException>(() => MatFile.ReadVariables(path).ToList());
            Assert.Contains("over the memory cap of 8 MB", refused.Message);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var summary = Assert.IsType<MatSummary>(Assert.Single(MatFile.ReadSummaries(path)).Value);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal((-1.5, -3.5, 2.0), (summary.Sum, summary.Min, summary.Max));
            Assert.Equal([6_000_000, 1], summary.Dimensions);
            Assert.True(allocated < 2L << 20, $"summarising a 48 MB array allocated {allocated >> 10} KB");
        }
    }

    [Fact]
    public void InspectHonoursMaxMemoryAndPrintsTheSummaryOfArraysOverIt()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("big.mat");
        var data = new double[300_000];
        for (int i = 0; i < data.Length; i++) data[i] = i % 7;
        MatFile.Write(path, [new("x", new MatNumeric([1000, 300], data)), new("label", new MatChar(new string('a', 3000)))]);

        // The numeric array (2.3 MB) is summarised under a 1 MB cap; the char array (6000 bytes) is read and refused at 4 KB.
        var (code, output, error) = CliRun.Run("inspect", path, "--json", "--max-memory", "1MB");
        Assert.True(code == 0, error);
        var x = JsonDocument.Parse(output).RootElement.GetProperty("variables")[0];
        Assert.Equal((data.Sum(), 0.0, 6.0), (x.GetProperty("sum").GetDouble(), x.GetProperty("min").GetDouble(), x.GetProperty("max").GetDouble()));

        (code, _, error) = CliRun.Run("inspect", path, "--json", "--max-memory", "4KB");
        Assert.Equal(2, code);
        Assert.Contains($"{path}: variable 'label' (1x3000 char) declares 5.9 KB, over the memory cap of 4 KB", error);
        Assert.DoesNotContain('\n', error.TrimEnd());
        // The flag holds for its invocation only.
        Assert.NotEqual(4L << 10, MemoryCap.Bytes);
    }

    [Fact]
    public void RepeatedValuesFoldAsTheyWouldOneByOne()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 20; trial++)
        {
            double value = trial % 5 == 0 ? 0 : Math.Round((rng.NextDouble() - 0.5) * 100, 2);
            int count = rng.Next(1, 5000);
            var prefix = MatTestData.RandomArray(typeof(int), rng.Next(0, 50), rng);
            var repeated = new SummaryAccumulator();
            repeated.Add(prefix, prefix.Length);
            repeated.AddRepeated(value, count);
            var oneByOne = new SummaryAccumulator();
            oneByOne.Add(prefix, prefix.Length);
            oneByOne.Add<double>(Enumerable.Repeat(value, count).ToArray());
            Assert.Equal(oneByOne.Count, repeated.Count);
            Assert.Equal(oneByOne.Min, repeated.Min);
            Assert.Equal(oneByOne.Max, repeated.Max);
            Assert.Equal(oneByOne.Sum, repeated.Sum, 1e-9 * Math.Max(1, Math.Abs(oneByOne.Sum)));
        }
    }

    /// <summary>Compares a summary with a naive pass over the materialised value (recursing into structs and cells);
    /// returns how many numeric arrays were compared.</summary>
    internal static int AssertSummaries(MatValue materialised, MatValue summarised, string where)
    {
        switch (materialised)
        {
            case MatNumeric n:
                var s = Assert.IsType<MatSummary>(summarised);
                Assert.Equal(n.Dimensions, s.Dimensions);
                Assert.Equal(n.ClassName, s.ClassName);
                Assert.Equal(n.IsComplex, s.IsComplex);
                double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                long nonFinite = 0, firstNonFinite = -1, at = 0;
                foreach (double v in n.ToDoubleArray())
                {
                    sum += v;
                    min = Math.Min(min, double.IsNaN(v) ? min : v);
                    max = Math.Max(max, double.IsNaN(v) ? max : v);
                    if (!double.IsFinite(v) && nonFinite++ == 0) firstNonFinite = at;
                    at++;
                }
                if (n.Count == 0) (min, max) = (double.NaN, double.NaN);
                Assert.True(sum.Equals(s.Sum), $"{where}: sum {s.Sum}, naive {sum}");
                Assert.True(min.Equals(s.Min), $"{where}: min {s.Min}, naive {min}");
                Assert.True(max.Equals(s.Max), $"{where}: max {s.Max}, naive {max}");
                Assert.Equal(nonFinite, s.NonFiniteCount);
                Assert.Equal(firstNonFinite, s.FirstNonFinite);
                return 1;
            case MatCell c:
                var sc = Assert.IsType<MatCell>(summarised);
                return Enumerable.Range(0, (int)c.Count).Sum(i => AssertSummaries(c[i], sc[i], $"{where}{{{i + 1}}}"));
            case MatStruct st:
                var ss = Assert.IsType<MatStruct>(summarised);
                return Enumerable.Range(0, (int)st.Count).Sum(e => st.FieldNames.Sum(f => AssertSummaries(st[e, f], ss[e, f], $"{where}.{f}")));
            default:
                MatTestData.AssertSame(materialised, summarised, where);
                return 0;
        }
    }
}
