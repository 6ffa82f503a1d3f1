using BreastSeg.Images;
using BreastSeg.IO;
using BreastSeg.Tests.Rf;

namespace BreastSeg.Tests.Images;

public class ImageDecoderTests
{
    private const int W = 7, H = 5;

    private static string Write(MatTestData.TempDir dir, string name, byte[] png)
    {
        string path = dir.File(name);
        File.WriteAllBytes(path, png);
        return path;
    }

    private static int[] Random(int count, int max, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rng.Next(max + 1)).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void GrayOfEveryDepthGivesItsLevelsScaledTo8Bits(int depth)
    {
        using var dir = new MatTestData.TempDir();
        int max = (1 << depth) - 1;
        var levels = Random(W * H, max, depth);
        foreach (int filter in new[] { 0, 1 })
        {
            var image = ImageDecoder.ReadGrey(Write(dir, $"g{depth}-{filter}.png", TestPng.Encode(W, H, TestPng.Gray, depth, levels, filter: filter)));
            Assert.Equal((W, H), (image.Width, image.Height));
            // PNG's rule for fewer than 8 bits: scale to the full range (v * 255 / max); 16 bits keep the high byte.
            var expected = levels.Select(v => depth == 16 ? (byte)(v >> 8) : (byte)(v * 255 / max)).ToArray();
            Assert.Equal(expected, image.Levels);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void GrayAlphaIgnoresAlpha(int depth)
    {
        using var dir = new MatTestData.TempDir();
        int max = (1 << depth) - 1;
        var samples = Random(W * H * 2, max, 3);
        var image = ImageDecoder.ReadGrey(Write(dir, "ga.png", TestPng.Encode(W, H, TestPng.GrayAlpha, depth, samples)));
        var expected = Enumerable.Range(0, W * H).Select(p => (byte)(depth == 16 ? samples[2 * p] >> 8 : samples[2 * p])).ToArray();
        Assert.Equal(expected, image.Levels);
    }

    [Theory]
    [InlineData(TestPng.Rgb, 8)]
    [InlineData(TestPng.Rgb, 16)]
    [InlineData(TestPng.Rgba, 8)]
    [InlineData(TestPng.Rgba, 16)]
    public void ColourGivesLuminanceAndEqualChannelsGiveTheFirstChannel(int colourType, int depth)
    {
        using var dir = new MatTestData.TempDir();
        int channels = TestPng.Channels(colourType), max = (1 << depth) - 1;
        var colour = Random(W * H * channels, max, 11);
        var image = ImageDecoder.ReadGrey(Write(dir, "c.png", TestPng.Encode(W, H, colourType, depth, colour)));
        for (int p = 0; p < W * H; p++)
        {
            double r = colour[channels * p] >> (depth - 8), g = colour[channels * p + 1] >> (depth - 8), b = colour[channels * p + 2] >> (depth - 8);
            double y = 0.299 * r + 0.587 * g + 0.114 * b;
            Assert.True(Math.Abs(image.Levels[p] - y) <= 0.5 + 1e-3, $"pixel {p}: {image.Levels[p]} vs luminance {y}");
        }

        var gray = Random(W * H, max, 12);
        var equal = gray.SelectMany(v => Enumerable.Repeat(v, 3).Concat(channels == 4 ? [max / 3] : [])).ToArray();
        var same = ImageDecoder.ReadGrey(Write(dir, "e.png", TestPng.Encode(W, H, colourType, depth, equal)));
        Assert.Equal(gray.Select(v => (byte)(v >> (depth - 8))).ToArray(), same.Levels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void PaletteIsLookedUp(int depth)
    {
        using var dir = new MatTestData.TempDir();
        int entries = 1 << depth;
        var rng = new Random(depth);
        var palette = new byte[entries * 3];
        for (int e = 0; e < entries; e++) palette[3 * e] = palette[3 * e + 1] = palette[3 * e + 2] = (byte)rng.Next(256);
        palette[0] = 200; // one coloured entry: luminance, not the red channel
        palette[1] = 10;
        palette[2] = 60;
        var indices = Random(W * H, entries - 1, 5);
        indices[0] = 0;
        var alpha = Enumerable.Repeat((byte)128, entries).ToArray();
        var image = ImageDecoder.ReadGrey(Write(dir, "p.png", TestPng.Encode(W, H, TestPng.Palette, depth, indices, palette, alpha)));
        for (int p = 0; p < W * H; p++)
        {
            int e = indices[p];
            double y = 0.299 * palette[3 * e] + 0.587 * palette[3 * e + 1] + 0.114 * palette[3 * e + 2];
            Assert.True(Math.Abs(image.Levels[p] - y) <= 0.5 + 1e-3, $"pixel {p}");
        }
        Assert.Equal(73, image.Levels[0]); // (19595*200 + 38470*10 + 7471*60 + 32768) >> 16 = 73 (Y = 72.51)
    }

    [Fact]
    public void MaskIsNonzeroInAnyColourChannelWhateverTheAlpha()
    {
        using var dir = new MatTestData.TempDir();
        // RGBA pixels: only blue set; only alpha set; transparent but red; all zero.
        int[] rgba = [0, 0, 9, 255, 0, 0, 0, 255, 1, 0, 0, 0, 0, 0, 0, 0];
        var (w, h, lesion) = ImageDecoder.ReadMask(Write(dir, "m.png", TestPng.Encode(4, 1, TestPng.Rgba, 8, rgba)));
        Assert.Equal((4, 1), (w, h));
        Assert.Equal([true, false, true, false], lesion);

        var bits = Random(W * H, 1, 2);
        var (_, _, oneBit) = ImageDecoder.ReadMask(Write(dir, "b.png", TestPng.Encode(W, H, TestPng.Gray, 1, bits)));
        Assert.Equal(bits.Select(b => b == 1).ToArray(), oneBit);
    }

    [Fact]
    public void HeaderIsReadWithoutDecoding()
    {
        using var dir = new MatTestData.TempDir();
        var header = ImageDecoder.ReadHeader(Write(dir, "h.png", TestPng.Encode(W, H, TestPng.GrayAlpha, 16, new int[W * H * 2])));
        Assert.Equal(new ImageHeader(W, H, 2, 16, "png"), header);
    }

    [Fact]
    public void ImageFarOverTheMemoryCapIsRefusedFromItsHeader()
    {
        using var dir = new MatTestData.TempDir();
        // 200000 x 200000 pixels would take 320 GB as doubles: over any cap. The file is a few KB.
        string path = Write(dir, "huge.png", TestPng.HugeHeader(200_000, 200_000, 50));
        var e = Assert.Throws<BreastSegInputException>(() => ImageDecoder.ReadGrey(path));
        Assert.Equal(path, e.Origin);
        Assert.Contains("memory cap", e.Message);
        Assert.Contains("200000 x 200000", e.Message);
    }

    [SkippableFact]
    public void FortyThousandSquarePngOfAFewHundredKilobytesIsRefused()
    {
        long bytes = 40_000L * 40_000 * sizeof(double);
        Skip.If(bytes <= MemoryCap.Bytes, $"the memory cap here ({MemoryCap.Format(MemoryCap.Bytes)}) admits {MemoryCap.Format(bytes)}");
        using var dir = new MatTestData.TempDir();
        string path = Write(dir, "40k.png", TestPng.HugeHeader(40_000, 40_000, 2_500)); // 100 MB of rows deflated
        Assert.InRange(new FileInfo(path).Length, 1_000, 1_000_000);
        var e = Assert.Throws<BreastSegInputException>(() => ImageDecoder.ReadMask(path));
        Assert.Contains("memory cap", e.Message);
    }

    [Fact]
    public void BrokenFilesGiveOneLineNamingTheFile()
    {
        using var dir = new MatTestData.TempDir();
        var good = TestPng.Encode(W, H, TestPng.Gray, 8, new int[W * H]);
        foreach (var (name, bytes) in new[]
        {
            ("text.png", "not an image"u8.ToArray()),
            ("header-only.png", good[..33]),
            ("truncated.png", good[..20]),
            ("empty.png", Array.Empty<byte>()),
        })
        {
            string path = Write(dir, name, bytes);
            var e = Assert.Throws<BreastSegInputException>(() => ImageDecoder.ReadGrey(path));
            Assert.Equal(path, e.Origin);
            Assert.DoesNotContain('\n', e.Message);
        }
        var missing = Assert.Throws<BreastSegInputException>(() => ImageDecoder.ReadGrey(dir.File("absent.png")));
        Assert.Contains("absent.png", missing.Message);
    }
}
