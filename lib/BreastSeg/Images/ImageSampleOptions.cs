using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Samples;

namespace BreastSeg.Images;

/// <summary>
/// How an image folder becomes network samples. An image folder offers two maps: <see cref="MapKind.BMode"/>, the
/// image's grey levels / 255, and <see cref="MapKind.Entropy"/>, which for images is the <b>grey-level entropy</b>: the
/// kit's Shannon entropy map (bits) of the 8-bit grey image in a sliding window of pixels. It is not RF entropy (the
/// envelope of the echoes is gone after log compression, scan conversion and the scanner's post-processing), and every
/// report labels it "grey-level entropy".
/// </summary>
/// <param name="Maps">Channels, stacked in this order (B-mode, grey-level entropy or both).</param>
/// <param name="Size">Network grid size (pixels per side, a multiple of 16); images are area-resampled to it.</param>
/// <param name="EntropyWindow">Entropy window (image pixels, rows x columns).</param>
/// <param name="Bins">Entropy histogram bins.</param>
/// <param name="Normalization">What the entropy bins span.</param>
/// <param name="Stride">Entropy evaluation stride (1 = every pixel), as for RF maps.</param>
public sealed record ImageSampleOptions(
    IReadOnlyList<MapKind> Maps, int Size = ImageSampleOptions.DefaultSize, WindowSize EntropyWindow = default, int Bins = EntropyMap.DefaultBins,
    EntropyNormalization Normalization = EntropyNormalization.Window, int Stride = 1)
{
    /// <summary>Default network grid: 128 pixels per side.</summary>
    public const int DefaultSize = 128;

    /// <summary>
    /// The image options that the kit's map options stand for: bins, normalisation and stride as given; the window as
    /// given in pixels (<c>--window 15x15</c>). The RF default window (<see cref="MapOptions.Window"/>) becomes
    /// <see cref="DefaultEntropyWindow"/>; any other window in pulse lengths or mm is refused, because an image has
    /// neither (BUSI gives no pixel spacing).
    /// </summary>
    public static ImageSampleOptions From(IReadOnlyList<MapKind> maps, MapOptions options, int size)
    {
        var window = options.Window switch
        {
            MapWindow.InPixels p => new WindowSize(p.Samples, p.Lines),
            var rfDefault when rfDefault == new MapOptions().Window => DefaultEntropyWindow,
            var other => throw new BreastSegInputException("--window", $"'{other}' needs a pulse length or mm, which an image folder does not have: give the grey-level entropy window in pixels (rows x columns, for example {DefaultEntropyWindow})"),
        };
        return new ImageSampleOptions(maps, size, window, options.Bins, options.Normalization, options.Stride);
    }

    /// <summary>Default grey-level entropy window: 15 x 15 image pixels. Not from the study (whose windows are in
    /// pulse lengths of RF, which an image does not have): about 1.2 mm at BUSI's typical 0.08 mm per pixel
    /// (500-pixel images of a 4 cm field), a few speckle grains of the B-mode image; 225 pixels fill 32 bins well.</summary>
    public static readonly WindowSize DefaultEntropyWindow = new(15, 15);

    /// <summary>The entropy window in use (<see cref="DefaultEntropyWindow"/> where none was given).</summary>
    public WindowSize Window => EntropyWindow == default ? DefaultEntropyWindow : EntropyWindow;

    /// <summary>How the maps are named in reports ("B-mode", "grey-level entropy", joined by " + ").</summary>
    public static string Label(IEnumerable<MapKind> maps) => string.Join(" + ", maps.Select(m => m switch
    {
        MapKind.BMode => "B-mode",
        MapKind.Entropy => "grey-level entropy",
        _ => m.ToString(),
    }));

    /// <summary>Throws a one-line error for maps an image cannot give or a size the network cannot take.</summary>
    public void Validate()
    {
        if (Maps.Count == 0) throw new BreastSegInputException("--input", "no map chosen");
        foreach (var m in Maps)
            if (m is not (MapKind.BMode or MapKind.Entropy))
                throw new BreastSegInputException("--input", $"map '{InputChoice.Format([m])}' needs RF data; an image folder offers bmode, entropy (of the image's grey levels) and bmode+entropy");
        if (Stride < 1) throw new BreastSegInputException("--stride", $"must be at least 1, got {Stride}");
        if (Size < 16 || Size % 16 != 0) throw new BreastSegInputException("--size", $"must be a positive multiple of 16, got {Size}");
    }
}
