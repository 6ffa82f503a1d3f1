namespace BreastSeg.Maps;

/// <summary>What the entropy histogram's bins span, and so what H keeps and discards.</summary>
public enum EntropyNormalization
{
    /// <summary>
    /// Bins span each window's own [min, max] (as MATLAB's hist(x, B)). Keeps: the shape of the amplitude
    /// distribution inside the window. Discards: brightness (any gain or echogenicity change cancels) and the window's
    /// spread relative to the frame. One bright sample stretches only its own windows' bins.
    /// </summary>
    Window,

    /// <summary>
    /// The frame is quantised once into B levels over its own [min, max]; every window counts those levels. Keeps:
    /// brightness and shape (a darker region falls into fewer, lower bins and has lower H). Discards: nothing within
    /// the frame, but one bright reflector sets the top of the range and pushes speckle into the lowest bins. With
    /// integer input levels and B = max - min + 1 this is scikit-image's skimage.filters.rank.entropy (one bin per
    /// level, log2, windows clipped at the border).
    /// </summary>
    Global,

    /// <summary>
    /// As <see cref="Global"/>, but the B levels span the frame's [low, high] percentiles (default 1st and 99th,
    /// <see cref="MapOptions.RobustLowPercentile"/>, <see cref="MapOptions.RobustHighPercentile"/>); values outside go to the end bins. Keeps brightness and shape like
    /// Global, discards the extreme tails, so a few bright specular reflectors do not decide the bin width.
    /// </summary>
    Robust,
}
