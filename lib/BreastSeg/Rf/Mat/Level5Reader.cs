using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Streams the variables of a MAT Level-5 file (MATLAB v6 and v7), one top-level element at a time: an uncompressed
/// element is parsed straight from the file, a miCOMPRESSED element through a zlib stream, so memory holds the arrays
/// read so far and never a second copy of a whole element.
/// </summary>
internal sealed class Level5Reader : IDisposable
{
    /// <summary>zlib cannot expand data by more than about 1032:1; a larger declared size is damage, not data.</summary>
    private const long MaxZlibRatio = 1100;
    private const int MaxDepth = 64;
    private const int MaxDimensions = 1024;
    private const int MaxNameBytes = 1 << 16;

    private readonly string _path;
    private readonly FileStream _file;
    private readonly bool _swap;
    private readonly bool _summarize;
    private readonly bool _defer;

    // The top-level element being parsed: where its tag starts and, for a miCOMPRESSED one, its compressed bytes
    // (-1 for a plain miMATRIX element), so a deferred array can be found again.
    private long _elementAt;
    private long _compressedBytes = -1;

    // Where deferred reading stopped inside a compressed element: reading on from there avoids inflating the element
    // again from its start when arrays are requested in file order.
    private (long ElementAt, ZLibStream Zlib, MatInput Input)? _cursor;

    private Level5Reader(string path, FileStream file, bool swap, bool summarize, bool defer)
    {
        _path = path;
        _file = file;
        _swap = swap;
        _summarize = summarize;
        _defer = defer;
    }

    /// <summary>Opens a file whose 128-byte header has been checked; <paramref name="bigEndian"/> from its endian
    /// indicator. With <paramref name="summarize"/>, numeric arrays come back as <see cref="MatSummary"/>. With
    /// <paramref name="defer"/>, numeric arrays inside structs and cells come back as summaries that also record where
    /// they are stored (<see cref="MatSummary.Stored"/>), checked as a full read checks them, for
    /// <see cref="ReadDeferred"/> to read later.</summary>
    public static Level5Reader Open(string path, FileStream file, bool bigEndian, bool summarize = false, bool defer = false)
    {
        file.Position = MatElementTags.HeaderBytes;
        return new Level5Reader(path, file, bigEndian != !BitConverter.IsLittleEndian, summarize, defer);
    }

    /// <summary>The next variable, or null at the end of the file.</summary>
    public KeyValuePair<string, MatValue>? ReadNext()
    {
        long at = _file.Position;
        try
        {
            while (true)
            {
                at = _file.Position;
                long left = _file.Length - at;
                if (left <= 0) return null;
                if (left < MatElementTags.TagBytes) throw new MatFormatException($"the file ends inside an element tag at byte {at} (truncated?)");
                var top = new MatInput(_file, left, _swap, sizesProven: true, $"element at byte {at}");
                var tag = top.ReadTag("element tag");
                if (tag.IsSmall) throw new MatFormatException($"element at byte {at} uses the small format, which top-level elements cannot");
                if (tag.Bytes > top.Remaining)
                    throw new MatFormatException($"element at byte {at} declares {tag.Bytes} bytes but only {top.Remaining} remain (truncated file?)");
                long end = at + MatElementTags.TagBytes + tag.Bytes;
                _elementAt = at;
                _compressedBytes = tag.Type == (int)MiType.Compressed ? tag.Bytes : -1;
                switch ((MiType)tag.Type)
                {
                    case MiType.Compressed:
                        var compressed = ReadCompressed(at, tag.Bytes);
                        _file.Position = end;
                        return compressed;
                    case MiType.Matrix:
                        top.SetLimit(MatElementTags.TagBytes + tag.Bytes);
                        var variable = ReadMatrix(top, tag.Bytes, null, 0);
                        _file.Position = Math.Min(_file.Length, end + MatElementTags.Padding(tag.Bytes));
                        return variable;
                    default:
                        // Other top-level elements carry nothing a MATLAB `load` returns; skip them as MATLAB does.
                        _file.Position = Math.Min(_file.Length, end + MatElementTags.Padding(tag.Bytes));
                        break;
                }
            }
        }
        catch (Exception e) when (IsReadError(e))
        {
            throw InputError(e, at);
        }
    }

    // Format errors, damaged compressed data and I/O failures: what a damaged or unreadable file raises while parsing.
    private static bool IsReadError(Exception e) => e is MatFormatException or InvalidDataException || e is IOException and not EndOfStreamException;

    // A read error (IsReadError) as the one-line error naming the file; elementAt is the top-level element being parsed.
    private BreastSegInputException InputError(Exception e, long elementAt) => e switch
    {
        MatFormatException => new BreastSegInputException(_path, e.Message),
        InvalidDataException => new BreastSegInputException(_path, $"damaged compressed data in the element at byte {elementAt} ({e.Message.TrimEnd('.')})"),
        _ => new BreastSegInputException(_path, $"cannot read the file ({e.Message.TrimEnd('.')})", e),
    };

    private KeyValuePair<string, MatValue> ReadCompressed(long at, long compressedBytes)
    {
        var (zlib, input, innerBytes) = OpenCompressed(at, compressedBytes);
        using (zlib) return ReadMatrix(input, innerBytes, null, 0);
    }

    // Inflates the miCOMPRESSED element whose tag is at byte `at` (the file positioned after the tag) up to its miMATRIX
    // content: the inner tag is read and checked, and the input limited to the inner element.
    private (ZLibStream Zlib, MatInput Input, long InnerBytes) OpenCompressed(long at, long compressedBytes)
    {
        var zlib = new ZLibStream(new BoundedReadStream(_file, compressedBytes), CompressionMode.Decompress, leaveOpen: true);
        try
        {
            var input = new MatInput(zlib, MatElementTags.TagBytes, _swap, sizesProven: false, $"compressed element at byte {at}");
            var inner = input.ReadTag("compressed element's first tag");
            if (inner.Type != (int)MiType.Matrix || inner.IsSmall)
                throw new MatFormatException($"compressed element at byte {at} holds {MatElementTags.Name(inner.Type)}, expected miMATRIX");
            if (inner.Bytes > compressedBytes * MaxZlibRatio + 4096)
                throw new MatFormatException($"compressed element at byte {at} declares {inner.Bytes} bytes, more than its {compressedBytes} compressed bytes can expand to");
            input.SetLimit(MatElementTags.TagBytes + inner.Bytes);
            return (zlib, input, inner.Bytes);
        }
        catch
        {
            zlib.Dispose();
            throw;
        }
    }

    /// <summary>Parses the content of a miMATRIX element of <paramref name="bytes"/> bytes (the tag already read).
    /// <paramref name="context"/> names the value for messages (null at top level: the variable name is used).</summary>
    private KeyValuePair<string, MatValue> ReadMatrix(MatInput input, long bytes, string? context, int depth)
    {
        if (depth > MaxDepth) throw new MatFormatException($"{context}: cells or structs nested more than {MaxDepth} deep ({input.Where})");
        // MATLAB writes an empty matrix element for [] inside cells and structs.
        if (bytes == 0) return new("", new MatNumeric([0, 0], Array.Empty<double>()));
        long contentAt = input.Position;
        long outer = input.PushLimit(bytes, context ?? "array");
        string what = context ?? "array";

        var flagsTag = input.ReadTag($"{what}: array flags");
        if (flagsTag.Type != (int)MiType.UInt32 || flagsTag.Bytes != 8)
            throw new MatFormatException($"{what}: array flags are {MatElementTags.Name(flagsTag.Type)} of {flagsTag.Bytes} bytes, expected miUINT32 of 8 ({input.Where})");
        Span<byte> flagBytes = stackalloc byte[8];
        input.ReadExactly(flagBytes, $"{what}: array flags");
        uint flags = input.ReadUInt32(flagBytes);
        var matClass = (MatClass)(flags & 0xFF);
        bool complex = (flags & MatElementTags.ComplexFlag) != 0;
        bool logical = (flags & MatElementTags.LogicalFlag) != 0;

        int[] dims = ReadDimensions(input, what);
        string name = ReadName(input, what);
        if (context is null) what = $"variable '{name}'";
        long count = 1;
        foreach (int d in dims)
        {
            count *= d;
            if (count > Array.MaxLength) throw new MatFormatException($"{what}: dimensions {string.Join("x", dims)} hold more elements than one array can ({input.Where})");
        }
        // The memory the array will take, checked before any of its data is read or allocated; a summary takes none.
        // A deferred array (one inside a struct or cell, left in the file) will be read in full later, so it is
        // checked now, as a full read would check it.
        bool deferred = _defer && depth > 0 && MatTypes.IsNumeric(matClass);
        if (MatTypes.IsNumeric(matClass) && !_summarize)
            MemoryCap.Check(_path, $"{what} ({string.Join("x", dims)} {(logical ? "logical" : MatTypes.Name(matClass))})",
                MemoryCap.Product(count, (logical ? 1 : MatTypes.ElementSize(matClass)) * (complex ? 2 : 1)));
        else if (matClass == MatClass.Char)
            MemoryCap.Check(_path, $"{what} ({string.Join("x", dims)} char)", MemoryCap.Product(count, sizeof(char)));

        var stored = deferred ? new Level5ArrayLocation(_elementAt, _compressedBytes,
            _compressedBytes < 0 ? _elementAt + contentAt : contentAt, bytes, what) : null;
        MatValue value = matClass switch
        {
            _ when deferred => Summarize(input, matClass, logical, complex, dims, (int)count, what, stored),
            _ when MatTypes.IsNumeric(matClass) && _summarize => Summarize(input, matClass, logical, complex, dims, (int)count, what),
            _ when MatTypes.IsNumeric(matClass) => ReadNumeric(input, matClass, logical, complex, dims, (int)count, what),
            MatClass.Char => ReadChar(input, dims, (int)count, what),
            MatClass.Struct => ReadStruct(input, dims, (int)count, what, depth),
            MatClass.Cell => ReadCell(input, dims, (int)count, what, depth),
            MatClass.Sparse => throw new MatFormatException($"{what} is a sparse array, which this reader does not support (save it with full() in MATLAB)"),
            MatClass.Object => throw new MatFormatException($"{what} is a MATLAB object, which this reader does not support"),
            _ => throw new MatFormatException($"{what} has MATLAB class {(int)matClass}, which this reader does not support (function handles, strings, tables and other opaque objects)"),
        };
        // Anything after the parts we read (for example padding some writers add) belongs to this element.
        input.Skip(input.Remaining, what);
        input.PopLimit(outer);
        return new(name, value);
    }

    private static int[] ReadDimensions(MatInput input, string what)
    {
        var tag = input.ReadTag($"{what}: dimensions");
        if (tag.Type != (int)MiType.Int32 || tag.Bytes % 4 != 0 || tag.Bytes < 8 || tag.Bytes > MaxDimensions * 4)
            throw new MatFormatException($"{what}: dimensions are {MatElementTags.Name(tag.Type)} of {tag.Bytes} bytes, expected 2 to {MaxDimensions} miINT32 values ({input.Where})");
        var dims = (int[])input.ReadNumeric(tag, MatClass.Int32, false, (int)(tag.Bytes / 4), $"{what}: dimensions");
        if (dims.Any(d => d < 0)) throw new MatFormatException($"{what}: negative dimension in {string.Join("x", dims)} ({input.Where})");
        return dims;
    }

    private static string ReadName(MatInput input, string what)
    {
        var tag = input.ReadTag($"{what}: name");
        if (tag.Type is not ((int)MiType.Int8 or (int)MiType.UInt8 or (int)MiType.Utf8) || tag.Bytes > MaxNameBytes)
            throw new MatFormatException($"{what}: name is {MatElementTags.Name(tag.Type)} of {tag.Bytes} bytes, expected miINT8 text ({input.Where})");
        return Encoding.UTF8.GetString(input.ReadBytes(tag, $"{what}: name")).TrimEnd('\0');
    }

    private static MatNumeric ReadNumeric(MatInput input, MatClass matClass, bool logical, bool complex, int[] dims, int count, string what)
    {
        if (logical && complex) throw new MatFormatException($"{what}: a logical array cannot be complex ({input.Where})");
        var real = input.ReadNumeric(input.ReadTag($"{what}: real part"), matClass, logical, count, $"{what}: real part");
        Array? imaginary = complex
            ? input.ReadNumeric(input.ReadTag($"{what}: imaginary part"), matClass, false, count, $"{what}: imaginary part")
            : null;
        return new MatNumeric(dims, real, imaginary);
    }

    private static MatSummary Summarize(MatInput input, MatClass matClass, bool logical, bool complex, int[] dims, int count, string what,
        Level5ArrayLocation? stored = null)
    {
        if (logical && complex) throw new MatFormatException($"{what}: a logical array cannot be complex ({input.Where})");
        var real = new SummaryAccumulator();
        input.Summarize(input.ReadTag($"{what}: real part"), matClass, logical, count, $"{what}: real part", real);
        if (complex) input.SkipNumeric(input.ReadTag($"{what}: imaginary part"), count, $"{what}: imaginary part");
        return new MatSummary(dims, matClass, logical, complex, real) { Stored = stored };
    }

    /// <summary>Reads in full an array that a deferring read (<see cref="Open"/>) left in the file. Arrays of a
    /// compressed element are cheapest in file order: reading continues where the previous one stopped, and an earlier
    /// array makes the element be inflated again from its start.</summary>
    public MatNumeric ReadDeferred(Level5ArrayLocation stored)
    {
        try
        {
            MatInput input;
            if (stored.CompressedBytes < 0)
            {
                DropCursor();
                _file.Position = stored.Offset;
                input = new MatInput(_file, stored.Bytes, _swap, sizesProven: true, $"element at byte {stored.ElementAt}");
            }
            else
            {
                if (_cursor is not { } c || c.ElementAt != stored.ElementAt || c.Input.Position > stored.Offset)
                {
                    DropCursor();
                    _file.Position = stored.ElementAt + MatElementTags.TagBytes;
                    var (zlib, top, _) = OpenCompressed(stored.ElementAt, stored.CompressedBytes);
                    _cursor = c = (stored.ElementAt, zlib, top);
                }
                input = c.Input;
                input.Skip(stored.Offset - input.Position, stored.What);
            }
            // The array is read as a full read would have read it: same checks, same messages.
            var value = ReadMatrix(input, stored.Bytes, stored.What, 1).Value;
            return value as MatNumeric ?? throw new MatFormatException($"{stored.What} is no longer the numeric array it was when the file was opened (the file changed?)");
        }
        catch (Exception e) when (IsReadError(e))
        {
            DropCursor();
            throw InputError(e, stored.ElementAt);
        }
    }

    private void DropCursor()
    {
        _cursor?.Zlib.Dispose();
        _cursor = null;
    }

    private static MatChar ReadChar(MatInput input, int[] dims, int count, string what)
    {
        var tag = input.ReadTag($"{what}: characters");
        int unit = (MiType)tag.Type switch
        {
            MiType.UInt16 or MiType.Utf16 or MiType.Int16 => 2,
            MiType.UInt8 or MiType.Int8 => 1,
            MiType.Utf8 => 0,
            MiType.Utf32 => 4,
            _ => throw new MatFormatException($"{what}: characters stored as {MatElementTags.Name(tag.Type)} ({input.Where})"),
        };
        // UTF-8 takes at most 3 bytes per UTF-16 code unit, UTF-32 4 bytes per unit; check before reading.
        long most = unit == 0 ? 3L * count : (long)Math.Max(unit, 1) * count;
        if (unit is 1 or 2 ? tag.Bytes != (long)unit * count : tag.Bytes > most)
            throw new MatFormatException($"{what}: {tag.Bytes} bytes of {MatElementTags.Name(tag.Type)} characters for {count} characters ({input.Where})");
        byte[] bytes = input.ReadBytes(tag, $"{what}: characters");
        string text;
        switch (unit)
        {
            case 2:
                if (input.Swap) StoredDataConverter.SwapBytes(bytes, 2);
                text = new string(MemoryMarshal.Cast<byte, char>(bytes));
                break;
            case 1:
                text = Encoding.Latin1.GetString(bytes);
                break;
            case 0:
                text = Encoding.UTF8.GetString(bytes);
                break;
            default:
                if (bytes.Length % 4 != 0) throw new MatFormatException($"{what}: {bytes.Length} bytes of miUTF32 characters ({input.Where})");
                if (input.Swap) StoredDataConverter.SwapBytes(bytes, 4);
                text = new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes);
                break;
        }
        if (text.Length != count)
            throw new MatFormatException($"{what}: {text.Length} characters decoded, the dimensions {string.Join("x", dims)} need {count} ({input.Where})");
        return new MatChar(dims, text);
    }

    private MatStruct ReadStruct(MatInput input, int[] dims, int count, string what, int depth)
    {
        var lengthTag = input.ReadTag($"{what}: field name length");
        if (lengthTag.Type != (int)MiType.Int32 || lengthTag.Bytes != 4)
            throw new MatFormatException($"{what}: field name length is {MatElementTags.Name(lengthTag.Type)} of {lengthTag.Bytes} bytes, expected one miINT32 ({input.Where})");
        int nameLength = ((int[])input.ReadNumeric(lengthTag, MatClass.Int32, false, 1, $"{what}: field name length"))[0];
        var namesTag = input.ReadTag($"{what}: field names");
        if (namesTag.Type is not ((int)MiType.Int8 or (int)MiType.UInt8) || namesTag.Bytes > MaxNameBytes * 16)
            throw new MatFormatException($"{what}: field names are {MatElementTags.Name(namesTag.Type)} of {namesTag.Bytes} bytes ({input.Where})");
        if (namesTag.Bytes > 0 && (nameLength <= 0 || namesTag.Bytes % nameLength != 0))
            throw new MatFormatException($"{what}: {namesTag.Bytes} bytes of field names do not divide into names of {nameLength} bytes ({input.Where})");
        byte[] nameBytes = input.ReadBytes(namesTag, $"{what}: field names");
        int fieldCount = nameBytes.Length == 0 ? 0 : nameBytes.Length / nameLength;
        var fields = new string[fieldCount];
        for (int f = 0; f < fieldCount; f++)
        {
            var raw = nameBytes.AsSpan(f * nameLength, nameLength);
            int zero = raw.IndexOf((byte)0);
            fields[f] = Encoding.UTF8.GetString(zero < 0 ? raw : raw[..zero]);
        }
        if (fields.Distinct(StringComparer.Ordinal).Count() != fields.Length)
            throw new MatFormatException($"{what}: repeated field names ({string.Join(", ", fields)}) ({input.Where})");

        // Grown as elements arrive: the element count comes from the file and is not trusted for allocation.
        var values = new List<MatValue>((int)Math.Min((long)count * fieldCount, 1024));
        for (int e = 0; e < count; e++)
            foreach (string field in fields)
                values.Add(ReadNested(input, count == 1 ? $"{what}.{field}" : $"{what}({e + 1}).{field}", depth));
        return new MatStruct(dims, fields, values);
    }

    private MatCell ReadCell(MatInput input, int[] dims, int count, string what, int depth)
    {
        var values = new List<MatValue>(Math.Min(count, 1024));
        for (int e = 0; e < count; e++) values.Add(ReadNested(input, $"{what}{{{e + 1}}}", depth));
        return new MatCell(dims, values);
    }

    private MatValue ReadNested(MatInput input, string what, int depth)
    {
        var tag = input.ReadTag(what);
        if (tag.Type != (int)MiType.Matrix || tag.IsSmall)
            throw new MatFormatException($"{what} is {MatElementTags.Name(tag.Type)}, expected miMATRIX ({input.Where})");
        return ReadMatrix(input, tag.Bytes, what, depth + 1).Value;
    }

    public void Dispose()
    {
        DropCursor();
        _file.Dispose();
    }
}
