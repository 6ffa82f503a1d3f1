using System.Buffers.Binary;
using BreastSeg.IO;
using StbImageSharp;

namespace BreastSeg.Images;

/// <summary>
/// What an image file declares about itself before any pixel is decoded: size, channels and bits per channel.
/// </summary>
/// <param name="Width">Columns (pixels).</param>
/// <param name="Height">Rows (pixels).</param>
/// <param name="Channels">Stored channels: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA; a PNG palette counts as 1 (indices).</param>
/// <param name="BitDepth">Bits per stored sample (PNG: 1, 2, 4, 8 or 16).</param>
/// <param name="Format">"png" or the decoder's name for other formats ("jpeg", "bmp").</param>
public sealed record ImageHeader(int Width, int Height, int Channels, int BitDepth, string Format)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Pixels (width x height) as a 64-bit count.</summary>
    public long Pixels => (long)Width * Height;

    /// <summary>
    /// Reads the header of <paramref name="bytes"/> (the whole file, named <paramref name="file"/> in errors). PNG headers
    /// are read from the IHDR chunk directly, because the decoder's own header probe refuses images over 2^30 samples
    /// without saying how large they are; other formats through the decoder's probe.
    /// </summary>
    public static ImageHeader Read(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature)) return ReadPng(file, bytes);
        ImageInfo? info;
        using (var stream = new MemoryStream(bytes.ToArray(), writable: false))
        {
            try { info = ImageInfo.FromStream(stream); }
            catch (Exception e) when (e is not OutOfMemoryException) { info = null; }
        }
        if (info is not { } i || i.Width <= 0 || i.Height <= 0)
            throw new BreastSegInputException(file, "not a readable image (PNG, JPEG or BMP expected)");
        return new ImageHeader(i.Width, i.Height, (int)i.ColorComponents, i.BitsPerChannel, FormatName(bytes));
    }

    private static ImageHeader ReadPng(string file, ReadOnlySpan<byte> bytes)
    {
        // Signature (8), IHDR length (4) and type (4), then width, height, bit depth, colour type, compression,
        // filter, interlace (13 bytes).
        if (bytes.Length < 33 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8) || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]) != 13)
            throw new BreastSegInputException(file, $"PNG file of {bytes.Length} bytes has no complete IHDR header chunk");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        int depth = bytes[24], colourType = bytes[25];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
            throw new BreastSegInputException(file, $"PNG header declares {width} x {height} pixels");
        int channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => -1 };
        bool depthOk = colourType switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            _ => depth is 8 or 16,
        };
        if (channels < 0 || !depthOk)
            throw new BreastSegInputException(file, $"PNG header declares colour type {colourType} with bit depth {depth}, which PNG does not define");
        CheckPngChunks(file, bytes);
        return new ImageHeader((int)width, (int)height, channels, depth, "png");
    }

    /// <summary>Walks the chunks up to IEND: each must fit in the file. The decoder allocates a chunk's declared length
    /// before reading it (found by fuzzing: a damaged IDAT length made it ask for gigabytes), so the lengths are
    /// proven against the file first.</summary>
    private static void CheckPngChunks(string file, ReadOnlySpan<byte> bytes)
    {
        long at = 8;
        while (at + 8 <= bytes.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)at..]);
            var type = bytes.Slice((int)at + 4, 4);
            if (length > int.MaxValue || at + 12 + length > bytes.Length)
                throw new BreastSegInputException(file, $"PNG chunk at byte {at} declares {length} bytes, but only {Math.Max(0, bytes.Length - at - 12)} remain (truncated or damaged file)");
            if (type.SequenceEqual("IEND"u8)) return;
            at += 12 + length;
        }
        throw new BreastSegInputException(file, $"PNG file of {bytes.Length} bytes ends without an IEND chunk (truncated?)");
    }

    private static string FormatName(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? "jpeg"
        : bytes.Length >= 2 && bytes[0] == 'B' && bytes[1] == 'M' ? "bmp"
        : "image";
}
