using System.IO.Compression;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using PureHDF;
using PureHDF.Filters;
using PureHDF.VOL.Native;

namespace BreastSeg.Tests.Rf;

/// <summary>MAT v7.3 reading with bounds: deflate chunks inflate no further than their declared size, and summaries
/// read hyperslab blocks instead of whole arrays.</summary>
public class MatV73BoundsTests
{
    private static H5Dataset Chunked(object data, string matlabClass, uint[] chunks, params ulong[] hdf5Dims) =>
        new(data, chunks: chunks, fileDims: hdf5Dims, datasetCreation: new H5DatasetCreation(Filters: [DeflateFilter.Id]))
        {
            Attributes = new() { ["MATLAB_class"] = matlabClass },
        };

    [Fact]
    public void DeflateChunksReadEqualToWhatWasWritten()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("deflate73.mat");
        var rng = new Random(11);
        // 37 x 23 doubles in 8 x 5 chunks: partial edge chunks along both dimensions.
        var d = (double[])MatTestData.RandomArray(typeof(double), 37 * 23, rng);
        var s = (short[])MatTestData.RandomArray(typeof(short), 1000, rng);
        MatV73Tests.WriteV73(path, new H5File
        {
            ["d"] = Chunked(d, "double", [5, 8], 23, 37),
            ["s"] = Chunked(s, "int16", [1000], 1000),
        });

        var vars = MatFile.Read(path);
        Assert.Equal([37, 23], vars["d"].Dimensions);
        Assert.Equal(d, (double[])((MatNumeric)vars["d"]).Real);
        Assert.Equal(s, (short[])((MatNumeric)vars["s"]).Real);
    }

    [Fact]
    public void ChunkInflatingBeyondItsDeclaredSizeIsOneLineNamingFileAndVariable()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("inflate73.mat");
        // Random bytes do not compress: deflate stores them verbatim, so the chunk's zlib stream is found in the file
        // by its data and is a little longer than the 4096-byte chunk.
        var chunk = new byte[64 * 64];
        new Random(3).NextBytes(chunk);
        MatV73Tests.WriteV73(path, new H5File { ["x"] = Chunked(chunk, "uint8", [64, 64], 64, 64) });
        var bytes = File.ReadAllBytes(path);
        int data = bytes.AsSpan().IndexOf(chunk.AsSpan(0, 64));
        Assert.True(data > 7, "the stored chunk data was not found in the file");
        int stream = data - 7; // zlib header (2 bytes), then a stored block header (5 bytes)
        Assert.Equal(0x78, bytes[stream]);
        // A zlib stream of 1 MB of zeros is about 1 KB: it replaces the chunk's stream within the chunk's stored length.
        using var bomb = new MemoryStream();
        using (var z = new ZLibStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[1 << 20]);
        Assert.True(bomb.Length < chunk.Length, $"the bomb stream takes {bomb.Length} bytes");
        bomb.ToArray().CopyTo(bytes, stream);
        File.WriteAllBytes(path, bytes);

        foreach (var read in new Func<string, object>[] { p => MatFile.Read(p), p => MatFile.ReadSummaries(p).ToList() })
        {
            var e = Assert.Throws<BreastSegInputException>(() => read(path));
            Assert.Equal(path, e.Origin);
            Assert.Equal("variable 'x': a compressed chunk inflates beyond its 4096 bytes", e.Problem);
        }
    }

    [Fact]
    public void BlocksCoverTheDataspaceOnceInFileOrder()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("blocks.h5");
        var rng = new Random(21);
        var shapes = new List<ulong[]>();
        var file = new H5File();
        for (int i = 0; i < 12; i++)
        {
            var dims = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => (ulong)rng.Next(1, 9)).ToArray();
            shapes.Add(dims);
            long count = dims.Aggregate(1L, (a, b) => a * (long)b);
            file[$"a{i}"] = new H5Dataset(Enumerable.Range(0, (int)count).Select(v => (long)v).ToArray(), fileDims: dims);
        }
        file.Write(path);

        using var h5 = H5File.OpenRead(path);
        for (int i = 0; i < shapes.Count; i++)
        {
            var dataset = h5.Dataset($"a{i}");
            long count = shapes[i].Aggregate(1L, (a, b) => a * (long)b);
            var chunks = shapes[i].Select(d => (ulong)rng.Next(1, (int)d + 1)).ToArray();
            foreach (long max in new[] { 1L, 2, 3, rng.Next(1, (int)count + 1), count, count + 7 })
                foreach (long band in new[] { 0L, max, rng.Next(1, (int)count + 1), count })
                {
                    var read = new List<long>();
                    foreach (var block in Hdf5Blocks.Of(shapes[i], max, band == 0 ? null : chunks, band))
                    {
                        Assert.NotNull(block);
                        Assert.InRange((long)block.TotalElementCount, 1, Math.Max(max, band));
                        read.AddRange(dataset.Read<long[]>(block, null, [block.TotalElementCount]));
                    }
                    Assert.Equal(Enumerable.Range(0, (int)count).Select(v => (long)v), read);
                }
        }
        Assert.Empty(Hdf5Blocks.Of([3, 0, 2], 4));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(1000)]
    [InlineData(Hdf5Reader.SummaryBlockBytes)]
    public void BlockedSummariesEqualTheNaiveStatisticsOfTheMaterialisedArrays(int blockBytes)
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("blocked73.mat");
        var rng = new Random(blockBytes);
        var file = new H5File();
        var classes = MatTestData.NumericClassNames;
        foreach (var (type, matlabClass) in classes)
        {
            // MATLAB rows x cols x pages is HDF5 pages x cols x rows; every other array chunked and deflated.
            ulong rows = (ulong)rng.Next(1, 60), cols = (ulong)rng.Next(1, 12), pages = (ulong)rng.Next(1, 4);
            var values = MatTestData.RandomArray(type, (int)(rows * cols * pages), rng);
            file[$"x{matlabClass}"] = rng.Next(2) == 0
                ? MatV73Tests.Matlab(values, matlabClass, pages, cols, rows)
                : Chunked(values, matlabClass, [1, (uint)Math.Min(cols, 5), (uint)Math.Min(rows, 7)], pages, cols, rows);
        }
        var doubles = (double[])MatTestData.RandomArray(typeof(double), 300, rng);
        doubles[rng.Next(3, 300)] = double.NegativeInfinity;
        file["withInfinity"] = MatV73Tests.Matlab(doubles, "double", 20, 15);
        var mask = new byte[77];
        for (int i = 0; i < mask.Length; i++) mask[i] = (byte)rng.Next(3); // 2 is true too
        file["mask"] = Chunked(mask, "logical", [4, 4], 7, 11);
        MatV73Tests.WriteV73(path, file);

        var materialised = Hdf5Reader.Read(path);
        var summarised = Hdf5Reader.Read(path, summarize: true, blockBytes);
        Assert.Equal(materialised.Select(v => v.Key), summarised.Select(v => v.Key));
        int compared = 0;
        for (int i = 0; i < materialised.Count; i++)
            compared += StreamingSummaryTests.AssertSummaries(materialised[i].Value, summarised[i].Value, materialised[i].Key);
        Assert.Equal(classes.Count + 2, compared);
    }
}
