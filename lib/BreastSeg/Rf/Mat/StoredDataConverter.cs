using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Converts the stored data of a numeric data element into the array class. MATLAB saves space by storing, for example,
/// a double array whose values are small integers as miINT16 or miUINT8; the array class, not the storage type, decides
/// what the reader returns.
/// </summary>
internal static class StoredDataConverter
{
    /// <summary>Reverses the byte order of each <paramref name="size"/>-byte value in place.</summary>
    public static void SwapBytes(Span<byte> bytes, int size)
    {
        switch (size)
        {
            case 2: var s = MemoryMarshal.Cast<byte, ushort>(bytes); BinaryPrimitives.ReverseEndianness(s, s); break;
            case 4: var i = MemoryMarshal.Cast<byte, uint>(bytes); BinaryPrimitives.ReverseEndianness(i, i); break;
            case 8: var l = MemoryMarshal.Cast<byte, ulong>(bytes); BinaryPrimitives.ReverseEndianness(l, l); break;
        }
    }

    /// <summary>Converts little-endian values of <paramref name="miType"/> into <paramref name="target"/> from index
    /// <paramref name="offset"/>; <paramref name="bytes"/> holds a whole number of values.</summary>
    public static void Convert(ReadOnlySpan<byte> bytes, int miType, Array target, int offset)
    {
        switch ((MiType)miType)
        {
            case MiType.Int8: Into(MemoryMarshal.Cast<byte, sbyte>(bytes), target, offset); break;
            case MiType.UInt8: Into(bytes, target, offset); break;
            case MiType.Int16: Into(MemoryMarshal.Cast<byte, short>(bytes), target, offset); break;
            case MiType.UInt16: Into(MemoryMarshal.Cast<byte, ushort>(bytes), target, offset); break;
            case MiType.Int32: Into(MemoryMarshal.Cast<byte, int>(bytes), target, offset); break;
            case MiType.UInt32: Into(MemoryMarshal.Cast<byte, uint>(bytes), target, offset); break;
            case MiType.Single: Into(MemoryMarshal.Cast<byte, float>(bytes), target, offset); break;
            case MiType.Double: Into(MemoryMarshal.Cast<byte, double>(bytes), target, offset); break;
            case MiType.Int64: Into(MemoryMarshal.Cast<byte, long>(bytes), target, offset); break;
            case MiType.UInt64: Into(MemoryMarshal.Cast<byte, ulong>(bytes), target, offset); break;
            default: throw new ArgumentOutOfRangeException(nameof(miType), miType, "not a numeric data type");
        }
    }

    private static void Into<TSource>(ReadOnlySpan<TSource> source, Array target, int offset) where TSource : unmanaged, INumberBase<TSource>
    {
        switch (MatTypes.ElementCode(target))
        {
            case TypeCode.Double: To(source, Unsafe.As<double[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.Single: To(source, Unsafe.As<float[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.SByte: To(source, Unsafe.As<sbyte[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.Byte: To(source, Unsafe.As<byte[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.Int16: To(source, Unsafe.As<short[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.UInt16: To(source, Unsafe.As<ushort[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.Int32: To(source, Unsafe.As<int[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.UInt32: To(source, Unsafe.As<uint[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.Int64: To(source, Unsafe.As<long[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.UInt64: To(source, Unsafe.As<ulong[]>(target).AsSpan(offset, source.Length)); break;
            case TypeCode.Boolean:
                var flags = Unsafe.As<bool[]>(target).AsSpan(offset, source.Length);
                for (int i = 0; i < source.Length; i++) flags[i] = !TSource.IsZero(source[i]);
                break;
            default: throw new ArgumentException($"unsupported element type {target.GetType().Name}", nameof(target));
        }
    }

    private static void To<TSource, TTarget>(ReadOnlySpan<TSource> source, Span<TTarget> target)
        where TSource : unmanaged, INumberBase<TSource> where TTarget : struct, INumberBase<TTarget>
    {
        if (typeof(TSource) == typeof(TTarget))
        {
            MemoryMarshal.Cast<TSource, TTarget>(source).CopyTo(target);
            return;
        }
        // Saturating: a value outside the class's range can only come from a damaged file, and saturation is what
        // MATLAB's own conversions do.
        for (int i = 0; i < source.Length; i++) target[i] = TTarget.CreateSaturating(source[i]);
    }
}
