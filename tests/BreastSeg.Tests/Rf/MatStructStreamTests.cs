using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

/// <summary><see cref="MatFile.WriteStructArray"/> (elements written one at a time) against
/// <see cref="MatFile.Write(string, IEnumerable{KeyValuePair{string, MatValue}}, bool)"/> of the whole struct.</summary>
public class MatStructStreamTests
{
    private static MatValue RandomValue(Random rng, int depth)
    {
        int kind = rng.Next(depth > 1 ? 3 : 5);
        return kind switch
        {
            0 => MatTestData.RandomNumeric(MatTestData.ElementTypes[rng.Next(MatTestData.ElementTypes.Length)], [rng.Next(0, 7), rng.Next(1, 5)], rng, complex: rng.Next(4) == 0 && depth == 0),
            1 => new MatChar(rng.Next(3) == 0 ? "Zürich" : new string('a', rng.Next(0, 9))),
            2 => MatNumeric.Scalar(rng.Next(100)),
            3 => new MatCell([RandomValue(rng, depth + 1), RandomValue(rng, depth + 1)]),
            _ => new MatStruct(["a", "bb"], [new Dictionary<string, MatValue> { ["a"] = RandomValue(rng, depth + 1), ["bb"] = RandomValue(rng, depth + 1) }]),
        };
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void StreamedStructEqualsTheWholeStructsFile(int seed, bool compress)
    {
        using var dir = new MatTestData.TempDir();
        var rng = new Random(seed);
        string[] fields = ["id", "field_with_a_long_name", "x"];
        var elements = Enumerable.Range(0, rng.Next(1, 9))
            .Select(_ => (IReadOnlyList<KeyValuePair<string, MatValue>>)fields.Select(f => new KeyValuePair<string, MatValue>(f, RandomValue(rng, 0))).ToList())
            .ToList();
        string whole = dir.File("whole.mat"), streamed = dir.File("streamed.mat");
        var data = new MatStruct([1, elements.Count], fields, elements.SelectMany(e => e.Select(kv => kv.Value)).ToList());
        MatFile.Write(whole, [new("data", data)], compress);
        int produced = 0;
        MatFile.WriteStructArray(streamed, "data", elements.Select(e => { produced++; return e; }), compress);
        Assert.Equal(elements.Count, produced);

        MatTestData.AssertSame(MatFile.ReadVariable(whole, "data"), MatFile.ReadVariable(streamed, "data"));
        // Byte for byte after the header (which carries the time of writing); zlib's output depends on how its input
        // was split into writes, so a compressed element is compared inflated.
        Assert.Equal(Element(whole, compress), Element(streamed, compress));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    private static byte[] Element(string path, bool compressed)
    {
        byte[] bytes = File.ReadAllBytes(path)[MatElementTags.HeaderBytes..];
        if (!compressed) return bytes;
        Assert.Equal((int)MiType.Compressed, BitConverter.ToInt32(bytes, 0));
        Assert.Equal(bytes.Length - MatElementTags.TagBytes, BitConverter.ToInt32(bytes, 4));
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(bytes, MatElementTags.TagBytes, bytes.Length - MatElementTags.TagBytes),
            System.IO.Compression.CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        return inflated.ToArray();
    }

    [Fact]
    public void AProblemMidwayLeavesNothingBehind()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("out.mat");
        IEnumerable<IReadOnlyList<KeyValuePair<string, MatValue>>> Elements()
        {
            yield return [new("a", MatNumeric.Scalar(1))];
            yield return [new("b", MatNumeric.Scalar(2))];
        }
        foreach (bool compress in new[] { true, false })
        {
            var e = Assert.Throws<ArgumentException>(() => MatFile.WriteStructArray(path, "data", Elements(), compress));
            Assert.Contains("variable 'data'(2) has fields b, the first element has a", e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        }
    }
}
