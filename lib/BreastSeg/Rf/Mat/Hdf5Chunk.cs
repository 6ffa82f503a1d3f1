namespace BreastSeg.Rf.Mat;

/// <summary>One written chunk of a chunked HDF5 dataset, as its chunk index lists it.</summary>
/// <param name="Offset">Element coordinates of the chunk's first element, one per dataset dimension (HDF5 order,
/// slowest first); multiples of the chunk dimensions.</param>
/// <param name="StoredBytes">Bytes the chunk takes in the file (after its filters, for example deflate).</param>
/// <param name="FilterMask">Bit i set: filter i of the pipeline was skipped for this chunk.</param>
/// <param name="FilePosition">Absolute byte position of the stored chunk in the file (the HDF5 address plus the base
/// address, which a MAT file's 512-byte header moves).</param>
internal sealed record Hdf5Chunk(ulong[] Offset, uint StoredBytes, uint FilterMask, long FilePosition);
