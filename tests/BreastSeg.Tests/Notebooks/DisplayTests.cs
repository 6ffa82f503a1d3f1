using System.Buffers.Binary;
using System.IO.Compression;
using BreastSeg.Notebooks.Display;
using BreastSeg.Rf;
using BreastSeg.Torch;
using static TorchSharp.torch;

namespace BreastSeg.Tests.Notebooks;

public class DisplayTests
{
    [Fact]
    public void PngCrcMatchesTheCrc32CheckValue() =>
        // The CRC-32 (ISO-HDLC) check value: CRC of the ASCII bytes "123456789" is 0xCBF43926.
        Assert.Equal(0xCBF43926u, Png.Crc(0xFFFFFFFFu, "123456789"u8) ^ 0xFFFFFFFFu);

    [Fact]
    public void PngHoldsTheExactPixelsAndValidChunkCrcs()
    {
        var rng = new Random(7);
        int w = 13, h = 5;
        var rgb = new byte[w * h * 3];
        rng.NextBytes(rgb);
        byte[] png = Png.Encode(w, h, rgb);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var idat = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(crc, Png.Crc(0xFFFFFFFFu, png.AsSpan(at + 4, 4 + length)) ^ 0xFFFFFFFFu);
            if (type == "IHDR")
            {
                Assert.Equal(w, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8)));
                Assert.Equal(h, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12)));
            }
            if (type == "IDAT") idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        idat.Position = 0;
        var raw = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
        byte[] scanlines = raw.ToArray();
        Assert.Equal(h * (1 + 3 * w), scanlines.Length);
        for (int y = 0; y < h; y++)
        {
            Assert.Equal(0, scanlines[y * (1 + 3 * w)]); // filter type none
            Assert.Equal(rgb.AsSpan(y * 3 * w, 3 * w).ToArray(), scanlines.AsSpan(y * (1 + 3 * w) + 1, 3 * w).ToArray());
        }
    }

    [Fact]
    public void MapImageIsTrueToScaleAndOutlinesTheMask()
    {
        // 400 samples x 100 lines at OASBUD spacing: 7.7 mm deep, 38 mm wide, so the image is about 5 times wider than tall.
        var frame = new RfFrame(400, 100, new double[400 * 100]);
        var maskData = new bool[400 * 100];
        for (int j = 40; j < 60; j++) for (int i = 100; i < 300; i++) maskData[j * 400 + i] = true;
        var image = MapImage.Of(frame, frame.Data, "flat") with { Mask = new LesionMask(400, 100, maskData), Min = 0, Max = 1 };
        byte[] png = image.ToPng();
        int w = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), h = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal(frame.LinePitchMm * 100 / (frame.AxialSpacingMm * 400), (double)w / h, 1);
        string html = image.ToHtml();
        Assert.Contains("depth (mm)", html);
        Assert.Contains(">7<", html); // the last depth tick inside 0..7.7 mm
    }

    [Fact]
    public void TicksAreRoundAndCoverTheRange()
    {
        Assert.Equal([-15.0, -10, -5, 0, 5, 10, 15], MapImage.Ticks(-19, 19));
        Assert.Equal([0.0, 0.5, 1, 1.5, 2], MapImage.Ticks(0, 2.2).Select(t => Math.Round(t, 9)));
        Assert.Empty(MapImage.Ticks(1, 1));
    }

    [Fact]
    public void TensorSummaryMatchesNaiveStatistics()
    {
        TorchRuntime.EnsureLoaded();
        var rng = new Random(3);
        var values = Enumerable.Range(0, 24).Select(_ => rng.NextDouble() * 10 - 3).ToArray();
        using var t = tensor(values.Select(v => (float)v).ToArray(), [2, 3, 4]);
        string s = TensorSummary.Describe(t);
        var f = values.Select(v => (double)(float)v).ToArray();
        Assert.Equal(FormattableString.Invariant($"tensor [2, 3, 4] Float32 cpu, min {f.Min():G4} max {f.Max():G4} mean {f.Average():G4}"), s);
        using var empty = zeros(0, 3);
        Assert.EndsWith("empty", TensorSummary.Describe(empty));
        // The late-bound reading (tensors of another TorchSharp copy in the kernel) gives the same line.
        Assert.Equal(s, TensorSummary.DescribeForeign(t));
        Assert.Equal(TensorSummary.Describe(empty), TensorSummary.DescribeForeign(empty));
        using var grad = ones(2).requires_grad_();
        Assert.Equal(TensorSummary.Describe(grad), TensorSummary.DescribeForeign(grad));
    }
}
