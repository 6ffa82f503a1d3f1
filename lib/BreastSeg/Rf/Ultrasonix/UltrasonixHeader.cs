using System.Buffers.Binary;

namespace BreastSeg.Rf.Ultrasonix;

/// <summary>
/// The 19 little-endian int32 values that open an Ultrasonix research file (.rf, .b8, .b32, ...), in file order.
/// </summary>
/// <param name="Type">Data type: 2 .bpr, 4 .b8, 8 .b32, 16 .rf (RF), 32 M-mode, 64 .m, 128 Doppler RF, 256 PW, 512 colour RF.</param>
/// <param name="Frames">Frames in the file.</param>
/// <param name="Width">w: scan lines (RF) or pixels per row (B-mode images).</param>
/// <param name="Height">h: samples per line (RF) or rows (B-mode images).</param>
/// <param name="SampleBits">Bits per sample or pixel.</param>
/// <param name="RegionOfInterest">Corners of the region of interest: ulx, uly, urx, ury, brx, bry, blx, bly (pixels).</param>
/// <param name="Probe">Probe id (2 = L14-5/38).</param>
/// <param name="TransmitFrequencyHz">Transmit frequency (Hz).</param>
/// <param name="SamplingFrequencyHz">Sampling frequency (Hz); 0 in the B-mode files.</param>
/// <param name="DataRate">Frame rate field.</param>
/// <param name="LineDensity">Line density field.</param>
/// <param name="Extra">Extra field.</param>
public sealed record UltrasonixHeader(int Type, int Frames, int Width, int Height, int SampleBits, int[] RegionOfInterest,
    int Probe, int TransmitFrequencyHz, int SamplingFrequencyHz, int DataRate, int LineDensity, int Extra)
{
    /// <summary>Header size (bytes): 19 int32.</summary>
    public const int Bytes = 19 * 4;

    /// <summary>Type code of RF files (.rf).</summary>
    public const int RfType = 16;

    /// <summary>Type code of 8-bit scan-converted B-mode (.b8).</summary>
    public const int B8Type = 4;

    /// <summary>Type code of 32-bit scan-converted B-mode (.b32).</summary>
    public const int B32Type = 8;

    /// <summary>Parses the header from its 76 bytes.</summary>
    public static UltrasonixHeader Parse(ReadOnlySpan<byte> bytes)
    {
        var v = new int[19];
        for (int k = 0; k < 19; k++) v[k] = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(4 * k, 4));
        int At(int k) => v[k];
        return new UltrasonixHeader(At(0), At(1), At(2), At(3), At(4), Enumerable.Range(5, 8).Select(At).ToArray(),
            At(13), At(14), At(15), At(16), At(17), At(18));
    }

    /// <summary>A name for the type code ("rf", "b8", "b32", or the code).</summary>
    public string TypeName => Type switch
    {
        RfType => "rf", B8Type => "b8", B32Type => "b32", 2 => "bpr", 32 => "m-mode", 64 => "m", 128 => "doppler rf", 256 => "pw", 512 => "colour rf",
        _ => $"type {Type}",
    };
}
