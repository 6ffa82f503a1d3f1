namespace BreastSeg.Maps;

/// <summary>
/// A sliding window in pixels: <see cref="Samples"/> along depth by <see cref="Lines"/> across scan lines. Pixel (i, j)
/// sees rows i - Samples/2 .. i - Samples/2 + Samples - 1 (integer division, the centre convention of scikit-image
/// footprints, so odd sizes are centred) and likewise for lines; at the frame's border the window is clipped and only
/// pixels inside the frame count.
/// </summary>
/// <param name="Samples">Window height (depth samples, at least 1).</param>
/// <param name="Lines">Window width (scan lines, at least 1).</param>
public readonly record struct WindowSize(int Samples, int Lines)
{
    /// <summary>Rows above the centre pixel.</summary>
    public int Above => Samples / 2;

    /// <summary>Rows below the centre pixel.</summary>
    public int Below => Samples - 1 - Samples / 2;

    /// <summary>Lines left of the centre pixel.</summary>
    public int Left => Lines / 2;

    /// <summary>Lines right of the centre pixel.</summary>
    public int Right => Lines - 1 - Lines / 2;

    /// <summary>Pixels in an unclipped window.</summary>
    public int Area => Samples * Lines;

    /// <inheritdoc />
    public override string ToString() => $"{Samples}x{Lines}";

    /// <summary>Throws unless the window is at least 1 x 1 and fits the frame.</summary>
    internal void Validate(string origin, int samples, int lines)
    {
        if (Samples < 1 || Lines < 1)
            throw new IO.BreastSegInputException(origin, $"window {this} must be at least 1 x 1 (samples x lines)");
        if (Samples > samples || Lines > lines)
            throw new IO.BreastSegInputException(origin, $"window {this} (samples x lines) is larger than the frame {samples} x {lines}");
    }
}
