using PureHDF.Selections;

namespace BreastSeg.Rf.Mat;

/// <summary>Splits an HDF5 dataspace into hyperslab blocks that together cover it once, in file (row-major) order.</summary>
internal static class Hdf5Blocks
{
    /// <summary>
    /// Blocks of at most <paramref name="maxElements"/> elements (at least one) covering <paramref name="dims"/> in
    /// row-major order: whole runs of the fastest dimensions where they fit, else slices of the slowest dimension that
    /// does not fit, with one index fixed along each slower one. None for an empty dataspace; a scalar (rank 0) is
    /// one null block (read it whole). With <paramref name="chunks"/> (a chunked dataset's chunk dimensions), the
    /// slices are widened to whole chunks along the sliced dimension where that stays within
    /// <paramref name="maxBandElements"/>, so each chunk is decompressed (or, unwritten, filled) once rather than once per
    /// block it meets.
    /// </summary>
    public static IEnumerable<HyperslabSelection?> Of(ulong[] dims, long maxElements, ulong[]? chunks = null, long maxBandElements = 0)
    {
        int rank = dims.Length;
        if (rank == 0)
        {
            yield return null;
            yield break;
        }
        if (dims.Any(d => d == 0)) yield break;
        maxElements = Math.Max(1, maxElements);
        // axis: the dimension sliced; inner: elements of one index along it (the product of the faster dimensions).
        int axis = rank - 1;
        ulong inner = 1;
        while (axis > 0 && inner * dims[axis] <= (ulong)maxElements)
        {
            inner *= dims[axis];
            axis--;
        }
        ulong step = Math.Max(1, (ulong)maxElements / inner);
        if (chunks is { Length: > 0 } && axis < chunks.Length && chunks[axis] > 0)
        {
            ulong aligned = Math.Min(dims[axis], (step + chunks[axis] - 1) / chunks[axis] * chunks[axis]);
            if (aligned * inner <= (ulong)Math.Max(0, maxBandElements)) step = aligned;
        }
        var prefix = new ulong[axis];
        while (true)
        {
            for (ulong start = 0; start < dims[axis]; start += step)
            {
                var starts = new ulong[rank];
                var blocks = new ulong[rank];
                for (int i = 0; i < rank; i++)
                {
                    starts[i] = i < axis ? prefix[i] : i == axis ? start : 0;
                    blocks[i] = i < axis ? 1 : i == axis ? Math.Min(step, dims[axis] - start) : dims[i];
                }
                yield return new HyperslabSelection(rank, starts, blocks);
            }
            // The next index along the slower dimensions, last one fastest.
            int k = axis - 1;
            while (k >= 0 && ++prefix[k] == dims[k]) prefix[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
