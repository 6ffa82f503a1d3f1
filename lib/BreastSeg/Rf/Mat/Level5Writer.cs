using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Writes MAT Level-5 files as MATLAB v7 does: a 128-byte header, then one miCOMPRESSED element per variable holding
/// its miMATRIX element (or plain miMATRIX elements, as v6 writes them). Little-endian; char data as miUINT16 (miUTF8 for non-ASCII text),
/// logical as miUINT8 with the logical flag, every numeric class in its own data type.
/// </summary>
internal sealed class Level5Writer
{
    /// <summary>MATLAB's namelengthmax: longer variable and field names are truncated by MATLAB, so refuse them.</summary>
    public const int MaxNameLength = 63;

    private readonly Stream _output;

    private Level5Writer(Stream output) => _output = output;

    /// <summary>Writes a whole file to <paramref name="output"/> (seekable when <paramref name="compress"/>).</summary>
    public static void Write(Stream output, IEnumerable<KeyValuePair<string, MatValue>> variables, bool compress)
    {
        var writer = new Level5Writer(output);
        writer.WriteHeader();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            CheckName(name, "variable name");
            if (!seen.Add(name)) throw new ArgumentException($"variable '{name}' is given twice", nameof(variables));
            ArgumentNullException.ThrowIfNull(value, name);
            Check(value, $"variable '{name}'");
            if (compress) writer.WriteCompressed(name, value);
            else WriteMatrix(output, name, value);
        }
    }

    /// <summary>Writes a file of one 1 x N struct array variable whose elements arrive one at a time (each element's
    /// fields, named and ordered as the first element's), holding one element in memory. The bytes are those
    /// <see cref="Write"/> gives for the whole struct. The element count and sizes are known only at the end, so the
    /// uncompressed element is written first (to <paramref name="output"/>, or for compression to a temporary file
    /// beside it, deleted afterwards) and its sizes are filled in.</summary>
    /// <param name="output">Seekable output stream.</param>
    /// <param name="name">Variable name.</param>
    /// <param name="elements">The elements; every one must have the first one's field names in the same order.</param>
    /// <param name="compress">Whether to write a miCOMPRESSED element (MATLAB v7) or a plain one (v6).</param>
    public static void WriteStructArray(Stream output, string name, IEnumerable<IReadOnlyList<KeyValuePair<string, MatValue>>> elements, bool compress)
    {
        CheckName(name, "variable name");
        var writer = new Level5Writer(output);
        writer.WriteHeader();
        if (!compress)
        {
            WriteStructElements(output, name, elements);
            return;
        }
        string folder = output is FileStream f ? Path.GetDirectoryName(Path.GetFullPath(f.Name)) ?? "." : Path.GetTempPath();
        string temporary = Path.Combine(folder, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.uncompressed.tmp");
        using var raw = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        WriteStructElements(raw, name, elements);
        raw.Position = 0;
        long tagAt = output.Position;
        WriteTag(output, MiType.Compressed, 0);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            raw.CopyTo(zlib, 1 << 20);
        writer.PatchCompressedTag(name, tagAt);
    }

    // The miMATRIX element of a 1 x N struct array, written element by element; its size and N are filled in at the end.
    private static void WriteStructElements(Stream to, string name, IEnumerable<IReadOnlyList<KeyValuePair<string, MatValue>>> elements)
    {
        long tagAt = to.Position;
        string[]? fields = null;
        long count = 0;
        long contentBytes = 0;
        long dimsAt = 0;
        foreach (var element in elements)
        {
            if (fields is null)
            {
                fields = element.Select(e => e.Key).ToArray();
                var shape = new MatStruct([1, 0], fields, []);
                Check(shape, $"variable '{name}'");
                contentBytes = MatrixBytes(shape, name);
                WriteMatrixHead(to, name, shape, contentBytes);
                dimsAt = tagAt + MatElementTags.TagBytes + 16 + MatElementTags.TagBytes;
                WriteStructFieldNames(to, shape);
            }
            else if (!element.Select(e => e.Key).SequenceEqual(fields))
                throw new ArgumentException($"variable '{name}'({count + 1}) has fields {string.Join(", ", element.Select(e => e.Key))}, the first element has {string.Join(", ", fields)}", nameof(elements));
            foreach (var (field, value) in element)
            {
                ArgumentNullException.ThrowIfNull(value, field);
                Check(value, $"variable '{name}'({count + 1}).{field}");
                contentBytes += MatElementTags.TagBytes + MatrixBytes(value, "");
                if (contentBytes > uint.MaxValue)
                    throw new ArgumentException($"variable '{name}' needs more than 4 GB, the limit of one MAT Level-5 variable (save it in parts)");
                WriteMatrix(to, "", value);
            }
            count++;
        }
        if (fields is null) throw new ArgumentException($"variable '{name}': no elements to write", nameof(elements));
        long end = to.Position;
        to.Position = tagAt;
        WriteTag(to, MiType.Matrix, contentBytes);
        to.Position = dimsAt;
        Span<byte> dims = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(dims, 1);
        BinaryPrimitives.WriteInt32LittleEndian(dims[4..], checked((int)count));
        to.Write(dims);
        to.Position = end;
    }

    /// <summary>Names MATLAB accepts: a letter, then letters, digits and underscores, at most 63 characters.</summary>
    public static void CheckName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !char.IsAsciiLetter(name[0])
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"{what} '{name}' is not a MATLAB name (a letter, then letters, digits or '_', at most {MaxNameLength} characters)");
    }

    private static void Check(MatValue value, string what)
    {
        switch (value)
        {
            case MatStruct s:
                foreach (string f in s.FieldNames) CheckName(f, $"{what}: field name");
                for (int e = 0; e < s.Count; e++)
                    foreach (string f in s.FieldNames) Check(s[e, f], $"{what}({e + 1}).{f}");
                break;
            case MatCell c:
                for (int e = 0; e < c.Count; e++) Check(c[e], $"{what}{{{e + 1}}}");
                break;
        }
        if (MatrixBytes(value, "") > uint.MaxValue)
            throw new ArgumentException($"{what} needs more than 4 GB, the limit of one MAT Level-5 variable (save it in parts)");
    }

    private void WriteHeader()
    {
        var header = new byte[MatElementTags.HeaderBytes];
        string text = $"MATLAB 5.0 MAT-file, Platform: {(OperatingSystem.IsWindows() ? "PCWIN64" : OperatingSystem.IsMacOS() ? "MACI64" : "GLNXA64")}, Created on: {DateTime.UtcNow:ddd MMM dd HH:mm:ss yyyy} by BreastSeg";
        header.AsSpan(0, 116).Fill((byte)' ');
        Encoding.ASCII.GetBytes(text).AsSpan(0, Math.Min(text.Length, 116)).CopyTo(header);
        // Bytes 116-123: subsystem data offset, none (zeros, as scipy writes).
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(124), MatElementTags.Level5Version);
        header[126] = (byte)'I';
        header[127] = (byte)'M';
        _output.Write(header);
    }

    private void WriteCompressed(string name, MatValue value)
    {
        long tagAt = _output.Position;
        WriteTag(_output, MiType.Compressed, 0);
        // Not Fastest: zlib-ng's level 1 uses fixed Huffman codes and leaves int16 RF uncompressed (measured: 414 MB
        // for 409 MB of RF); Optimal (level 6) shrinks it.
        using (var zlib = new ZLibStream(_output, CompressionLevel.Optimal, leaveOpen: true))
            WriteMatrix(zlib, name, value);
        PatchCompressedTag(name, tagAt);
    }

    // Fills in the size of the miCOMPRESSED element whose tag is at tagAt and which ends at the current position.
    private void PatchCompressedTag(string name, long tagAt)
    {
        long end = _output.Position;
        long compressed = end - tagAt - MatElementTags.TagBytes;
        if (compressed > uint.MaxValue) throw new ArgumentException($"variable '{name}' compresses to more than 4 GB, the limit of a MAT Level-5 element");
        _output.Position = tagAt;
        WriteTag(_output, MiType.Compressed, compressed);
        _output.Position = end;
    }

    /// <summary>Content bytes of a miMATRIX element (after its tag).</summary>
    private static long MatrixBytes(MatValue value, string name)
    {
        long bytes = 16 + 8 + Padded(4L * value.Dimensions.Length) + 8 + NameBytes(name);
        switch (value)
        {
            case MatNumeric n:
                long data = Padded(n.Count * (n.IsLogical ? 1 : MatTypes.ElementSize(n.Class)));
                return bytes + 8 + data + (n.IsComplex ? 8 + data : 0);
            case MatChar c:
                return bytes + 8 + Padded(CharBytes(c).Length);
            case MatStruct s:
                bytes += 8 + 8 + Padded((long)FieldNameLength(s) * s.FieldNames.Count);
                for (int e = 0; e < s.Count; e++)
                    foreach (string f in s.FieldNames) bytes += 8 + MatrixBytes(s[e, f], "");
                return bytes;
            case MatCell cell:
                for (int e = 0; e < cell.Count; e++) bytes += 8 + MatrixBytes(cell[e], "");
                return bytes;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name}");
        }
    }

    private static long NameBytes(string name) => name.Length is > 0 and <= 4 ? 0 : Padded(name.Length);

    private static long Padded(long bytes) => bytes + MatElementTags.Padding(bytes);

    /// <summary>ASCII text as miUINT16, as MATLAB writes it; other text as miUTF8, which scipy.io decodes correctly
    /// (it reads miUINT16 through a one-byte codec and garbles non-ASCII). Text with surrogate pairs stays miUINT16,
    /// because UTF-8 would change its length in characters.</summary>
    private static MiType CharType(MatChar c) =>
        c.Characters.All(char.IsAscii) || c.Characters.Any(char.IsSurrogate) ? MiType.UInt16 : MiType.Utf8;

    private static byte[] CharBytes(MatChar c) => CharType(c) == MiType.Utf8
        ? Encoding.UTF8.GetBytes(c.Characters)
        : MemoryMarshal.AsBytes(c.Characters.AsSpan()).ToArray();

    private static int FieldNameLength(MatStruct s) => s.FieldNames.Count == 0 ? 1 : s.FieldNames.Max(f => f.Length) + 1;

    private static void WriteMatrix(Stream to, string name, MatValue value)
    {
        WriteMatrixHead(to, name, value, MatrixBytes(value, name));
        switch (value)
        {
            case MatNumeric n:
                var type = n.IsLogical ? MiType.UInt8 : MatElementTags.ForClass(n.Class);
                WriteArray(to, type, n.Real);
                if (n.Imaginary is not null) WriteArray(to, type, n.Imaginary);
                break;
            case MatChar c:
                WriteData(to, CharType(c), CharBytes(c));
                break;
            case MatStruct s:
                WriteStructFieldNames(to, s);
                for (int e = 0; e < s.Count; e++)
                    foreach (string f in s.FieldNames) WriteMatrix(to, "", s[e, f]);
                break;
            case MatCell cell:
                for (int e = 0; e < cell.Count; e++) WriteMatrix(to, "", cell[e]);
                break;
        }
    }

    // Tag, array flags, dimensions and name of a miMATRIX element of contentBytes bytes.
    private static void WriteMatrixHead(Stream to, string name, MatValue value, long contentBytes)
    {
        WriteTag(to, MiType.Matrix, contentBytes);
        var (matClass, flags) = value switch
        {
            MatNumeric n => (n.Class, (n.IsComplex ? MatElementTags.ComplexFlag : 0) | (n.IsLogical ? MatElementTags.LogicalFlag : 0)),
            MatChar => (MatClass.Char, 0u),
            MatStruct => (MatClass.Struct, 0u),
            _ => (MatClass.Cell, 0u),
        };
        WriteTag(to, MiType.UInt32, 8);
        Span<byte> eight = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(eight, (uint)matClass | flags);
        BinaryPrimitives.WriteUInt32LittleEndian(eight[4..], 0);
        to.Write(eight);

        int[] dims = value.Dimensions;
        WriteData(to, MiType.Int32, MemoryMarshal.AsBytes(dims.AsSpan()));
        byte[] nameBytes = Encoding.ASCII.GetBytes(name);
        if (nameBytes.Length is > 0 and <= 4) WriteSmall(to, MiType.Int8, nameBytes);
        else WriteData(to, MiType.Int8, nameBytes);
    }

    private static void WriteStructFieldNames(Stream to, MatStruct s)
    {
        int length = FieldNameLength(s);
        Span<byte> lengthBytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(lengthBytes, length);
        WriteSmall(to, MiType.Int32, lengthBytes);
        var names = new byte[length * s.FieldNames.Count];
        for (int f = 0; f < s.FieldNames.Count; f++) Encoding.ASCII.GetBytes(s.FieldNames[f]).CopyTo(names, f * length);
        WriteData(to, MiType.Int8, names);
    }

    private static void WriteTag(Stream to, MiType type, long bytes)
    {
        Span<byte> tag = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(tag[4..], checked((uint)bytes));
        to.Write(tag);
    }

    private static void WriteSmall(Stream to, MiType type, ReadOnlySpan<byte> data)
    {
        Span<byte> tag = stackalloc byte[8];
        tag.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)type | (uint)data.Length << 16);
        data.CopyTo(tag[4..]);
        to.Write(tag);
    }

    private static void WriteData(Stream to, MiType type, ReadOnlySpan<byte> data)
    {
        WriteTag(to, type, data.Length);
        to.Write(data);
        WritePadding(to, data.Length);
    }

    private static void WritePadding(Stream to, long bytes)
    {
        Span<byte> zeros = stackalloc byte[8];
        zeros.Clear();
        to.Write(zeros[..MatElementTags.Padding(bytes)]);
    }

    /// <summary>Writes an array's memory as is (little-endian hosts; bool is one byte 0/1, as miUINT8 logical needs).</summary>
    private static void WriteArray(Stream to, MiType type, Array data)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the MAT writer needs a little-endian host");
        long bytes = data.LongLength * MatElementTags.Size((int)type);
        WriteTag(to, type, bytes);
        ref byte start = ref MatTypes.DataReference(data);
        const int slice = 1 << 30;
        for (long at = 0; at < bytes; at += slice)
            to.Write(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, (nint)at), (int)Math.Min(slice, bytes - at)));
        WritePadding(to, bytes);
    }
}
