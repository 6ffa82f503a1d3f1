using System.CommandLine;
using System.Globalization;
using BreastSeg.IO;
using BreastSeg.Maps;

namespace BreastSeg.Cli.Options;

/// <summary>
/// The flags of the parametric maps, shared by `maps`, `train` and `reproduce` so every verb spells, checks and
/// defaults them alike: each flag is optional and overrides the value of the options it is applied to.
/// </summary>
internal sealed class MapFlags
{
    private static readonly MapOptions D = new();

    public Option<string?> Window { get; } = new("--window") { Description = $"Entropy window: Npl (pulse lengths of the nominal probe pulse the file records), Xmm, AxBmm or SAMPLESxLINES; default {D.Window}" };
    public Option<string?> NakagamiWindow { get; } = new("--nakagami-window") { Description = $"Nakagami window, same forms as --window; default {D.NakagamiWindow}" };
    public Option<string?> Bins { get; } = new("--bins") { Description = $"Entropy histogram bins: a count (>= 2), sqrt (sqrt of the window's pixels) or fd (Freedman-Diaconis); default {D.Bins}" };
    public Option<string?> Normalization { get; } = new("--normalization") { Description = $"What the entropy bins span: each 'window', the 'global' frame range or its 'robust' 1st-99th percentiles; default {D.Normalization.ToString().ToLowerInvariant()}" };
    public Option<bool> MillerMadow { get; } = new("--miller-madow") { Description = "Add the Miller-Madow bias correction (K-1)/(2N ln 2) bits to the entropy" };
    public Option<double?> DynamicRange { get; } = new("--dynamic-range") { Description = $"B-mode dynamic range in dB (default {D.DynamicRangeDb.ToString(CultureInfo.InvariantCulture)})" };
    public Option<bool> Log { get; } = new("--log") { Description = "Entropy of the log-compressed envelope (the B-mode image) instead of the envelope" };
    public Option<int?> Stride { get; } = new("--stride") { Description = $"Evaluate windowed maps every N samples and lines and interpolate back (default {D.Stride} = every pixel)" };

    /// <summary>Every flag, to add to a command.</summary>
    public IEnumerable<Option> All => [Window, NakagamiWindow, Bins, Normalization, MillerMadow, DynamicRange, Log, Stride];

    /// <summary><paramref name="options"/> with the flags given on the command line applied; every problem names its flag.</summary>
    public MapOptions Apply(ParseResult p, MapOptions options)
    {
        if (p.GetValue(Stride) is < 1 and var stride) throw new BreastSegInputException("--stride", $"stride {stride} must be at least 1");
        if (p.GetValue(DynamicRange) is { } db && (!(db > 0) || double.IsInfinity(db)))
            throw new BreastSegInputException("--dynamic-range", $"dynamic range {db.ToString(CultureInfo.InvariantCulture)} dB must be positive");
        var bins = p.GetValue(Bins) is { } b ? EntropyBinChoice.Parse(b, "--bins") : null;
        return options with
        {
            Window = p.GetValue(Window) is { } w ? MapWindow.Parse(w, "--window") : options.Window,
            NakagamiWindow = p.GetValue(NakagamiWindow) is { } nw ? MapWindow.Parse(nw, "--nakagami-window") : options.NakagamiWindow,
            // A data-driven rule sizes the bins per window, so the fixed count reverts to its default and does not split the identity.
            Bins = bins is null ? options.Bins : bins.Rule == EntropyBinRule.Fixed ? bins.Bins : EntropyMap.DefaultBins,
            BinRule = bins?.Rule ?? options.BinRule,
            MillerMadow = p.GetValue(MillerMadow) || options.MillerMadow,
            Normalization = p.GetValue(Normalization) is { } n ? Commands.MapsSweepCommand.ParseNormalization(n) : options.Normalization,
            DynamicRangeDb = p.GetValue(DynamicRange) ?? options.DynamicRangeDb,
            LogCompressed = p.GetValue(Log) || options.LogCompressed,
            Stride = p.GetValue(Stride) ?? options.Stride,
        };
    }
}
