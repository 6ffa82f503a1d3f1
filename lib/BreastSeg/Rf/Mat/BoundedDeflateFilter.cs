using System.IO.Compression;
using System.Runtime.InteropServices;
using PureHDF.Filters;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// HDF5's deflate filter for PureHDF with a bound: a chunk inflates into a buffer of its declared size (chunk
/// dimensions x element size, PureHDF's <see cref="FilterInfo.ChunkSize"/>) and a stream that holds more is refused,
/// where PureHDF's own filter grows a buffer for as long as the stream yields bytes (a few kilobytes of zlib can
/// inflate to gigabytes).
/// </summary>
/// <remarks>Replaces PureHDF's registration for filter 1 (<see cref="Register"/>); writing delegates to PureHDF's
/// filter. Like PureHDF's, it skips the 2-byte zlib header and does not check the Adler-32 trailer.</remarks>
internal sealed class BoundedDeflateFilter : IH5Filter
{
    private static readonly DeflateFilter Builtin = new();
    private static readonly Lazy<bool> Registration = new(() =>
    {
        H5Filter.Register(new BoundedDeflateFilter());
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the filter with PureHDF, once per process (thread-safe).</summary>
    public static void Register() => _ = Registration.Value;

    /// <inheritdoc />
    public ushort FilterId => DeflateFilter.Id;

    /// <inheritdoc />
    public string Name => "deflate";

    /// <inheritdoc />
    public Memory<byte> Filter(FilterInfo info)
    {
        if (!info.Flags.HasFlag(H5FilterFlags.Decompress)) return Builtin.Filter(info);
        int limit = info.ChunkSize;
        Memory<byte> compressed = info.Buffer;
        if (compressed.Length < 2) throw new InvalidDataException($"a deflate chunk of {compressed.Length} bytes has no zlib header");
        var source = MemoryMarshal.TryGetArray<byte>(compressed[2..], out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(compressed[2..].ToArray(), writable: false);
        using var inflate = new DeflateStream(source, CompressionMode.Decompress);
        var output = new byte[limit];
        int filled = 0;
        while (filled < limit)
        {
            int read = inflate.Read(output, filled, limit - filled);
            if (read == 0) break;
            filled += read;
        }
        Span<byte> probe = stackalloc byte[1];
        if (filled == limit && inflate.Read(probe) > 0) throw new ChunkInflationException(limit);
        return output.AsMemory(0, filled);
    }

    /// <inheritdoc />
    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options) =>
        Builtin.GetParameters(chunkDimensions, typeSize, options);
}
