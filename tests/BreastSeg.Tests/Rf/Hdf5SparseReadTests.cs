using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using PureHDF;

namespace BreastSeg.Tests.Rf;

/// <summary>
/// Full reads of chunked v7.3 datasets with unwritten chunks through the chunk index (<see cref="Hdf5SparseRead"/>),
/// against PureHDF's own read of the whole dataspace (which fills unwritten chunks itself), element for element, on
/// sparse73.mat (Hdf5ChunkIndexTests) and sparse73read.mat (Fixtures/sparse73read.py: random datasets of double,
/// int16, uint8, single, logical, char, uint32, int64, ranks 1 to 3, fill values 0, nonzero and NaN, deflate, shuffle
/// or none, chunks spanning whole faster dimensions, some datasets with no chunk written), and the summary of a
/// declared-huge sparse dataset (sparsebomb73.mat: 200000 x 200000 double, two chunks written).
/// </summary>
public class Hdf5SparseReadTests
{
    [Theory]
    [InlineData("sparse73.mat")]
    [InlineData("sparse73read.mat")]
    public void FullReadEqualsPureHdfsReadOfTheWholeDataspace(string fixture)
    {
        using var dir = new MatTestData.TempDir();
        string path = Hdf5ChunkIndexTests.Fixture(dir, fixture);
        var read = MatFile.Read(path);
        using var h5 = H5File.OpenRead(path);
        int throughIndex = 0;
        foreach (var child in h5.Children())
        {
            var dataset = (IH5Dataset)child;
            string name = child.Name, matlabClass = dataset.Attribute("MATLAB_class").Read<string>().TrimEnd('\0');
            if (Hdf5SparseLayout.Of(path, dataset, 16, name) is not null) throughIndex++;
            else Assert.Equal("dense", name);
            Array expected = WholeDataspace(dataset);
            var value = read[name];
            Assert.Equal(dataset.Space.Dimensions.Reverse().Select(d => (int)d).Concat([1, 1]).Take(Math.Max(2, dataset.Space.Dimensions.Length)), value.Dimensions);
            Assert.Equal(matlabClass, value.ClassName);
            switch (value)
            {
                case MatChar text:
                    Assert.Equal(new string(expected.Cast<ushort>().Select(c => (char)c).ToArray()), text.Characters);
                    break;
                case MatNumeric { IsLogical: true } flags:
                    Assert.Equal(expected.Cast<byte>().Select(b => b != 0), (bool[])flags.Real);
                    break;
                case MatNumeric numeric:
                    // Same element type and the same values, NaN included (Equals, not ==).
                    Assert.Equal(expected.GetType(), numeric.Real.GetType());
                    Assert.Equal(expected.Length, numeric.Real.Length);
                    for (int i = 0; i < expected.Length; i++)
                        Assert.True(expected.GetValue(i)!.Equals(numeric.Real.GetValue(i)), $"{name}[{i}]: {numeric.Real.GetValue(i)}, PureHDF {expected.GetValue(i)}");
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"{name}: read as {value.GetType().Name}");
            }
        }
        Assert.True(throughIndex >= 20, $"{throughIndex} datasets went through the chunk index");
    }

    [Fact]
    public void DeclaredHugeSparseDatasetIsSummarisedFromItsWrittenChunksAndRefusedWhole()
    {
        using var dir = new MatTestData.TempDir();
        string path = Hdf5ChunkIndexTests.Fixture(dir, "sparsebomb73.mat");
        using var cap = MemoryCap.Scope(1L << 30);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var summary = (MatSummary)MatFile.ReadSummaries(path).Single().Value;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal([200000, 200000], summary.Dimensions);
        Assert.Equal(200000L * 200000, summary.Count);
        // Written: 0..9999 and -(0..9999)/4, exact in double; the 4e10 - 20000 unwritten elements are 0.
        Assert.Equal(49995000 - 49995000 / 4.0, summary.Sum);
        Assert.Equal((-9999 / 4.0, 9999.0, 0L), (summary.Min, summary.Max, summary.NonFiniteCount));
        Assert.True(allocated < 64L << 20, $"the summary allocated {allocated} bytes");

        var whole = Assert.Throws<BreastSegInputException>(() => MatFile.Read(path));
        Assert.Equal(path, whole.Origin);
        Assert.Contains("variable 'bomb' (200000x200000 double) declares 298 GB, over the memory cap of 1 GB", whole.Problem);

        // A summary still holds one chunk (and its converted copy): a cap below that refuses it.
        using var tiny = MemoryCap.Scope(100_000);
        var chunk = Assert.Throws<BreastSegInputException>(() => MatFile.ReadSummaries(path).ToList());
        Assert.Contains("variable 'bomb': one chunk (100x100) declares 156.3 KB, over the memory cap of 97.7 KB", chunk.Problem);
    }

    /// <summary>PureHDF's read of the whole dataspace in the stored element type (it fills unwritten chunks itself).</summary>
    private static Array WholeDataspace(IH5Dataset d) => (d.Type.Class, d.Type.Size, d.Type.Class == H5DataTypeClass.FixedPoint && d.Type.FixedPoint.IsSigned) switch
    {
        (H5DataTypeClass.FloatingPoint, 4, _) => d.Read<float[]>(),
        (H5DataTypeClass.FloatingPoint, 8, _) => d.Read<double[]>(),
        (_, 1, true) => d.Read<sbyte[]>(),
        (_, 1, false) => d.Read<byte[]>(),
        (_, 2, true) => d.Read<short[]>(),
        (_, 2, false) => d.Read<ushort[]>(),
        (_, 4, true) => d.Read<int[]>(),
        (_, 4, false) => d.Read<uint[]>(),
        (_, 8, true) => d.Read<long[]>(),
        (_, 8, false) => d.Read<ulong[]>(),
        _ => throw new Xunit.Sdk.XunitException($"{d.Name}: type {d.Type.Class} of {d.Type.Size} bytes"),
    };
}
