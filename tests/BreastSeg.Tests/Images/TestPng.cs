using System.Buffers.Binary;
using System.IO.Compression;

namespace BreastSeg.Tests.Images;

/// <summary>
/// Writes PNG files of every colour type and bit depth for the tests, from samples given as ints (one per channel, row-
/// major; palette images take indices). Written here, independently of the decoder, so the tests compare the decoder
/// with the values put in. Rows are packed MSB first for depths below 8 and big-endian for 16 bits (PNG spec 7.2).
/// </summary>
internal static class TestPng
{
    public const int Gray = 0, Rgb = 2, Palette = 3, GrayAlpha = 4, Rgba = 6;

    public static int Channels(int colourType) => colourType switch { Gray => 1, Rgb => 3, Palette => 1, GrayAlpha => 2, Rgba => 4, _ => throw new ArgumentException("colour type") };

    public static byte[] Encode(int width, int height, int colourType, int bitDepth, int[] samples,
        byte[]? paletteRgb = null, byte[]? paletteAlpha = null, int filter = 0)
    {
        int channels = Channels(colourType);
        if (samples.Length != width * height * channels) throw new ArgumentException("sample count");
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colourType;
        Chunk(png, "IHDR", header);
        if (paletteRgb is not null) Chunk(png, "PLTE", paletteRgb);
        if (paletteAlpha is not null) Chunk(png, "tRNS", paletteAlpha);
        int rowBytes = (width * channels * bitDepth + 7) / 8;
        int bpp = Math.Max(1, channels * bitDepth / 8);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                var row = PackRow(samples.AsSpan(y * width * channels, width * channels), bitDepth, rowBytes);
                z.WriteByte((byte)filter);
                z.Write(filter == 1 ? SubFilter(row, bpp) : row);
            }
        }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG whose header declares <paramref name="width"/> x <paramref name="height"/> 8-bit gray pixels,
    /// followed by an IDAT of <paramref name="zeroRows"/> all-zero rows (deflated to a few hundred bytes per MB).</summary>
    public static byte[] HugeHeader(int width, int height, int zeroRows)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        Chunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (int y = 0; y < zeroRows; y++) z.Write(row);
        }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] PackRow(ReadOnlySpan<int> values, int depth, int rowBytes)
    {
        var row = new byte[rowBytes];
        if (depth == 16)
            for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(2 * i), (ushort)values[i]);
        else if (depth == 8)
            for (int i = 0; i < values.Length; i++) row[i] = (byte)values[i];
        else
            for (int i = 0; i < values.Length; i++)
            {
                int bit = i * depth;
                row[bit / 8] |= (byte)(values[i] << (8 - depth - bit % 8));
            }
        return row;
    }

    private static byte[] SubFilter(byte[] row, int bpp)
    {
        var filtered = new byte[row.Length];
        for (int i = 0; i < row.Length; i++) filtered[i] = (byte)(row[i] - (i >= bpp ? row[i - bpp] : 0));
        return filtered;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        s.Write(four);
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typeBytes, data));
        s.Write(four);
    }

    // CRC-32 (ISO 3309 / PNG Annex D), bitwise.
    private static uint Crc32(byte[] type, byte[] data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in type.Concat(data))
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>Writes an 8-bit gray image (row-major levels).</summary>
    public static void WriteGray(string path, int width, int height, byte[] levels) =>
        File.WriteAllBytes(path, Encode(width, height, Gray, 8, levels.Select(b => (int)b).ToArray()));

    /// <summary>Writes a 1-bit mask (BUSI's usual mask form).</summary>
    public static void WriteMask(string path, int width, int height, bool[] lesion) =>
        File.WriteAllBytes(path, Encode(width, height, Gray, 1, lesion.Select(b => b ? 1 : 0).ToArray()));
}
