using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

public class MatRoundTripTests
{
    public static TheoryData<string, bool> ClassesAndCompression()
    {
        var data = new TheoryData<string, bool>();
        foreach (var t in MatTestData.ElementTypes)
            foreach (bool compress in new[] { true, false }) data.Add(t.Name, compress);
        return data;
    }

    private static Type TypeNamed(string name) => MatTestData.ElementTypes.Single(t => t.Name == name);

    private static MatValue RoundTrip(MatValue value, bool compress = true, string name = "x")
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("v.mat");
        MatFile.Write(path, [new(name, value)], compress);
        var read = MatFile.Read(path);
        Assert.Equal([name], read.Keys);
        return read[name];
    }

    [Theory]
    [MemberData(nameof(ClassesAndCompression))]
    public void EveryNumericClassAndShapeRoundTrips(string typeName, bool compress)
    {
        var type = TypeNamed(typeName);
        var rng = new Random(typeName.Length * 31 + (compress ? 1 : 0));
        int[][] shapes = [[1, 1], [5, 7], [1, 13], [13, 1], [2, 3, 4], [0, 0], [1, 0], [0, 5], [3, 0, 2]];
        foreach (var dims in shapes)
        {
            var value = MatTestData.RandomNumeric(type, dims, rng);
            MatTestData.AssertSame(value, RoundTrip(value, compress), $"{typeName} {string.Join("x", dims)}");
            if (type != typeof(bool))
            {
                var complex = MatTestData.RandomNumeric(type, dims, rng, complex: true);
                MatTestData.AssertSame(complex, RoundTrip(complex, compress), $"complex {typeName} {string.Join("x", dims)}");
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CharStructAndCellRoundTrip(bool compress)
    {
        var rng = new Random(7);
        var value = new MatStruct(["id", "rf", "mask", "note", "nested", "cells", "empty"],
        [
            new Dictionary<string, MatValue>
            {
                ["id"] = new MatChar("µ-case ü € 𝄞"), // BMP and a surrogate pair: UTF-16 code units stored as is
                ["rf"] = MatTestData.RandomNumeric(typeof(short), [40, 9], rng),
                ["mask"] = MatTestData.RandomNumeric(typeof(bool), [40, 9], rng),
                ["note"] = new MatChar([2, 3], "adbecf"),
                ["nested"] = new MatStruct(["a"], [new Dictionary<string, MatValue> { ["a"] = MatNumeric.Scalar(1) }]),
                ["cells"] = new MatCell([2, 1], [new MatChar("ñandú"), MatTestData.RandomNumeric(typeof(double), [2, 2], rng, complex: true)]),
                ["empty"] = new MatNumeric([0, 0], Array.Empty<double>()),
            },
            new Dictionary<string, MatValue>
            {
                ["id"] = new MatChar(""),
                ["rf"] = MatTestData.RandomNumeric(typeof(short), [17, 3], rng),
                ["mask"] = MatTestData.RandomNumeric(typeof(bool), [17, 3], rng),
                ["note"] = new MatChar([0, 0], ""),
                ["nested"] = new MatStruct([1, 0], ["a"], []),
                ["cells"] = new MatCell([0, 0], []),
                ["empty"] = new MatStruct([1, 1], [], []),
            },
        ]);
        var read = RoundTrip(value, compress, "data");
        MatTestData.AssertSame(value, read);
        Assert.Equal(["abc", "def"], ((MatChar)((MatStruct)read)[0, "note"]).Rows);
        Assert.Equal("µ-case ü € 𝄞", ((MatChar)((MatStruct)read)[0, "id"]).Text);
    }

    [Fact]
    public void SeveralVariablesKeepTheirOrderAndNames()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("many.mat");
        var rng = new Random(3);
        var vars = Enumerable.Range(0, 12).Select(i => new KeyValuePair<string, MatValue>(i % 3 == 0 ? $"v{i}" : $"variable_with_long_name_{i}", MatTestData.RandomNumeric(typeof(double), [i, 2], rng))).ToList();
        MatFile.Write(path, vars);
        var streamed = MatFile.ReadVariables(path).ToList();
        Assert.Equal(vars.Select(v => v.Key), streamed.Select(v => v.Key));
        for (int i = 0; i < vars.Count; i++) MatTestData.AssertSame(vars[i].Value, streamed[i].Value, vars[i].Key);
        MatTestData.AssertSame(vars[4].Value, MatFile.ReadVariable(path, vars[4].Key));
    }

    [Fact]
    public void WriterRefusesNamesMatlabCannotLoad()
    {
        using var dir = new MatTestData.TempDir();
        foreach (string bad in new[] { "", "1x", "_x", "a-b", new string('a', 64) })
            Assert.Throws<ArgumentException>(() => MatFile.Write(dir.File("bad.mat"), [new(bad, MatNumeric.Scalar(1))]));
        Assert.Empty(Directory.GetFiles(dir.Path)); // nothing half-written
    }

    [Fact]
    public void ToDoubleArrayWidensEveryClassExactly()
    {
        var rng = new Random(11);
        foreach (var type in MatTestData.ElementTypes)
        {
            var value = MatTestData.RandomNumeric(type, [3, 4], rng);
            var widened = value.ToDoubleArray();
            for (int i = 0; i < widened.Length; i++)
            {
                object raw = value.Real.GetValue(i)!;
                double expected = raw is bool b ? (b ? 1 : 0) : Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected, widened[i]);
            }
        }
    }
}
