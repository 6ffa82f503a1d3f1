using System.Buffers.Binary;
using System.IO.Compression;

namespace BreastSeg.Fuzzing;

/// <summary>
/// Seeded mutations of a valid file: byte flips, truncations, extreme values written over size-like words, and
/// declared-size bombs (a small dimension or length field of the file raised to a huge value, with the PNG header's
/// CRC recomputed so the bomb reaches the size check). For MAT v7 files the first compressed element is also damaged
/// inside its zlib stream and recompressed, so structural checks meet unproven sizes behind valid compression.
/// </summary>
public static class FuzzMutator
{
    /// <summary>A mutated copy of <paramref name="seed"/> and a description of the mutation.</summary>
    public static (byte[] Data, string How) Mutate(FuzzFormat format, byte[] seed, Random rng)
    {
        byte[] data = (byte[])seed.Clone();
        int kind = rng.Next(format == FuzzFormat.Mat7 ? 5 : 4);
        switch (kind)
        {
            case 0:
                int flips = rng.Next(1, 9);
                for (int k = 0; k < flips; k++) data[rng.Next(data.Length)] = (byte)rng.Next(256);
                return (data, $"{flips} byte flips");
            case 1:
                int length = rng.Next(data.Length);
                return (data[..length], $"truncated to {length} bytes");
            case 2:
                int at = rng.Next(data.Length - 4) & ~3;
                uint value = SizeLike(rng);
                if (format == FuzzFormat.Png) BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), value);
                else BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), value);
                return (data, $"size-like value {value} at byte {at}");
            case 3:
                return format == FuzzFormat.Png ? PngSizeBomb(data, rng) : SizeBomb(format, data, rng);
            default:
                return InsideCompressed(data, rng);
        }
    }

    /// <summary>Values a damaged size field takes: huge, off by a little, or zero.</summary>
    internal static uint SizeLike(Random rng) => rng.Next(6) switch
    {
        0 => uint.MaxValue,
        1 => int.MaxValue,
        2 => (uint)rng.Next(1, 64),
        3 => 0,
        4 => 0x7FFFFFF8,
        _ => (uint)rng.Next(),
    };

    /// <summary>A small word (1 to 64, as dimensions and lengths of the seeds are) raised to a huge value: a file that
    /// declares gigabytes in a few hundred bytes. HDF5 sizes are 8-byte words, the others 4-byte.</summary>
    private static (byte[], string) SizeBomb(FuzzFormat format, byte[] data, Random rng)
    {
        int word = format == FuzzFormat.Mat73 ? 8 : 4;
        int start = format is FuzzFormat.Mat5 or FuzzFormat.Mat7 ? 128 : format == FuzzFormat.Mat73 ? 512 : 0;
        var candidates = new List<int>();
        for (int at = start; at + word <= data.Length; at += word)
        {
            ulong v = word == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
            if (v is >= 1 and <= 64) candidates.Add(at);
        }
        if (candidates.Count == 0) return (data, "no size field found (unchanged)");
        int pick = candidates[rng.Next(candidates.Count)];
        ulong huge = rng.Next(3) switch { 0 => 200_000, 1 => int.MaxValue, _ => 1UL << 40 };
        if (word == 8) BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(pick), huge);
        else BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(pick), (uint)Math.Min(huge, uint.MaxValue));
        return (data, $"size field at byte {pick} raised to {huge}");
    }

    /// <summary>The PNG header's width and height raised (the CRC fixed), as a few-hundred-byte 40000 x 40000 image.</summary>
    private static (byte[], string) PngSizeBomb(byte[] data, Random rng)
    {
        const int ihdr = 16; // 8-byte signature, 4-byte length, 4-byte type
        if (data.Length < ihdr + 17) return (data, "too short for a PNG size bomb (unchanged)");
        int width = rng.Next(2) == 0 ? 40_000 : int.MaxValue, height = rng.Next(2) == 0 ? 40_000 : rng.Next(1, 1 << 30);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(ihdr), width);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(ihdr + 4), height);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(ihdr + 13), Notebooks.Display.Png.Crc(0xFFFFFFFFu, data.AsSpan(12, 17)) ^ 0xFFFFFFFFu);
        return (data, $"PNG header declares {width} x {height}");
    }

    /// <summary>Decompresses the first compressed element, damages it (a byte or a size-like word), recompresses it.</summary>
    internal static (byte[] Data, string How) InsideCompressed(byte[] data, Random rng)
    {
        const int at = 128;
        const uint miCompressed = 15;
        if (data.Length < at + 8 || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)) != miCompressed)
        {
            int flip = rng.Next(data.Length);
            data[flip] ^= (byte)(1 << rng.Next(8));
            return (data, $"bit flip at {flip}");
        }
        int compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + 4));
        byte[] inner;
        using (var z = new ZLibStream(new MemoryStream(data, at + 8, compressed), CompressionMode.Decompress))
        using (var m = new MemoryStream())
        {
            z.CopyTo(m);
            inner = m.ToArray();
        }
        int pos = 4 * rng.Next(inner.Length / 4);
        string how;
        if (rng.Next(2) == 0)
        {
            uint value = SizeLike(rng);
            BinaryPrimitives.WriteUInt32LittleEndian(inner.AsSpan(pos), value);
            how = $"size-like value {value} at decompressed byte {pos}";
        }
        else
        {
            inner[pos] = (byte)rng.Next(256);
            how = $"byte flip at decompressed byte {pos}";
        }
        var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) z.Write(inner);
        var element = new byte[8 + buffer.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(element, miCompressed);
        BinaryPrimitives.WriteUInt32LittleEndian(element.AsSpan(4), (uint)buffer.Length);
        buffer.ToArray().CopyTo(element, 8);
        return ([.. data[..at], .. element, .. data[(at + 8 + compressed)..]], how);
    }
}
