using System.Buffers.Binary;
using System.IO.Compression;
using BreastSeg.Figures;
using Plotly.NET;

namespace BreastSeg.Tests.Figures;

internal static class TestCharts
{
    /// <summary>A 400 x 300 line chart.</summary>
    public static GenericChart Small(string title) => PlotlyBuilder.Chart(
        [PlotlyBuilder.Trace("scatter", ("x", new[] { 1, 2, 3 }), ("y", new[] { 0.2, 0.5, 0.4 }))],
        ("title", PlotlyBuilder.Title(title)), ("width", 400), ("height", 300));

    // Checks the signature and IHDR, then inflates the image data and checks it holds every scanline.
    public static (int Width, int Height) DecodePng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pos = 8, width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);   // bit depth
                channels = data[9] switch { 2 => 3, 6 => 4, 0 => 1, 4 => 2, _ => throw new InvalidDataException($"colour type {data[9]}") };
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        Assert.Equal((long)height * (1 + width * channels), inflated.Length);
        return (width, height);
    }
}
