using PureHDF;
using PureHDF.Selections;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// The summary of a chunked dataset with unwritten chunks, from its chunk index: the written chunks are read (one
/// hyperslab each, so PureHDF decompresses each once) and the unwritten elements are folded as copies of the fill
/// value in constant time, where a read of the whole dataspace fills every unwritten chunk element by element.
/// </summary>
internal static class Hdf5SparseSummary
{
    /// <summary>
    /// The folded values of <paramref name="dataset"/> when its layout has a chunk index this kit reads
    /// (<see cref="Hdf5ChunkIndex"/>) and some chunk is unwritten; null otherwise (read it in blocks, in file order).
    /// <paramref name="read"/> returns the values of one hyperslab in the summary's class; <paramref name="fill"/> is
    /// the value an unwritten element reads as.
    /// </summary>
    /// <remarks>The sum adds chunk by chunk, so it can differ from the file-order sum by rounding; the first non-finite
    /// position is the column-major (MATLAB) one, as in file order.</remarks>
    public static SummaryAccumulator? Fold(string path, IH5Dataset dataset, double fill, string what, Func<HyperslabSelection, Array> read)
    {
        if (Hdf5ChunkIndex.Version3Layout(dataset) is not var (bTree, chunkDims)) return null;
        ulong[] dims = dataset.Space.Dimensions;
        if (dims.Length == 0 || dims.Any(d => d == 0)) return null;
        List<Hdf5Chunk> chunks;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12))
            chunks = Hdf5ChunkIndex.Read(file, Hdf5Superblock.Read(file), bTree, dims, chunkDims, what);
        long gridCount = 1;
        for (int d = 0; d < dims.Length; d++) gridCount *= (long)Hdf5ChunkIndex.GridSize(dims[d], chunkDims[d]);
        if (chunks.Count >= gridCount) return null;

        int rank = dims.Length;
        var strides = new long[rank];
        strides[rank - 1] = 1;
        for (int d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * (long)dims[d + 1];
        var total = new SummaryAccumulator();
        long written = 0;
        foreach (var chunk in chunks)
        {
            var extent = new ulong[rank];
            for (int d = 0; d < rank; d++) extent[d] = Math.Min(chunkDims[d], dims[d] - chunk.Offset[d]);
            var values = read(new HyperslabSelection(rank, chunk.Offset, extent));
            var part = new SummaryAccumulator();
            part.Add(values, values.Length);
            total.Add(part, part.FirstNonFinite < 0 ? -1 : Position(part.FirstNonFinite, chunk.Offset, extent, strides));
            written += values.Length;
        }
        long unwritten = dims.Aggregate(1L, (a, d) => a * (long)d) - written;
        var filled = new SummaryAccumulator();
        filled.AddRepeated(fill, unwritten);
        total.Add(filled, double.IsFinite(fill) ? -1 : FirstUnwritten(chunks, dims, chunkDims, strides));
        return total;
    }

    /// <summary>Column-major (MATLAB) position of element <paramref name="local"/> of a hyperslab (row-major within it)
    /// starting at <paramref name="start"/>.</summary>
    private static long Position(long local, ulong[] start, ulong[] extent, long[] strides)
    {
        long position = 0;
        for (int d = extent.Length - 1; d >= 0; d--)
        {
            position += ((long)start[d] + local % (long)extent[d]) * strides[d];
            local /= (long)extent[d];
        }
        return position;
    }

    /// <summary>Position of the first unwritten element: the first corner of the first unwritten chunk in grid order,
    /// since a chunk's corner is its first element and corners increase along the grid's row-major order.</summary>
    private static long FirstUnwritten(List<Hdf5Chunk> chunks, ulong[] dims, uint[] chunkDims, long[] strides)
    {
        long first = 0;
        foreach (long g in chunks.Select(c => Hdf5ChunkIndex.GridIndex(c.Offset, dims, chunkDims)).Order())
        {
            if (g != first) break;
            first++;
        }
        long position = 0;
        for (int d = dims.Length - 1; d >= 0; d--)
        {
            long grid = (long)Hdf5ChunkIndex.GridSize(dims[d], chunkDims[d]);
            position += first % grid * chunkDims[d] * strides[d];
            first /= grid;
        }
        return position;
    }
}
