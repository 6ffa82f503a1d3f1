using BreastSeg.IO;
using StbImageSharp;

namespace BreastSeg.Images;

/// <summary>
/// Reads B-mode images and lesion masks from PNG (any colour type and bit depth), JPEG or BMP files with StbImageSharp
/// (a managed port of stb_image: no native library, no colour management, no alpha premultiplication, so stored values
/// come back as stored; 16-bit samples are reduced to their high byte, 1/2/4-bit gray scaled to 0..255, palettes
/// expanded). The header is read and the memory cap checked before any pixel is decoded.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Bytes per pixel the kit takes at most from a decoded image: one double per pixel for its maps.</summary>
    private const int KitBytesPerPixel = sizeof(double);

    /// <summary>The header of <paramref name="path"/> (reads the file, decodes nothing).</summary>
    public static ImageHeader ReadHeader(string path) => ImageHeader.Read(path, ReadFile(path));

    /// <summary>The grey levels of <paramref name="path"/>: luminance of colour images, the value of gray images.</summary>
    public static GreyImage ReadGrey(string path)
    {
        var (header, rgba) = DecodeRgba(path);
        return GreyImage.FromRgba(header.Width, header.Height, rgba);
    }

    /// <summary>
    /// The mask of <paramref name="path"/>, row-major: true where any colour channel (R, G or B; alpha is ignored) is
    /// nonzero.
    /// </summary>
    public static (int Width, int Height, bool[] Lesion) ReadMask(string path)
    {
        var (header, rgba) = DecodeRgba(path);
        var lesion = new bool[header.Pixels];
        for (long p = 0; p < lesion.Length; p++)
            lesion[p] = (rgba[4 * p] | rgba[4 * p + 1] | rgba[4 * p + 2]) != 0;
        return (header.Width, header.Height, lesion);
    }

    /// <summary>Decodes <paramref name="path"/> to 8-bit RGBA (row-major, 4 bytes per pixel) after checking its header
    /// against <see cref="MemoryCap"/>.</summary>
    public static (ImageHeader Header, byte[] Rgba) DecodeRgba(string path)
    {
        byte[] bytes = ReadFile(path);
        var header = ImageHeader.Read(path, bytes);
        // The largest per-image array: the stored samples (up to 8 bytes for 16-bit RGBA), the 4-byte RGBA buffer, or
        // the kit's double per pixel.
        int bytesPerPixel = Math.Max(KitBytesPerPixel, header.Channels * ((header.BitDepth + 7) / 8));
        MemoryCap.Check(path, $"image ({header.Width} x {header.Height} pixels, {header.Channels} channel{(header.Channels == 1 ? "" : "s")} of {header.BitDepth} bits)",
            MemoryCap.Product(header.Pixels, bytesPerPixel));
        ImageResult result;
        try { result = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlueAlpha); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new BreastSegInputException(path, $"cannot decode the {header.Format.ToUpperInvariant()} image ({e.Message})", e);
        }
        if (result.Width != header.Width || result.Height != header.Height || result.Data.Length != header.Pixels * 4)
            throw new BreastSegInputException(path, $"decoded {result.Width} x {result.Height} pixels, header says {header.Width} x {header.Height}");
        return (header, result.Data);
    }

    private static byte[] ReadFile(string path)
    {
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BreastSegInputException(path, $"cannot read the file ({e.Message})", e);
        }
    }
}
