namespace BreastSeg.Figures;

/// <summary>Colours and fonts shared by the kit's figures (Okabe-Ito colours, distinguishable with colour-blindness).</summary>
public static class FigureStyle
{
    /// <summary>Font family of all text.</summary>
    public const string FontFamily = "Arial, Helvetica, sans-serif";

    /// <summary>Base font size (px at scale 1).</summary>
    public const int FontSize = 14;

    /// <summary>Title font size (px at scale 1).</summary>
    public const int TitleSize = 17;

    /// <summary>Outline colour of the ground truth (white reads on both grey B-mode and dark entropy colour maps).</summary>
    public const string GroundTruthColor = "#FFFFFF";

    /// <summary>Colour of the study's reported numbers (reference markers and lines).</summary>
    public const string StudyColor = "#000000";

    private static readonly string[] ModelColors = ["#E69F00", "#56B4E9", "#CC79A7", "#009E73", "#D55E00", "#0072B2", "#F0E442"];

    /// <summary>Colour of the model at position <paramref name="index"/> in a figure's model list.</summary>
    public static string ModelColor(int index) => ModelColors[((index % ModelColors.Length) + ModelColors.Length) % ModelColors.Length];

    /// <summary>Colour scale of B-mode images (grey, black = weakest echo).</summary>
    public const string BModeColorscale = "Greys";

    /// <summary>Colour scale of entropy maps.</summary>
    public const string EntropyColorscale = "Viridis";

    /// <summary>Colour scale of attention coefficients: matplotlib's inferno (plotly.js has no built-in inferno).</summary>
    public static object AttentionColorscale { get; } = new object[]
    {
        new object[] { 0.0, "#000004" }, new object[] { 0.1, "#160b39" }, new object[] { 0.2, "#420a68" },
        new object[] { 0.3, "#6a176e" }, new object[] { 0.4, "#932667" }, new object[] { 0.5, "#bc3754" },
        new object[] { 0.6, "#dd513a" }, new object[] { 0.7, "#f37819" }, new object[] { 0.8, "#fca50a" },
        new object[] { 0.9, "#f6d746" }, new object[] { 1.0, "#fcffa4" },
    };

    /// <summary>Legend background: mid grey, so the white ground-truth line shows in the legend too.</summary>
    public const string LegendBackground = "#C8C8C8";
}
