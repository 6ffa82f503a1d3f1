namespace BreastSeg.Rf.Mat;

/// <summary>Data types of MAT Level-5 data elements (miINT8 ... miUTF32), as numbered in the MAT-file format.</summary>
internal enum MiType
{
    Int8 = 1,
    UInt8 = 2,
    Int16 = 3,
    UInt16 = 4,
    Int32 = 5,
    UInt32 = 6,
    Single = 7,
    Double = 9,
    Int64 = 12,
    UInt64 = 13,
    Matrix = 14,
    Compressed = 15,
    Utf8 = 16,
    Utf16 = 17,
    Utf32 = 18,
}

/// <summary>Array flags and sizes of the MAT Level-5 format.</summary>
internal static class MatElementTags
{
    public const int HeaderBytes = 128;
    public const int TagBytes = 8;
    public const uint ComplexFlag = 0x0800;
    public const uint GlobalFlag = 0x0400;
    public const uint LogicalFlag = 0x0200;
    public const ushort Level5Version = 0x0100;
    public const ushort Hdf5Version = 0x0200;

    /// <summary>Bytes per value of a numeric data type, 0 for the others.</summary>
    public static int Size(int miType) => (MiType)miType switch
    {
        MiType.Int8 or MiType.UInt8 or MiType.Utf8 => 1,
        MiType.Int16 or MiType.UInt16 or MiType.Utf16 => 2,
        MiType.Int32 or MiType.UInt32 or MiType.Single or MiType.Utf32 => 4,
        MiType.Double or MiType.Int64 or MiType.UInt64 => 8,
        _ => 0,
    };

    /// <summary>Whether a data element of this type can hold numeric array data.</summary>
    public static bool IsNumeric(int miType) => miType is >= 1 and <= 7 or 9 or 12 or 13;

    /// <summary>The name MATLAB's documentation uses ("miINT16"), for error messages.</summary>
    public static string Name(int miType) => Enum.IsDefined((MiType)miType) ? "mi" + ((MiType)miType).ToString().ToUpperInvariant() : $"data type {miType}";

    /// <summary>Bytes of padding after a data element of <paramref name="bytes"/> bytes (elements end on 8-byte boundaries).</summary>
    public static int Padding(long bytes) => (int)((8 - bytes % 8) % 8);

    /// <summary>The data type the writer uses for a numeric class.</summary>
    public static MiType ForClass(MatClass matClass) => matClass switch
    {
        MatClass.Double => MiType.Double,
        MatClass.Single => MiType.Single,
        MatClass.Int8 => MiType.Int8,
        MatClass.UInt8 => MiType.UInt8,
        MatClass.Int16 => MiType.Int16,
        MatClass.UInt16 => MiType.UInt16,
        MatClass.Int32 => MiType.Int32,
        MatClass.UInt32 => MiType.UInt32,
        MatClass.Int64 => MiType.Int64,
        MatClass.UInt64 => MiType.UInt64,
        _ => throw new ArgumentOutOfRangeException(nameof(matClass), matClass, "not a numeric class"),
    };
}
