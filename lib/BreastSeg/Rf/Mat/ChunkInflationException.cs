namespace BreastSeg.Rf.Mat;

/// <summary>A compressed HDF5 chunk holding more bytes than its declared size; <see cref="Hdf5Reader"/> reports it
/// naming the file and variable.</summary>
internal sealed class ChunkInflationException(int chunkBytes)
    : Exception($"a compressed chunk inflates beyond its {chunkBytes} bytes")
{
    /// <summary>The declared size of the chunk, in bytes.</summary>
    public int ChunkBytes { get; } = chunkBytes;
}
