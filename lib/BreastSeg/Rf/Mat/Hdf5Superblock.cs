using System.Buffers.Binary;

namespace BreastSeg.Rf.Mat;

/// <summary>What the chunk index reader needs from an HDF5 superblock: where addresses count from and how wide
/// addresses and lengths are.</summary>
/// <param name="BaseAddress">Absolute file position that HDF5 addresses are relative to (512 in a MAT v7.3 file).</param>
/// <param name="OffsetSize">Bytes of an address (2, 4 or 8).</param>
/// <param name="LengthSize">Bytes of a length (2, 4 or 8).</param>
internal sealed record Hdf5Superblock(long BaseAddress, int OffsetSize, int LengthSize)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>The superblock at 0, 512, 1024, 2048, ... (where HDF5 looks for it); a <see cref="MatFormatException"/>
    /// when none is found or its fields do not fit the file.</summary>
    public static Hdf5Superblock Read(Stream file)
    {
        long length = file.Length;
        var head = new byte[40];
        for (long at = 0; at + head.Length <= length; at = at == 0 ? 512 : at * 2)
        {
            file.Position = at;
            file.ReadExactly(head);
            if (!head.AsSpan(0, 8).SequenceEqual(Signature)) continue;
            int version = head[8];
            (int offsets, int lengths, int baseAt) = version switch
            {
                0 => (head[13], head[14], 24),
                1 => (head[13], head[14], 28),
                2 or 3 => (head[9], head[10], 12),
                _ => throw new MatFormatException($"HDF5 superblock version {version} is not one this reader knows"),
            };
            if (offsets is not (2 or 4 or 8) || lengths is not (2 or 4 or 8))
                throw new MatFormatException($"HDF5 superblock declares {offsets}-byte addresses and {lengths}-byte lengths");
            ulong baseAddress = ReadUnsigned(head.AsSpan(baseAt), offsets);
            if (baseAddress >= (ulong)length) throw new MatFormatException($"HDF5 base address {baseAddress} lies beyond the file's {length} bytes");
            return new Hdf5Superblock((long)baseAddress, offsets, lengths);
        }
        throw new MatFormatException("no HDF5 superblock found");
    }

    /// <summary>A little-endian unsigned integer of <paramref name="size"/> bytes.</summary>
    public static ulong ReadUnsigned(ReadOnlySpan<byte> bytes, int size) => size switch
    {
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        8 => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "2, 4 or 8"),
    };

    /// <summary>Whether <paramref name="address"/> is HDF5's undefined address (all bits set at this width).</summary>
    public bool IsUndefined(ulong address) => OffsetSize == 8 ? address == ulong.MaxValue : address == (1UL << (8 * OffsetSize)) - 1;
}
