using System.Globalization;
using System.Text.Json.Serialization;

namespace BreastSeg.Maps;

/// <summary>One candidate entropy estimator of a sweep: window, bin rule (and count), normalisation, input, bias correction.</summary>
/// <param name="Window">Window as specified (e.g. 4 pulse lengths).</param>
/// <param name="BinRule">How the bin count is chosen.</param>
/// <param name="Bins">Bins of the fixed rule (ignored by the others).</param>
/// <param name="Normalization">What the bins span.</param>
/// <param name="LogCompressed">Entropy of the B-mode image (log envelope) instead of the envelope.</param>
/// <param name="MillerMadow">Miller-Madow bias correction.</param>
public sealed record EntropySetting(
    MapWindow Window,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] EntropyBinRule BinRule,
    int Bins,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] EntropyNormalization Normalization,
    bool LogCompressed,
    bool MillerMadow)
{
    /// <summary>Short label, e.g. "4pl 32 bins global envelope".</summary>
    public string Label => string.Join(' ', Window.ToString(), BinsLabel, Normalization.ToString().ToLowerInvariant(),
        LogCompressed ? "log" : "envelope") + (MillerMadow ? " miller-madow" : "");

    /// <summary>"32 bins", "sqrt(N) bins" or "FD bins".</summary>
    [JsonIgnore]
    public string BinsLabel => BinRule switch
    {
        EntropyBinRule.Fixed => $"{Bins.ToString(CultureInfo.InvariantCulture)} bins",
        EntropyBinRule.SquareRoot => "sqrt(N) bins",
        _ => "FD bins",
    };

    /// <summary><paramref name="options"/> with this setting's entropy fields.</summary>
    public MapOptions ApplyTo(MapOptions options) => options with
    {
        Window = Window, BinRule = BinRule, Bins = BinRule == EntropyBinRule.Fixed ? Bins : options.Bins,
        Normalization = Normalization, LogCompressed = LogCompressed, MillerMadow = MillerMadow,
    };

    /// <summary>The entropy setting of <paramref name="options"/>.</summary>
    public static EntropySetting Of(MapOptions options) =>
        new(options.Window, options.BinRule, options.Bins, options.Normalization, options.LogCompressed, options.MillerMadow);
}
