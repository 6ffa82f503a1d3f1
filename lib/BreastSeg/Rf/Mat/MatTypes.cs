using System.Runtime.CompilerServices;
using System.Numerics;

namespace BreastSeg.Rf.Mat;

/// <summary>Maps MATLAB numeric classes to .NET element types and widens stored data to double.</summary>
internal static class MatTypes
{
    public static MatClass? ClassOfElementType(Type type) =>
        type == typeof(double) ? MatClass.Double :
        type == typeof(float) ? MatClass.Single :
        type == typeof(sbyte) ? MatClass.Int8 :
        type == typeof(byte) || type == typeof(bool) ? MatClass.UInt8 :
        type == typeof(short) ? MatClass.Int16 :
        type == typeof(ushort) ? MatClass.UInt16 :
        type == typeof(int) ? MatClass.Int32 :
        type == typeof(uint) ? MatClass.UInt32 :
        type == typeof(long) ? MatClass.Int64 :
        type == typeof(ulong) ? MatClass.UInt64 : null;

    public static bool IsNumeric(MatClass c) => c is >= MatClass.Double and <= MatClass.UInt64;

    /// <summary>MATLAB's class name.</summary>
    public static string Name(MatClass c) => c switch
    {
        MatClass.Cell => "cell",
        MatClass.Struct => "struct",
        MatClass.Object => "object",
        MatClass.Char => "char",
        MatClass.Sparse => "sparse",
        MatClass.Double => "double",
        MatClass.Single => "single",
        MatClass.Int8 => "int8",
        MatClass.UInt8 => "uint8",
        MatClass.Int16 => "int16",
        MatClass.UInt16 => "uint16",
        MatClass.Int32 => "int32",
        MatClass.UInt32 => "uint32",
        MatClass.Int64 => "int64",
        MatClass.UInt64 => "uint64",
        _ => $"class {(int)c}",
    };

    /// <summary>Bytes per element of a numeric class (1 for logical).</summary>
    public static int ElementSize(MatClass c) => MatElementTags.Size((int)MatElementTags.ForClass(c));

    /// <summary>A zeroed array of <paramref name="count"/> elements of the class's element type.</summary>
    public static Array Allocate(MatClass c, bool logical, int count) => logical ? new bool[count] : c switch
    {
        MatClass.Double => new double[count],
        MatClass.Single => new float[count],
        MatClass.Int8 => new sbyte[count],
        MatClass.UInt8 => new byte[count],
        MatClass.Int16 => new short[count],
        MatClass.UInt16 => new ushort[count],
        MatClass.Int32 => new int[count],
        MatClass.UInt32 => new uint[count],
        MatClass.Int64 => new long[count],
        MatClass.UInt64 => new ulong[count],
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "not a numeric class"),
    };

    /// <summary>The first byte of an array's element data (any element type).</summary>
    public static ref byte DataReference(Array data) => ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(data);

    /// <summary>The element type code of an array. Pattern matching cannot tell byte[] from sbyte[] (or short[] from
    /// ushort[], ...): the runtime lets one be cast to the other, so dispatch on the exact element type instead.</summary>
    public static TypeCode ElementCode(Array data) => Type.GetTypeCode(data.GetType().GetElementType());

    public static double[] ToDoubles(Array data) => ElementCode(data) switch
    {
        TypeCode.Double => (double[])data.Clone(),
        TypeCode.Single => Widen(Unsafe.As<float[]>(data)),
        TypeCode.SByte => Widen(Unsafe.As<sbyte[]>(data)),
        TypeCode.Byte => Widen(Unsafe.As<byte[]>(data)),
        TypeCode.Int16 => Widen(Unsafe.As<short[]>(data)),
        TypeCode.UInt16 => Widen(Unsafe.As<ushort[]>(data)),
        TypeCode.Int32 => Widen(Unsafe.As<int[]>(data)),
        TypeCode.UInt32 => Widen(Unsafe.As<uint[]>(data)),
        TypeCode.Int64 => Widen(Unsafe.As<long[]>(data)),
        TypeCode.UInt64 => Widen(Unsafe.As<ulong[]>(data)),
        TypeCode.Boolean => Array.ConvertAll(Unsafe.As<bool[]>(data), b => b ? 1.0 : 0.0),
        _ => throw new ArgumentException($"unsupported element type {data.GetType().Name}", nameof(data)),
    };

    private static double[] Widen<T>(T[] source) where T : INumberBase<T>
    {
        var result = new double[source.Length];
        for (int i = 0; i < source.Length; i++) result[i] = double.CreateChecked(source[i]);
        return result;
    }
}
