namespace BreastSeg.Maps;

/// <summary>What the entropy histogram's bins span.</summary>
public enum EntropyNormalization
{
    /// <summary>
    /// Bins span each window's own [min, max] (as MATLAB's hist(x, B)): H ignores brightness and measures only the
    /// shape of the amplitude distribution (Tsui's entropy imaging).
    /// </summary>
    Window,

    /// <summary>
    /// The frame is quantised once into B levels over its own [min, max]; every window counts those levels. An
    /// amplitude scale change shifts H. With integer input levels and B = max - min + 1 this is scikit-image's
    /// skimage.filters.rank.entropy (one bin per level, log2, windows clipped at the border).
    /// </summary>
    Global,
}
