using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BreastSeg.Rf.Mat;

/// <summary>A data-element tag: type, byte count and, for the small-data-element format, the (at most 4) data bytes.</summary>
internal readonly record struct MatTag(int Type, long Bytes, byte[]? SmallData)
{
    public bool IsSmall => SmallData is not null;
}

/// <summary>
/// The byte source of one top-level element: the file itself or the decompressed stream of one miCOMPRESSED element.
/// Tracks the position and the end of the enclosing element, so no size field can make the reader go past its parent.
/// When the source is a file, the bytes left in it are a proven bound for every size; when it is a zlib stream, they are
/// not, so large byte data (names, characters) is first read in chunks (proving it exists) and only then allocated;
/// numeric arrays, checked against the memory cap, are allocated once and filled as their data arrives.
/// </summary>
internal sealed class MatInput(Stream stream, long limit, bool swap, bool sizesProven, string where)
{
    /// <summary>Largest unproven allocation: bigger data is read in chunks of this size first.</summary>
    public const int ChunkBytes = 1 << 20;

    private byte[]? _scratch;
    // Chunk buffers are reused across arrays: otherwise each large array leaves its size in large-object garbage, and
    // a 600 MB data set peaks near 1.5 times its size instead of about once.
    private readonly Stack<byte[]> _chunkPool = new();

    public long Position { get; private set; }
    public long Limit { get; private set; } = limit;
    public long Remaining => Limit - Position;
    public bool Swap { get; } = swap;
    public bool SizesProven { get; } = sizesProven;
    public string Where { get; } = where;

    public void Need(long bytes, string what)
    {
        if (bytes < 0 || bytes > Remaining)
            throw new MatFormatException($"{what} needs {bytes} bytes but its enclosing element has only {Remaining} left ({Where})");
    }

    /// <summary>Restricts reading to the next <paramref name="bytes"/> bytes; returns the previous limit for <see cref="PopLimit"/>.</summary>
    public long PushLimit(long bytes, string what)
    {
        Need(bytes, what);
        long old = Limit;
        Limit = Position + bytes;
        return old;
    }

    public void PopLimit(long old) => Limit = old;

    /// <summary>Sets the limit of an input whose first tag tells its size (a decompressed element).</summary>
    public void SetLimit(long limit) => Limit = limit;

    public void ReadExactly(Span<byte> buffer, string what)
    {
        Need(buffer.Length, what);
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new MatFormatException($"{what}: the data ends early ({Where})");
        }
        Position += buffer.Length;
    }

    public void Skip(long bytes, string what)
    {
        Need(bytes, what);
        if (stream.CanSeek)
        {
            stream.Seek(bytes, SeekOrigin.Current);
            Position += bytes;
            return;
        }
        _scratch ??= new byte[1 << 16];
        while (bytes > 0)
        {
            int n = (int)Math.Min(bytes, _scratch.Length);
            ReadExactly(_scratch.AsSpan(0, n), what);
            bytes -= n;
        }
    }

    /// <summary>Skips the padding after a data element of <paramref name="bytes"/> bytes (tolerating a missing pad at
    /// the very end of the enclosing element, which some writers omit).</summary>
    public void SkipPadding(long bytes) => Skip(Math.Min(MatElementTags.Padding(bytes), Remaining), "padding");

    public uint ReadUInt32(ReadOnlySpan<byte> bytes) => Swap ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    public MatTag ReadTag(string what)
    {
        Span<byte> tag = stackalloc byte[8];
        ReadExactly(tag, what);
        uint first = ReadUInt32(tag);
        if (first >> 16 != 0)
        {
            int bytes = (int)(first >> 16);
            if (bytes > 4) throw new MatFormatException($"{what}: small data element declares {bytes} bytes (at most 4 fit) ({Where})");
            return new MatTag((int)(first & 0xFFFF), bytes, tag.Slice(4, bytes).ToArray());
        }
        return new MatTag((int)first, ReadUInt32(tag[4..]), null);
    }

    /// <summary>The data bytes of an element (after the tag), padding skipped.</summary>
    public byte[] ReadBytes(MatTag tag, string what)
    {
        if (tag.SmallData is { } small) return small;
        Need(tag.Bytes, what);
        if (tag.Bytes > Array.MaxLength) throw new MatFormatException($"{what}: {tag.Bytes} bytes do not fit in one array ({Where})");
        byte[] data;
        if (!SizesProven && tag.Bytes > ChunkBytes)
        {
            var chunks = ReadChunks(tag.Bytes, what);
            data = new byte[tag.Bytes];
            int at = 0;
            foreach (var c in chunks) { c.AsSpan().CopyTo(data.AsSpan(at)); at += c.Count; }
            ReturnChunks(chunks);
        }
        else
        {
            data = new byte[tag.Bytes];
            ReadExactly(data, what);
        }
        SkipPadding(tag.Bytes);
        return data;
    }

    /// <summary>Reads <paramref name="bytes"/> bytes in chunks, so memory follows the data actually present.
    /// Give the chunks back with <see cref="ReturnChunks"/>.</summary>
    private List<ArraySegment<byte>> ReadChunks(long bytes, string what)
    {
        var chunks = new List<ArraySegment<byte>>();
        while (bytes > 0)
        {
            var buffer = _chunkPool.Count > 0 ? _chunkPool.Pop() : new byte[ChunkBytes];
            var chunk = new ArraySegment<byte>(buffer, 0, (int)Math.Min(bytes, ChunkBytes));
            chunks.Add(chunk);
            ReadExactly(chunk, what);
            bytes -= chunk.Count;
        }
        return chunks;
    }

    private void ReturnChunks(List<ArraySegment<byte>> chunks)
    {
        foreach (var c in chunks) _chunkPool.Push(c.Array!);
    }

    /// <summary>Reads the numeric data of an element into a new array of the array class (converting the stored type).</summary>
    public Array ReadNumeric(MatTag tag, MatClass matClass, bool logical, int count, string what)
    {
        CheckNumericTag(tag, count, what);
        int size = MatElementTags.Size(tag.Type);
        if (tag.SmallData is { } small)
        {
            var smallTarget = MatTypes.Allocate(matClass, logical, count);
            if (Swap) StoredDataConverter.SwapBytes(small, size);
            StoredDataConverter.Convert(small, tag.Type, smallTarget, 0);
            return smallTarget;
        }
        Need(tag.Bytes, what);
        // Allocated once and filled as the data arrives, also inside a compressed element: the caller has checked the
        // array against the memory cap, zlib's expansion limit bounds what the element can declare, and a large array's
        // fresh pages take memory only as they are written, so a size field alone cannot fill the machine. (Reading
        // the data in chunks first, to prove it exists, held the array twice.)
        var target = MatTypes.Allocate(matClass, logical, count);
        if (!logical && tag.Type == (int)MatElementTags.ForClass(matClass))
        {
            ReadDirect(target, tag.Bytes, size, what);
        }
        else
        {
            _scratch ??= new byte[1 << 16];
            long left = tag.Bytes;
            int offset = 0;
            while (left > 0)
            {
                int n = (int)Math.Min(left, _scratch.Length);
                var piece = _scratch.AsSpan(0, n);
                ReadExactly(piece, what);
                if (Swap) StoredDataConverter.SwapBytes(piece, size);
                StoredDataConverter.Convert(piece, tag.Type, target, offset);
                offset += n / size;
                left -= n;
            }
        }
        SkipPadding(tag.Bytes);
        return target;
    }

    /// <summary>Folds the numeric data of an element into <paramref name="fold"/> without keeping it: the stored values
    /// stream through a small buffer, converted to the array class as <see cref="ReadNumeric"/> converts them, so the
    /// summary equals the materialised array's and memory stays constant whatever the element declares.</summary>
    public void Summarize(MatTag tag, MatClass matClass, bool logical, int count, string what, SummaryAccumulator fold)
    {
        CheckNumericTag(tag, count, what);
        int size = MatElementTags.Size(tag.Type);
        if (tag.SmallData is not null)
        {
            var small = ReadNumeric(tag, matClass, logical, count, what);
            fold.Add(small, small.Length);
            return;
        }
        Need(tag.Bytes, what);
        _scratch ??= new byte[1 << 16];
        var block = MatTypes.Allocate(matClass, logical, _scratch.Length / size);
        for (long left = tag.Bytes; left > 0;)
        {
            int n = (int)Math.Min(left, _scratch.Length);
            var piece = _scratch.AsSpan(0, n);
            ReadExactly(piece, what);
            if (Swap) StoredDataConverter.SwapBytes(piece, size);
            StoredDataConverter.Convert(piece, tag.Type, block, 0);
            fold.Add(block, n / size);
            left -= n;
        }
        SkipPadding(tag.Bytes);
    }

    /// <summary>Skips the numeric data of an element (checked as <see cref="ReadNumeric"/> checks it).</summary>
    public void SkipNumeric(MatTag tag, int count, string what)
    {
        CheckNumericTag(tag, count, what);
        if (tag.SmallData is not null) return;
        Skip(tag.Bytes, what);
        SkipPadding(tag.Bytes);
    }

    private void CheckNumericTag(MatTag tag, int count, string what)
    {
        if (!MatElementTags.IsNumeric(tag.Type))
            throw new MatFormatException($"{what}: {MatElementTags.Name(tag.Type)} cannot hold numeric data ({Where})");
        if (tag.Bytes != (long)count * MatElementTags.Size(tag.Type))
            throw new MatFormatException($"{what}: {tag.Bytes} bytes of {MatElementTags.Name(tag.Type)} data for {count} elements ({Where})");
    }

    /// <summary>Reads stored bytes straight into the array's memory (the common case: data stored in its own class).</summary>
    private void ReadDirect(Array target, long bytes, int size, string what)
    {
        ref byte start = ref MatTypes.DataReference(target);
        const int slice = 1 << 30;
        for (long at = 0; at < bytes; at += slice)
        {
            var span = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref start, (nint)at), (int)Math.Min(slice, bytes - at));
            ReadExactly(span, what);
            if (Swap) StoredDataConverter.SwapBytes(span, size);
        }
    }
}
