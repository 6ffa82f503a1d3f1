using BreastSeg.IO;
using PureHDF;
using PureHDF.Selections;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// A chunked dataset with unwritten chunks, as its chunk index lists it: what the summary
/// (<see cref="Hdf5SparseSummary"/>) and the full read (<see cref="Hdf5SparseRead"/>) need to touch only the written
/// chunks, where PureHDF fills every unwritten chunk element by element.
/// </summary>
/// <param name="Dimensions">The dataset's dimensions (HDF5 order, slowest first).</param>
/// <param name="ChunkDimensions">Chunk dimensions, one per dataset dimension (the element size dropped).</param>
/// <param name="Chunks">The written chunks, in index order.</param>
/// <param name="ElementCount">Elements of the whole dataset.</param>
internal sealed record Hdf5SparseLayout(ulong[] Dimensions, uint[] ChunkDimensions, List<Hdf5Chunk> Chunks, long ElementCount)
{
    /// <summary>
    /// The layout of <paramref name="dataset"/> in file <paramref name="path"/> when it has a chunk index this kit
    /// reads (<see cref="Hdf5ChunkIndex"/>) and some chunk is unwritten; null otherwise (PureHDF reads it whole or in
    /// blocks). One chunk of <paramref name="bytesPerElement"/> per element (stored plus converted) is checked against
    /// the memory cap, since PureHDF decompresses whole chunks whatever the dataset's size; a damaged index is a
    /// <see cref="MatFormatException"/> naming <paramref name="what"/>.
    /// </summary>
    public static Hdf5SparseLayout? Of(string path, IH5Dataset dataset, int bytesPerElement, string what)
    {
        if (Hdf5ChunkIndex.Version3Layout(dataset) is not var (bTree, chunkDims)) return null;
        ulong[] dims = dataset.Space.Dimensions;
        if (dims.Length == 0 || dims.Any(d => d == 0)) return null;
        List<Hdf5Chunk> chunks;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12))
            chunks = Hdf5ChunkIndex.Read(file, Hdf5Superblock.Read(file), bTree, dims, chunkDims, what);
        long count = 1, chunkElements = 1;
        for (int d = 0; d < dims.Length; d++)
        {
            count = MemoryCap.Product(count, (long)Math.Min(dims[d], long.MaxValue));
            chunkElements = MemoryCap.Product(chunkElements, chunkDims[d]);
        }
        // An element count beyond a long is no array at all; the declared-size check refuses it.
        if (count < 0) return null;
        MemoryCap.Check(path, $"{what}: one chunk ({string.Join("x", chunkDims.Take(dims.Length).Reverse())})", MemoryCap.Product(chunkElements, bytesPerElement));
        long gridCount = 1;
        for (int d = 0; d < dims.Length; d++) gridCount *= (long)Hdf5ChunkIndex.GridSize(dims[d], chunkDims[d]);
        if (chunks.Count >= gridCount) return null;
        return new Hdf5SparseLayout(dims, chunkDims[..dims.Length], chunks, count);
    }

    /// <summary>Elements of <paramref name="chunk"/> along each dimension: its chunk dimensions, clipped to the dataset
    /// at the far edges.</summary>
    public ulong[] Extent(Hdf5Chunk chunk)
    {
        var extent = new ulong[Dimensions.Length];
        for (int d = 0; d < extent.Length; d++) extent[d] = Math.Min(ChunkDimensions[d], Dimensions[d] - chunk.Offset[d]);
        return extent;
    }

    /// <summary>The hyperslab covering <paramref name="chunk"/>'s elements (one PureHDF read decompresses it once).</summary>
    public HyperslabSelection Selection(Hdf5Chunk chunk) => new(Dimensions.Length, chunk.Offset, Extent(chunk));

    /// <summary>Row-major strides of the dataset (elements between neighbours along each dimension); the row-major
    /// position of an HDF5 element is its column-major (MATLAB) position, dimensions being reversed.</summary>
    public long[] Strides()
    {
        int rank = Dimensions.Length;
        var strides = new long[rank];
        strides[rank - 1] = 1;
        for (int d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * (long)Dimensions[d + 1];
        return strides;
    }
}
