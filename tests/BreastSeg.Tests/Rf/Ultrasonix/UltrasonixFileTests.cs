using System.Buffers.Binary;
using System.Text.Json;
using BreastSeg.Cli;
using BreastSeg.IO;
using BreastSeg.Rf.Ultrasonix;

namespace BreastSeg.Tests.Rf.Ultrasonix;

/// <summary>The Ultrasonix reader on small synthetic files: header, both frame layouts, every kind of bad file.</summary>
public sealed class UltrasonixFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-ultrasonix-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>Header fields in file order, then the frames (each optionally after its 4-byte frame number).</summary>
    internal static byte[] FileBytes(int type, int frames, int w, int h, int bits, bool tags, Func<int, int, int, long> value,
        int probe = 2, int fs = 40_000_000, int? dataFrames = null)
    {
        int[] header = [type, frames, w, h, bits, 1, 2, 3, 4, 5, 6, 7, 8, probe, 10_000_000, fs, 19, 256, 0];
        using var s = new MemoryStream();
        Span<byte> b = stackalloc byte[4];
        foreach (int v in header) { BinaryPrimitives.WriteInt32LittleEndian(b, v); s.Write(b); }
        for (int f = 0; f < (dataFrames ?? frames); f++)
        {
            if (tags) { BinaryPrimitives.WriteInt32LittleEndian(b, f + 100); s.Write(b); }
            // RF: w lines of h samples; images: h rows of w pixels. value(frame, outer, inner).
            int outer = type == 16 ? w : h, inner = type == 16 ? h : w;
            for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                long v = value(f, o, i);
                if (bits == 16) { BinaryPrimitives.WriteInt16LittleEndian(b, (short)v); s.Write(b[..2]); }
                else if (bits == 8) s.WriteByte((byte)v);
                else { s.WriteByte((byte)v); s.WriteByte((byte)v); s.WriteByte((byte)v); s.WriteByte(0); }
            }
        }
        return s.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static long RfValue(int f, int line, int sample) => (f * 7 + line * 131 + sample * 17) % 2001 - 1000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RfFramesReadInBothLayouts(bool tags)
    {
        string path = Write("x.rf", FileBytes(16, 3, 5, 7, 16, tags, RfValue));
        var file = UltrasonixFile.Open(path);
        Assert.Equal(tags, file.HasFrameTags);
        Assert.Equal((3, 5, 7, 16, 2, 10_000_000, 40_000_000, 256), (file.Frames, file.Header.Width, file.Header.Height, file.Header.SampleBits,
            file.Header.Probe, file.Header.TransmitFrequencyHz, file.Header.SamplingFrequencyHz, file.Header.LineDensity));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], file.Header.RegionOfInterest);
        for (int f = 0; f < 3; f++)
        {
            var frame = file.ReadRfFrame(f);
            Assert.Equal((7, 5), (frame.Samples, frame.Lines));
            for (int j = 0; j < 5; j++)
            for (int i = 0; i < 7; i++) Assert.Equal(RfValue(f, j, i), frame[i, j]);
            Assert.Equal(1540 / 80e6 * 1e3, frame.AxialSpacingMm, 12);
            Assert.Equal(38.0 / 5, frame.LinePitchMm, 12);
            var summary = file.Summarize(f);
            Assert.Equal(frame.Data.Sum(), summary.Sum);
            Assert.Equal(frame.Data.Min(), summary.Min);
            Assert.Equal(frame.Data.Max(), summary.Max);
            Assert.Equal(tags ? f + 100 : null, summary.Tag);
        }
        Assert.Equal(12.5 / 5, file.ReadRfFrame(0, apertureMm: 12.5).LinePitchMm, 12);
    }

    [Fact]
    public void SaturatedSamplesAreCounted()
    {
        string path = Write("s.rf", FileBytes(16, 2, 4, 6, 16, false, (f, j, i) => f == 1 && j == 2 ? (i % 2 == 0 ? 32767 : -32768) : i - 3));
        var s = UltrasonixFile.Open(path).SummarizeFrames().ToList();
        Assert.Equal(0, s[0].Saturated);
        Assert.Equal(6, s[1].Saturated);
        Assert.Equal((-32768.0, 32767.0), (s[1].Min, s[1].Max));
    }

    [Theory]
    [InlineData(4, 8, false)]
    [InlineData(8, 32, true)]
    public void BModeImagesAreTransposedToDepthByLateral(int type, int bits, bool tags)
    {
        // Stored h rows of w pixels, row after row; read as rows (depth) x columns, column-major.
        string path = Write(type == 4 ? "x.b8" : "x.b32", FileBytes(type, 2, 6, 4, bits, tags, (f, row, col) => 10 * row + col + f));
        var file = UltrasonixFile.Open(path);
        var image = file.ReadImage(1);
        Assert.Equal((4, 6), (image.Rows, image.Columns));
        for (int r = 0; r < 4; r++)
        for (int c = 0; c < 6; c++) Assert.Equal(10 * r + c + 1, image.Pixels[c * 4 + r], 9);
        Assert.Null(file.Summarize(0).Saturated);
        // ROI x from 1 to 5 (ulx = 1, urx = 3, brx = 5): 4 pixels over 38 mm.
        Assert.Equal(38.0 / 4, image.PixelMm, 12);
        var roi = image.RegionOfInterestImage();
        Assert.Equal((image.Bounds().Y1 - image.Bounds().Y0 + 1, image.Bounds().X1 - image.Bounds().X0 + 1), (roi.Rows, roi.Columns));
    }

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var good = FileBytes(16, 2, 4, 6, 16, false, RfValue);
        var data = new TheoryData<string, byte[], string>
        {
            { "short.rf", good[..40], "shorter than the 76-byte" },
            { "header.rf", good[..76], "header only" },
            { "truncated.rf", good[..^3], "truncated" },
            { "long.rf", [.. good, 1, 2, 3], "does not match the header" },
            { "mismatch.rf", FileBytes(16, 3, 4, 6, 16, false, RfValue, dataFrames: 2), "truncated" },
            { "negative.rf", FileBytes(16, 2, -4, 6, 16, false, RfValue, dataFrames: 0), "at least 1" },
            { "zero-frames.rf", FileBytes(16, 0, 4, 6, 16, false, RfValue), "at least 1" },
            { "absurd.rf", FileBytes(16, int.MaxValue, 1 << 16, 1 << 16, 16, false, RfValue, dataFrames: 0), "header only" },
            { "huge.rf", FileBytes(16, 2, 1 << 20, 6, 16, false, RfValue, dataFrames: 0), "not plausible" },
            { "bits.rf", FileBytes(16, 2, 4, 6, 8, false, RfValue, dataFrames: 0), "16" },
            { "type.rf", FileBytes(128, 2, 4, 6, 16, false, RfValue), "not supported" },
            { "fs.rf", FileBytes(16, 2, 4, 6, 16, false, RfValue, fs: 0), "sampling frequency" },
            { "probe.rf", FileBytes(16, 2, 4, 6, 16, false, RfValue, probe: 9), "aperture" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFilesGiveOneLineNamingTheFileAndExitCode2(string name, byte[] bytes, string problem)
    {
        string path = Write(name, bytes);
        var e = Assert.Throws<BreastSegInputException>(() => UltrasonixFile.Open(path).ReadRfFrame(0));
        Assert.Contains(path, e.Message);
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        foreach (var args in new[] { new[] { "maps", path, "--out", Path.Combine(_dir, name + ".mat") } }
                     .Concat(name is "fs.rf" or "probe.rf" ? [] : new[] { new[] { "inspect", path, "--json" } }))
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(CliApp.BadInput, CliApp.Run(args, stdout, stderr));
            string err = stderr.ToString().Trim();
            Assert.DoesNotContain('\n', err);
            Assert.Contains(problem, err);
            Assert.False(File.Exists(Path.Combine(_dir, name + ".mat")), "nothing written on bad input");
        }
    }

    [Fact]
    public void HeaderSizesAreNotAllocatedBeforeTheSizeCheck()
    {
        // A file of a few bytes whose header declares 65536 x 65536 x 32767 frames must fail on its size alone.
        long before = GC.GetAllocatedBytesForCurrentThread();
        string path = Write("big.rf", FileBytes(16, 32767, 1 << 16, 1 << 16, 16, false, RfValue, dataFrames: 0));
        Assert.Throws<BreastSegInputException>(() => UltrasonixFile.Open(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "no large allocation");
    }

    [Fact]
    public void FrameIndexOutOfRangeIsBadInput()
    {
        string path = Write("x.rf", FileBytes(16, 2, 4, 6, 16, false, RfValue));
        var stderr = new StringWriter();
        Assert.Equal(CliApp.BadInput, CliApp.Run(["maps", path, "--frame", "2", "--out", Path.Combine(_dir, "o.mat")], new StringWriter(), stderr));
        Assert.Contains("frame 2 does not exist", stderr.ToString());
    }

    [Fact]
    public void InspectJsonHasTheHeaderAndOneSummaryPerFrame()
    {
        string path = Write("x.rf", FileBytes(16, 3, 4, 6, 16, true, RfValue));
        var stdout = new StringWriter();
        Assert.Equal(0, CliApp.Run(["inspect", path, "--json"], stdout, new StringWriter()));
        var root = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal("ultrasonix", root.GetProperty("format").GetString());
        Assert.Equal((16, 3, 4, 6, 16, 2), (root.GetProperty("type").GetInt32(), root.GetProperty("frames").GetInt32(), root.GetProperty("lines").GetInt32(),
            root.GetProperty("samples").GetInt32(), root.GetProperty("sampleBits").GetInt32(), root.GetProperty("probe").GetInt32()));
        Assert.Equal(10e6, root.GetProperty("transmitFrequencyHz").GetDouble());
        Assert.Equal(40e6, root.GetProperty("samplingFrequencyHz").GetDouble());
        Assert.Equal(256, root.GetProperty("lineDensity").GetInt32());
        var frames = root.GetProperty("frameSummaries").EnumerateArray().ToList();
        Assert.Equal(3, frames.Count);
        var file = UltrasonixFile.Open(path);
        for (int f = 0; f < 3; f++)
        {
            var d = file.ReadRfFrame(f).Data;
            Assert.Equal(f, frames[f].GetProperty("index").GetInt32());
            Assert.Equal(d.Sum(), frames[f].GetProperty("sum").GetDouble());
            Assert.Equal(d.Min(), frames[f].GetProperty("min").GetDouble());
            Assert.Equal(d.Max(), frames[f].GetProperty("max").GetDouble());
            Assert.Equal(0, frames[f].GetProperty("saturated").GetInt32());
        }
    }
}
