using System.Buffers.Binary;
using System.Reflection;
using PureHDF;
using PureHDF.VOL.Native;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Lists the written chunks of a chunked HDF5 dataset from its chunk index, for the layout MATLAB (HDF5 1.8) writes:
/// data layout message version 3, whose index is a version 1 B-tree of node type 1 ("raw data chunks"). PureHDF reads
/// such indexes but does not expose them, and fills every unwritten chunk element by element; with this list a
/// summary reads only the written chunks (see <see cref="Hdf5SparseSummary"/>).
/// </summary>
/// <remarks>Hand-written from the HDF5 file format specification (sections III.A.1, "Version 1 B-trees", and
/// IV.A.2.i, "Data Layout Message"). Every structure is checked against the file's real length before it is read; the
/// B-tree's depth is bounded by its root's level (each child one level lower, so no cycle through parents), nodes
/// are visited at most once, and node and record counts are bounded by what the file's length can hold.</remarks>
internal static class Hdf5ChunkIndex
{
    private static readonly PropertyInfo? LayoutProperty = typeof(NativeDataset).GetProperty("InternalDataLayout", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    /// <summary>
    /// The B-tree address and the chunk dimensions (the last one the element size in bytes) of a dataset whose layout is
    /// a version 3 chunked layout message; null for any other layout (compact, contiguous, version 4 indexes) or when
    /// PureHDF's decoded message cannot be reached.
    /// </summary>
    /// <remarks>PureHDF (pinned at 2.2) keeps the decoded layout message internal; it is read by reflection, and a
    /// PureHDF without it makes summaries fall back to hyperslab blocks rather than fail.</remarks>
    public static (ulong BTreeAddress, uint[] ChunkDimensions)? Version3Layout(IH5Dataset dataset)
    {
        if (dataset is not NativeDataset native || LayoutProperty is null) return null;
        object? layout = LayoutProperty.GetValue(native);
        if (layout is null || layout.GetType().Name != "DataLayoutMessage3") return null;
        object? properties = layout.GetType().GetProperty("Properties")?.GetValue(layout);
        if (properties is null || properties.GetType().Name != "ChunkedStoragePropertyDescription3") return null;
        if (properties.GetType().GetProperty("Address")?.GetValue(properties) is not ulong address) return null;
        if (properties.GetType().GetProperty("DimensionSizes")?.GetValue(properties) is not uint[] chunkDims) return null;
        return (address, chunkDims);
    }

    /// <summary>
    /// The chunks listed by the version 1 B-tree at <paramref name="bTreeAddress"/> of a dataset of dimensions
    /// <paramref name="dims"/> (HDF5 order) and chunk dimensions <paramref name="chunkDims"/> (one more than
    /// <paramref name="dims"/>: the element size), in index order. A damaged index is a <see cref="MatFormatException"/>
    /// naming <paramref name="what"/>.
    /// </summary>
    public static List<Hdf5Chunk> Read(Stream file, Hdf5Superblock superblock, ulong bTreeAddress, ulong[] dims, uint[] chunkDims, string what)
    {
        var walk = new Walk(file, superblock, dims, chunkDims, what);
        if (chunkDims.Length != dims.Length + 1) throw walk.Damaged($"its chunk dimensions ({chunkDims.Length}) do not match its rank ({dims.Length}) plus one");
        if (chunkDims.Take(dims.Length).Any(c => c == 0)) throw walk.Damaged("a chunk dimension is 0");
        if (!superblock.IsUndefined(bTreeAddress)) walk.Node(bTreeAddress, expectedLevel: -1);
        return walk.Chunks;
    }

    /// <summary>Position in the chunk grid (row-major, slowest dimension first) of the chunk whose first element is at
    /// <paramref name="offset"/>.</summary>
    public static long GridIndex(ReadOnlySpan<ulong> offset, ulong[] dims, uint[] chunkDims)
    {
        long index = 0;
        for (int d = 0; d < dims.Length; d++) index = index * (long)GridSize(dims[d], chunkDims[d]) + (long)(offset[d] / chunkDims[d]);
        return index;
    }

    /// <summary>Chunks along one dimension (the last one partial when the chunk does not divide it).</summary>
    public static ulong GridSize(ulong dim, uint chunk) => (dim + chunk - 1) / chunk;

    private sealed class Walk(Stream file, Hdf5Superblock superblock, ulong[] dims, uint[] chunkDims, string what)
    {
        private readonly long _length = file.Length;
        private readonly HashSet<long> _nodes = [];
        private readonly HashSet<long> _grid = [];
        private readonly int _offsetSize = superblock.OffsetSize;
        // Chunk size (4 bytes), filter mask (4 bytes), then one 8-byte offset per chunk dimension.
        private readonly int _keySize = 8 + 8 * chunkDims.Length;
        private int HeaderSize => 8 + 2 * _offsetSize;

        public List<Hdf5Chunk> Chunks { get; } = [];

        public MatFormatException Damaged(string problem) => new($"{what}: chunk index: {problem}");

        /// <summary>Reads the node at <paramref name="address"/> and, below it, its children (level - 1) or its chunks
        /// (level 0); <paramref name="expectedLevel"/> -1 for the root.</summary>
        public void Node(ulong address, int expectedLevel)
        {
            long at = Position(address, HeaderSize, "B-tree node");
            if (!_nodes.Add(at)) throw Damaged($"B-tree node at address {address} is reached twice (a cycle or a shared node)");
            // Each node takes at least its header: more distinct nodes than headers fit in the file cannot be real.
            if (_nodes.Count > _length / HeaderSize) throw Damaged($"more B-tree nodes than its {_length} bytes can hold");
            var header = new byte[HeaderSize];
            file.Position = at;
            file.ReadExactly(header);
            if (!header.AsSpan(0, 4).SequenceEqual("TREE"u8)) throw Damaged($"no B-tree node signature at address {address}");
            if (header[4] != 1) throw Damaged($"B-tree node at address {address} has type {header[4]}, not 1 (raw data chunks)");
            int level = header[5];
            if (expectedLevel >= 0 && level != expectedLevel) throw Damaged($"B-tree node at address {address} has level {level} where {expectedLevel} was expected");
            int entries = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
            long bytes = HeaderSize + (long)entries * (_keySize + _offsetSize) + _keySize;
            Position(address, bytes, "B-tree node");
            var node = new byte[bytes];
            file.Position = at;
            file.ReadExactly(node);
            for (int i = 0; i < entries; i++)
            {
                int key = HeaderSize + i * (_keySize + _offsetSize);
                ulong child = Hdf5Superblock.ReadUnsigned(node.AsSpan(key + _keySize), _offsetSize);
                if (level > 0) Node(child, level - 1);
                else Chunk(node.AsSpan(key, _keySize), child);
            }
        }

        private void Chunk(ReadOnlySpan<byte> key, ulong address)
        {
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(key);
            uint mask = BinaryPrimitives.ReadUInt32LittleEndian(key[4..]);
            var offset = new ulong[dims.Length];
            for (int d = 0; d < chunkDims.Length; d++)
            {
                ulong value = BinaryPrimitives.ReadUInt64LittleEndian(key[(8 + 8 * d)..]);
                if (d == dims.Length)
                {
                    if (value != 0) throw Damaged($"a chunk's element offset is {value}, not 0");
                    break;
                }
                if (value >= dims[d] || value % chunkDims[d] != 0)
                    throw Damaged($"a chunk at offset {value} along dimension {d + 1} is outside the dataset's {dims[d]} or not on its {chunkDims[d]}-element chunk grid");
                offset[d] = value;
            }
            if (stored == 0) throw Damaged($"the chunk at offsets {string.Join(",", offset)} has size 0");
            long at = Position(address, stored, $"chunk at offsets {string.Join(",", offset)}");
            if (!_grid.Add(GridIndex(offset, dims, chunkDims))) throw Damaged($"the chunk at offsets {string.Join(",", offset)} is listed twice");
            // Each record of a real index takes a key and an address in some node, and nodes do not overlap.
            if (_grid.Count > _length / (_keySize + _offsetSize)) throw Damaged($"more chunk records than its {_length} bytes can hold");
            Chunks.Add(new Hdf5Chunk(offset, stored, mask, at));
        }

        /// <summary>The absolute position of <paramref name="bytes"/> bytes at HDF5 <paramref name="address"/>, checked
        /// to lie within the file.</summary>
        private long Position(ulong address, long bytes, string thing)
        {
            ulong room = (ulong)(_length - superblock.BaseAddress);
            if (superblock.IsUndefined(address) || address > room || (ulong)bytes > room - address)
                throw Damaged($"{thing} at address {address} ({bytes} bytes) lies beyond the file's {_length} bytes");
            return superblock.BaseAddress + (long)address;
        }
    }
}
