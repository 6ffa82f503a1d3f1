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
    /// The folded values of the dataset whose written chunks <paramref name="layout"/> lists.
    /// <paramref name="read"/> returns the values of one hyperslab in the summary's class; <paramref name="fill"/> is
    /// the value an unwritten element reads as.
    /// </summary>
    /// <remarks>The sum adds chunk by chunk, so it can differ from the file-order sum by rounding; the first non-finite
    /// position is the column-major (MATLAB) one, as in file order.</remarks>
    public static SummaryAccumulator Fold(Hdf5SparseLayout layout, double fill, Func<HyperslabSelection, Array> read)
    {
        var strides = layout.Strides();
        var total = new SummaryAccumulator();
        long written = 0;
        foreach (var chunk in layout.Chunks)
        {
            var extent = layout.Extent(chunk);
            var values = read(layout.Selection(chunk));
            var part = new SummaryAccumulator();
            part.Add(values, values.Length);
            total.Add(part, part.FirstNonFinite < 0 ? -1 : Position(part.FirstNonFinite, chunk.Offset, extent, strides));
            written += values.Length;
        }
        var filled = new SummaryAccumulator();
        filled.AddRepeated(fill, layout.ElementCount - written);
        total.Add(filled, double.IsFinite(fill) ? -1 : FirstUnwritten(layout.Chunks, layout.Dimensions, layout.ChunkDimensions, strides));
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
