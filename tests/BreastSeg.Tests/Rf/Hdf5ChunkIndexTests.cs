using System.Buffers.Binary;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using PureHDF;

namespace BreastSeg.Tests.Rf;

/// <summary>
/// The hand-written v1 B-tree chunk index reader and the summaries built on it, on sparse73.mat (Fixtures/sparse73.py:
/// 20 random chunked datasets in MATLAB's HDF5 layout, random chunk shapes with partial edge chunks, a random subset
/// of chunks written, fill values 0, nonzero and NaN, with and without deflate, B-trees up to three levels deep). The
/// references are independent: libhdf5's own chunk list (stored by the generator) and PureHDF's full read.
/// </summary>
public class Hdf5ChunkIndexTests
{
    private const int DatasetCount = 20;

    /// <summary>Copies the embedded fixture <paramref name="name"/> (Fixtures/) into <paramref name="dir"/>.</summary>
    internal static string Fixture(MatTestData.TempDir dir, string name = "sparse73.mat")
    {
        string path = dir.File(name);
        using var resource = typeof(Hdf5ChunkIndexTests).Assembly.GetManifestResourceStream(name)!;
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    [Fact]
    public void ChunkListEqualsLibhdf5sOwnIndex()
    {
        using var dir = new MatTestData.TempDir();
        string path = Fixture(dir);
        using var h5 = H5File.OpenRead(path);
        using var stream = File.OpenRead(path);
        var superblock = Hdf5Superblock.Read(stream);
        Assert.Equal((512L, 8, 8), (superblock.BaseAddress, superblock.OffsetSize, superblock.LengthSize));
        int chunksSeen = 0;
        for (int i = 0; i < DatasetCount; i++)
        {
            var dataset = h5.Dataset($"v{i}");
            var (bTree, chunkDims) = Hdf5ChunkIndex.Version3Layout(dataset) ?? throw new Xunit.Sdk.XunitException($"v{i}: no version 3 layout");
            var chunks = Hdf5ChunkIndex.Read(stream, superblock, bTree, dataset.Space.Dimensions, chunkDims, $"v{i}");
            int rank = dataset.Space.Dimensions.Length;
            // Rows of libhdf5's H5Dget_chunk_info: offsets, filter mask, address (relative to the base), stored size.
            var expected = dataset.Attribute("chunks").Read<int[]>();
            Assert.Equal(expected.Length / (rank + 3), chunks.Count);
            var byOffset = chunks.ToDictionary(c => string.Join(",", c.Offset));
            for (int row = 0; row < chunks.Count; row++)
            {
                var e = expected.AsSpan(row * (rank + 3), rank + 3);
                var chunk = byOffset[string.Join(",", e[..rank].ToArray())];
                Assert.Equal((e[rank], 512L + e[rank + 1], e[rank + 2]), ((int)chunk.FilterMask, chunk.FilePosition, (int)chunk.StoredBytes));
            }
            chunksSeen += chunks.Count;
        }
        Assert.True(chunksSeen > 150, $"the fixture lists {chunksSeen} chunks");
    }

    [Fact]
    public void SummariesFromTheChunkIndexEqualTheNaiveStatisticsOfTheFullRead()
    {
        using var dir = new MatTestData.TempDir();
        string path = Fixture(dir);
        // Every dataset has unwritten chunks, so each summary goes through the chunk index.
        using (var h5 = H5File.OpenRead(path))
            for (int i = 0; i < DatasetCount; i++)
                Assert.NotNull(Hdf5SparseLayout.Of(path, h5.Dataset($"v{i}"), 16, $"v{i}"));

        var materialised = Hdf5Reader.Read(path).ToDictionary(v => v.Key, v => (MatNumeric)v.Value);
        var summarised = MatFile.ReadSummaries(path).ToDictionary(v => v.Key, v => (MatSummary)v.Value);
        Assert.Equal(DatasetCount, summarised.Count);
        foreach (var (name, full) in materialised)
        {
            var s = summarised[name];
            Assert.Equal(full.Dimensions, s.Dimensions);
            Assert.Equal(full.ClassName, s.ClassName);
            double sum = 0, magnitude = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            long nonFinite = 0, first = -1, at = 0;
            foreach (double v in full.ToDoubleArray())
            {
                sum += v;
                if (double.IsFinite(v)) magnitude += Math.Abs(v);
                else if (nonFinite++ == 0) first = at;
                if (v < min) min = v;
                if (v > max) max = v;
                at++;
            }
            Assert.Equal(full.Count, at);
            Assert.True(min.Equals(s.Min) && max.Equals(s.Max), $"{name}: min/max {s.Min}/{s.Max}, naive {min}/{max}");
            Assert.Equal((nonFinite, first), (s.NonFiniteCount, s.FirstNonFinite));
            // Chunk by chunk, then the fill value times the unwritten count: equal up to rounding.
            Assert.True(double.IsFinite(sum) ? Math.Abs(sum - s.Sum) <= 1e-12 * magnitude : sum.Equals(s.Sum), $"{name}: sum {s.Sum}, naive {sum}");
        }
        // v17's fill value is NaN: the first non-finite position comes from an unwritten chunk.
        using (var h5 = H5File.OpenRead(path)) Assert.True(float.IsNaN(h5.Dataset("v17").FillValue.GetValue<float>() ?? 0));
        Assert.True(summarised["v17"].NonFiniteCount > 100);
    }

    [Fact]
    public void OtherLayoutsAreLeftToTheBlockPath()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("v4.mat");
        // PureHDF writes data layout message 4 (its chunk indexes are not version 1 B-trees), and contiguous data.
        MatV73Tests.WriteV73(path, new H5File
        {
            ["chunked"] = new H5Dataset(new double[60], chunks: [2, 3], fileDims: [6, 10]) { Attributes = new() { ["MATLAB_class"] = "double" } },
            ["contiguous"] = MatV73Tests.Matlab(new double[6], "double", 2, 3),
        });
        using var h5 = H5File.OpenRead(path);
        foreach (string name in new[] { "chunked", "contiguous" })
        {
            Assert.Null(Hdf5ChunkIndex.Version3Layout(h5.Dataset(name)));
            Assert.Null(Hdf5SparseLayout.Of(path, h5.Dataset(name), 16, name));
        }
    }

    public static TheoryData<string, int> Damages() => new()
    {
        { "signature", 0 },
        { "cycle", 1 },
        { "beyond", 2 },
        { "entries", 3 },
        { "level", 4 },
        { "duplicate", 5 },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedIndexIsOneLineNamingFileAndVariable(string damage, int _)
    {
        using var dir = new MatTestData.TempDir();
        string path = Fixture(dir);
        // v18: 40 written chunks of 1 x 1 int16, four to a node: a root of level 2.
        const string name = "v18";
        long root;
        using (var h5 = H5File.OpenRead(path)) root = 512 + (long)Hdf5ChunkIndex.Version3Layout(h5.Dataset(name))!.Value.BTreeAddress;
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("TREE"u8.ToArray(), bytes[(int)root..(int)(root + 4)]);
        Assert.Equal(2, bytes[root + 5]);
        const int header = 24, key = 8 + 8 * 3;
        int firstChild = (int)root + header + key, secondKey = firstChild + 8;
        string expected;
        switch (damage)
        {
            case "signature":
                bytes[root] = (byte)'X';
                expected = "no B-tree node signature at address";
                break;
            case "cycle":
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(firstChild), (ulong)(root - 512));
                expected = "is reached twice (a cycle or a shared node)";
                break;
            case "beyond":
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(firstChild), (ulong)bytes.Length);
                expected = $"lies beyond the file's {bytes.Length} bytes";
                break;
            case "entries":
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)root + 6), ushort.MaxValue);
                expected = $"lies beyond the file's {bytes.Length} bytes";
                break;
            case "level":
                bytes[root + 5] = 200;
                expected = "where 199 was expected";
                break;
            default:
                // The root's second child pointing at its first: a node shared by two parents.
                Array.Copy(bytes, firstChild, bytes, secondKey + key, 8);
                expected = "is reached twice";
                break;
        }
        File.WriteAllBytes(path, bytes);
        // Summaries and full reads (Hdf5SparseRead) go through the same index.
        foreach (Action read in new Action[] { () => MatFile.ReadSummaries(path).ToList(), () => MatFile.Read(path) })
        {
            var e = Assert.Throws<BreastSegInputException>(read);
            Assert.Equal(path, e.Origin);
            Assert.StartsWith($"variable '{name}': chunk index: ", e.Problem);
            Assert.Contains(expected, e.Problem);
            Assert.DoesNotContain('\n', e.Message);
        }
    }
}
