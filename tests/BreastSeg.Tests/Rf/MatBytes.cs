using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BreastSeg.Tests.Rf;

/// <summary>Builds MAT Level-5 files byte by byte, following the format description rather than the kit's writer, so
/// reader paths the writer never takes (v6 elements, small data elements, stored types, big-endian) are tested.</summary>
internal sealed class MatBytes(bool bigEndian = false)
{
    public const int miINT8 = 1, miUINT8 = 2, miINT16 = 3, miUINT16 = 4, miINT32 = 5, miUINT32 = 6, miSINGLE = 7, miDOUBLE = 9,
        miINT64 = 12, miUINT64 = 13, miMATRIX = 14, miCOMPRESSED = 15, miUTF8 = 16, miUTF16 = 17, miUTF32 = 18;
    public const int mxCELL = 1, mxSTRUCT = 2, mxCHAR = 4, mxSPARSE = 5, mxDOUBLE = 6, mxSINGLE = 7, mxINT8 = 8, mxUINT8 = 9, mxINT16 = 10, mxINT32 = 12;

    public byte[] Header(ushort version = 0x0100)
    {
        var h = new byte[128];
        h.AsSpan(0, 116).Fill((byte)' ');
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, hand-built for tests").CopyTo(h, 0);
        if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(124), version); h[126] = (byte)'M'; h[127] = (byte)'I'; }
        else { BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(124), version); h[126] = (byte)'I'; h[127] = (byte)'M'; }
        return h;
    }

    public byte[] File(params byte[][] elements) => [.. Header(), .. elements.SelectMany(e => e)];

    public byte[] U32(uint v)
    {
        var b = new byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    public byte[] Tag(int type, int bytes) => [.. U32((uint)type), .. U32((uint)bytes)];

    /// <summary>A normal data element, padded to 8 bytes.</summary>
    public byte[] Element(int type, byte[] data) => [.. Tag(type, data.Length), .. data, .. new byte[(8 - data.Length % 8) % 8]];

    /// <summary>A small data element: type and size in one 32-bit word, up to 4 data bytes after it.</summary>
    public byte[] Small(int type, byte[] data) => [.. U32((uint)(data.Length << 16 | type)), .. data, .. new byte[4 - data.Length]];

    public byte[] Values<T>(params T[] values) where T : unmanaged
    {
        var bytes = new byte[values.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes);
        int size = bytes.Length / Math.Max(values.Length, 1);
        if (bigEndian) for (int i = 0; i < values.Length; i++) Array.Reverse(bytes, i * size, size);
        return bytes;
    }

    public byte[] Flags(int matClass, uint flags = 0) => Element(miUINT32, [.. U32((uint)matClass | flags), .. U32(0)]);

    public byte[] Dims(params int[] dims) => Element(miINT32, Values(dims));

    public byte[] Name(string name) => name.Length is > 0 and <= 4 ? Small(miINT8, Encoding.ASCII.GetBytes(name)) : Element(miINT8, Encoding.ASCII.GetBytes(name));

    /// <summary>A miMATRIX element around the given sub-elements.</summary>
    public byte[] Matrix(params byte[][] parts)
    {
        var content = parts.SelectMany(p => p).ToArray();
        return [.. Tag(miMATRIX, content.Length), .. content];
    }

    /// <summary>A miCOMPRESSED element holding a whole miMATRIX element.</summary>
    public byte[] Compressed(byte[] element)
    {
        var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) z.Write(element);
        return [.. Tag(miCOMPRESSED, (int)buffer.Length), .. buffer.ToArray()];
    }
}
