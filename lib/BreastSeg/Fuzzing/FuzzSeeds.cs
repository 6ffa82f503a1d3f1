using System.Buffers.Binary;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;
using BreastSeg.Rf.Ultrasonix;
using PureHDF;

namespace BreastSeg.Fuzzing;

/// <summary>
/// Small valid files of every <see cref="FuzzFormat"/>, written by the kit's own writers (MAT Level-5, PureHDF for
/// v7.3, the notebooks' PNG encoder) or built here byte by byte (an Ultrasonix header and frames), deterministic for a seed,
/// and for v7.3 also a sparse file in MATLAB's own HDF5 layout written by libhdf5 (<see cref="FuzzSparseV73Seed"/>). Each
/// format has a few seeds (an OASBUD-layout file and one of mixed variables for MAT) so mutations reach structs, cells,
/// chars, logical and complex data as well as plain arrays.
/// </summary>
public static class FuzzSeeds
{
    /// <summary>The seed files of <paramref name="format"/>, as bytes, written through <paramref name="scratch"/>.</summary>
    public static List<byte[]> Make(FuzzFormat format, string scratch, int seed)
    {
        Directory.CreateDirectory(scratch);
        var rng = new Random(seed);
        string path = Path.Combine(scratch, $"seed-{FuzzFormats.Name(format)}");
        return format switch
        {
            FuzzFormat.Mat5 or FuzzFormat.Mat7 => [FixedHeader(Oasbud(path, rng, format == FuzzFormat.Mat7)), FixedHeader(Mixed(path, rng, format == FuzzFormat.Mat7))],
            FuzzFormat.Mat73 => [V73(path, rng), FuzzSparseV73Seed.Bytes()],
            FuzzFormat.Rf => [Ultrasonix(rng, frames: 2, lines: 6, samples: 16)],
            FuzzFormat.Png => [GreyPng(12, 9, (x, y) => (byte)rng.Next(256)), GreyPng(12, 9, (x, y) => (byte)(Math.Abs(x - 6) + Math.Abs(y - 4) < 4 ? 255 : 0))],
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static byte[] Oasbud(string path, Random rng, bool compress)
    {
        var cases = Enumerable.Range(0, 2).Select(i => Case(i, 24 + i, 6 + i, rng)).ToList();
        OasbudFile.Write(path, cases, ClassCoding.OneIsMalignant, extraFields: null, compress);
        return File.ReadAllBytes(path);
    }

    private static RfCase Case(int index, int samples, int lines, Random rng)
    {
        var views = new List<RfView>();
        for (int v = 0; v < 2; v++)
        {
            var rf = new double[samples * lines];
            for (int i = 0; i < rf.Length; i++) rf[i] = Math.Round((rng.NextDouble() - 0.5) * 4000);
            var mask = new bool[samples * lines];
            for (int i = 0; i < mask.Length; i++) mask[i] = i % samples > samples / 3 && i % samples < 2 * samples / 3;
            views.Add(new RfView(new RfFrame(samples, lines, rf), new LesionMask(samples, lines, mask)));
        }
        return new RfCase(index, $"c{index}", views, index % 2 == 0 ? "4a" : "5", index % 2, index % 2 == 1);
    }

    private static byte[] Mixed(string path, Random rng, bool compress)
    {
        var real = new double[12];
        var imaginary = new double[12];
        for (int i = 0; i < 12; i++) { real[i] = rng.NextDouble(); imaginary[i] = -rng.NextDouble(); }
        var ints = new int[10];
        for (int i = 0; i < ints.Length; i++) ints[i] = rng.Next(-1000, 1000);
        MatFile.Write(path,
        [
            new("z", new MatNumeric([3, 4], real, imaginary)),
            new("text", new MatChar("hello")),
            new("cells", new MatCell([new MatChar("a"), new MatNumeric([2, 5], ints), new MatStruct(["q"], [new Dictionary<string, MatValue> { ["q"] = MatNumeric.Scalar(1) }])])),
            new("mask", new MatNumeric([4, 4], Enumerable.Range(0, 16).Select(i => i % 3 == 0).ToArray())),
            new("u16", new MatNumeric([1, 6], new ushort[] { 0, 1, 2, 60000, 7, 9 })),
        ], compress);
        return File.ReadAllBytes(path);
    }

    private static byte[] V73(string path, Random rng)
    {
        var rf = new short[8 * 5];
        for (int i = 0; i < rf.Length; i++) rf[i] = (short)rng.Next(-3000, 3000);
        var d = new double[6];
        for (int i = 0; i < d.Length; i++) d[i] = rng.NextDouble();
        new H5File
        {
            ["rf"] = Matlab(rf, "int16", 8, 5),
            ["d"] = Matlab(d, "double", 3, 2),
            ["mask"] = Matlab(new byte[] { 1, 0, 0, 1 }, "logical", 2, 2),
            ["birads"] = Matlab("4a".Select(c => (ushort)c).ToArray(), "char", 1, 2),
        }.Write(path, new H5WriteOptions(UserBlockSize: 512));
        var bytes = File.ReadAllBytes(path);
        // MATLAB's MAT header in the user block: text, version 0x0200, endian indicator 'IM'.
        var header = bytes.AsSpan(0, 128);
        header[116..124].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(header[124..], 0x0200);
        header[126] = (byte)'I';
        header[127] = (byte)'M';
        return FixedHeader(bytes, "7.3");
    }

    /// <summary>The MAT header's text (which holds the writing time) replaced by a fixed one, so a seed is the same
    /// bytes on every run.</summary>
    private static byte[] FixedHeader(byte[] bytes, string version = "5.0")
    {
        var text = bytes.AsSpan(0, 116);
        text.Fill((byte)' ');
        System.Text.Encoding.ASCII.GetBytes($"MATLAB {version} MAT-file, written by the BreastSeg fuzz seeds").CopyTo(text);
        return bytes;
    }

    /// <summary>A MATLAB rows x cols array as an HDF5 dataset (dimensions reversed) with its MATLAB_class.</summary>
    private static H5Dataset Matlab<T>(T[] data, string matlabClass, int rows, int cols) =>
        new(data, fileDims: [(ulong)cols, (ulong)rows]) { Attributes = new() { ["MATLAB_class"] = matlabClass } };

    /// <summary>An Ultrasonix .rf file: the 19-int32 header, then frames of 16-bit samples, line by line.</summary>
    private static byte[] Ultrasonix(Random rng, int frames, int lines, int samples)
    {
        int[] header = [UltrasonixHeader.RfType, frames, lines, samples, 16, 0, 0, lines, 0, lines, samples, 0, samples, 2, 10_000_000, 40_000_000, 19, 256, 0];
        var bytes = new byte[UltrasonixHeader.Bytes + frames * lines * samples * 2];
        for (int k = 0; k < header.Length; k++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * k), header[k]);
        for (int at = UltrasonixHeader.Bytes; at < bytes.Length; at += 2) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(at), (short)rng.Next(-2000, 2000));
        return bytes;
    }

    /// <summary>An 8-bit RGB PNG (the notebooks' encoder) of grey levels.</summary>
    private static byte[] GreyPng(int width, int height, Func<int, int, byte> level)
    {
        var rgb = new byte[3 * width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                rgb.AsSpan(3 * (y * width + x), 3).Fill(level(x, y));
        return Notebooks.Display.Png.Encode(width, height, rgb);
    }
}
