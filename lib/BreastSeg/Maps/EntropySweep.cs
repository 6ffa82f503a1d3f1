using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BreastSeg.Rf;
using BreastSeg.Samples;

namespace BreastSeg.Maps;

/// <summary>What <see cref="EntropySweep"/> tries and how it scores.</summary>
public sealed record EntropySweepOptions
{
    /// <summary>Windows (default 1, 2, 4 and 8 pulse lengths).</summary>
    public IReadOnlyList<MapWindow> Windows { get; init; } =
        [MapWindow.PulseLengths(1), MapWindow.PulseLengths(2), MapWindow.PulseLengths(4), MapWindow.PulseLengths(8)];

    /// <summary>Bin choices as (rule, fixed count): default 16 and 64 fixed bins, sqrt(N) and Freedman-Diaconis.</summary>
    public IReadOnlyList<EntropyBinChoice> Bins { get; init; } =
        [new(EntropyBinRule.Fixed, 16), new(EntropyBinRule.Fixed, 64), new(EntropyBinRule.SquareRoot, 0), new(EntropyBinRule.FreedmanDiaconis, 0)];

    /// <summary>Normalisations (default all three).</summary>
    public IReadOnlyList<EntropyNormalization> Normalizations { get; init; } =
        [EntropyNormalization.Window, EntropyNormalization.Global, EntropyNormalization.Robust];

    /// <summary>Inputs: false = envelope, true = log envelope (B-mode). Default both.</summary>
    public IReadOnlyList<bool> LogCompressed { get; init; } = [false, true];

    /// <summary>Miller-Madow correction off, on, or both (default off: it shifts H by (K-1)/(2N ln 2), which for
    /// a fixed window changes the contrast little; the chosen setting is re-scored with it).</summary>
    public IReadOnlyList<bool> MillerMadow { get; init; } = [false];

    /// <summary>Also score Nakagami m for every window.</summary>
    public bool Nakagami { get; init; } = true;

    /// <summary>Network grid side (pixels): the resolution the network sees after area resampling.</summary>
    public int NetworkSize { get; init; } = 128;

    /// <summary>Ring width of the background (mm).</summary>
    public double RingMm { get; init; } = BackgroundRegion.DefaultRingMm;

    /// <summary>Smallest median full-resolution CNR a setting must reach to be chosen (issue 11 asks 0.5).</summary>
    public double MinFullResolutionCnr { get; init; } = 0.5;

    /// <summary>Dynamic range, pulse level, band-pass, robust percentiles, threads.</summary>
    public MapOptions Maps { get; init; } = new();

    /// <summary>Every candidate setting, in table order.</summary>
    public IEnumerable<EntropySetting> Settings() =>
        from log in LogCompressed
        from norm in Normalizations
        from w in Windows
        from b in Bins
        from mm in MillerMadow
        select new EntropySetting(w, b.Rule, b.Bins, norm, log, mm);
}

/// <summary>A bin choice of a sweep.</summary>
/// <param name="Rule">Bin rule.</param>
/// <param name="Bins">Count of the fixed rule.</param>
public sealed record EntropyBinChoice([property: JsonConverter(typeof(JsonStringEnumConverter))] EntropyBinRule Rule, int Bins)
{
    /// <summary>Parses "32", "sqrt" or "fd".</summary>
    public static EntropyBinChoice Parse(string text, string origin = "--bins")
    {
        string s = text.Trim().ToLowerInvariant();
        if (s is "sqrt" or "sqrt(n)") return new(EntropyBinRule.SquareRoot, 0);
        if (s is "fd" or "freedman-diaconis") return new(EntropyBinRule.FreedmanDiaconis, 0);
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int b) && b >= 2 && b <= EntropyMap.MaxBins) return new(EntropyBinRule.Fixed, b);
        throw new IO.BreastSegInputException(origin, $"'{text}' is not a bin choice; use a count (2 .. {EntropyMap.MaxBins}), sqrt or fd");
    }
}

/// <summary>Scores of one setting over the swept views (medians over views; AUC as P(lesion &gt; ring)).</summary>
/// <param name="Kind">entropy or nakagami.</param>
/// <param name="Setting">The entropy setting (null for Nakagami and B-mode).</param>
/// <param name="Label">Readable label.</param>
/// <param name="Pixels">Window in pixels on the first view's grid.</param>
/// <param name="SpeckleCells">Independent speckle cells in the window (window area / speckle cell area, median over views).</param>
/// <param name="MedianBins">Median resolved bin count.</param>
/// <param name="Views">Views scored.</param>
/// <param name="CnrFull">Median lesion/ring CNR at full (RF-grid) resolution.</param>
/// <param name="AucFull">Median AUC at full resolution.</param>
/// <param name="CnrNetwork">Median CNR on the network grid.</param>
/// <param name="AucNetwork">Median AUC on the network grid.</param>
/// <param name="ShareCnrFullAtLeastHalf">Share of views with full-resolution CNR &gt;= 0.5.</param>
public sealed record EntropySweepRow(string Kind, EntropySetting? Setting, string Label, string Pixels, double SpeckleCells, double MedianBins,
    int Views, double CnrFull, double AucFull, double CnrNetwork, double AucNetwork, double ShareCnrFullAtLeastHalf);

/// <summary>A finished sweep: what was scored, on which cases, the table and the choice.</summary>
/// <param name="Data">Cohort file.</param>
/// <param name="Cases">Case indices swept (training/validation only, chosen by the caller).</param>
/// <param name="CaseSelection">How the caller chose them (e.g. "train+validation, split seed 1").</param>
/// <param name="Options">The sweep options.</param>
/// <param name="BMode">B-mode reference row.</param>
/// <param name="Rows">Entropy rows (settings order), then Nakagami rows.</param>
/// <param name="Chosen">The chosen setting.</param>
/// <param name="ChosenWithMillerMadow">The chosen setting re-scored with the Miller-Madow correction.</param>
/// <param name="Rule">How the choice was made.</param>
public sealed record EntropySweepResult(string Data, int[] Cases, string CaseSelection, EntropySweepOptions Options, EntropySweepRow BMode,
    IReadOnlyList<EntropySweepRow> Rows, EntropySetting Chosen, EntropySweepRow? ChosenWithMillerMadow, string Rule)
{
    /// <summary>JSON options (camelCase, enums as strings, indented).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The whole result as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The table as Markdown (B-mode first, best network-grid CNR first).</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| map | setting | window (px) | speckle cells | bins | CNR full | AUC full | CNR network | AUC network | views CNR full >= 0.5 |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { BMode }.Concat(Rows.OrderByDescending(r => r.CnrNetwork)))
            sb.AppendLine(FormattableString.Invariant(
                $"| {r.Kind} | {r.Label}{(r.Setting == Chosen ? " **(chosen)**" : "")} | {r.Pixels} | {r.SpeckleCells:F1} | {r.MedianBins:F0} | {r.CnrFull:F2} | {r.AucFull:F2} | {r.CnrNetwork:F2} | {r.AucNetwork:F2} | {r.ShareCnrFullAtLeastHalf:P0} |"));
        return sb.ToString();
    }

    /// <summary>Writes sweep.json (everything), sweep.md (the table) and choice.json (the chosen MapOptions) into
    /// <paramref name="folder"/>, atomically.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        IO.AtomicFile.WriteAllText(Path.Combine(folder, "sweep.json"), ToJson());
        IO.AtomicFile.WriteAllText(Path.Combine(folder, "sweep.md"), ToMarkdown());
        IO.AtomicFile.WriteAllText(Path.Combine(folder, "choice.json"),
            JsonSerializer.Serialize(new { chosen = Chosen, mapOptions = Chosen.ApplyTo(Options.Maps), rule = Rule, cases = Cases, caseSelection = CaseSelection, data = Data }, Json));
    }
}

/// <summary>
/// Scores candidate entropy settings by lesion versus 3-mm-ring separability (CNR, AUC) on a list of cases, at full
/// resolution and on the network grid (maps and masks area-resampled as for training), and picks one. Each view's
/// envelope, B-mode image, quantised levels and masks are computed once for all windows and bins; cases are read
/// one at a time, so memory is bounded by one case. The caller passes training and validation cases only.
/// </summary>
public static class EntropySweep
{
    /// <summary>Sweeps <paramref name="caseIndices"/> of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">Cohort (OASBUD layout).</param>
    /// <param name="caseIndices">Cases to score: training/validation only, never test cases.</param>
    /// <param name="caseSelection">How they were chosen, recorded in the result.</param>
    /// <param name="options">Candidates and scoring.</param>
    /// <param name="viewsDone">Progress (views finished).</param>
    /// <param name="cancel">Stops between maps.</param>
    public static EntropySweepResult Run(OasbudDataset dataset, IReadOnlyList<int> caseIndices, string caseSelection, EntropySweepOptions options,
        IProgress<int>? viewsDone = null, CancellationToken cancel = default)
    {
        if (caseIndices.Count == 0) throw new IO.BreastSegInputException("--cases", "no cases to sweep");
        var settings = options.Settings().ToList();
        if (settings.Count == 0) throw new IO.BreastSegInputException("sweep", "no candidate settings");
        var scores = settings.Select(_ => new List<ViewScore>()).ToList();
        var nakagami = options.Windows.Select(_ => new List<ViewScore>()).ToList();
        var bmode = new List<ViewScore>();
        string[] pixels = new string[settings.Count], nakagamiPixels = new string[options.Windows.Count];
        int views = 0;
        foreach (int index in caseIndices)
        {
            var rfCase = dataset.GetCase(index);
            foreach (var view in rfCase.Views)
            {
                cancel.ThrowIfCancellationRequested();
                ScoreView(view, options, settings, scores, nakagami, bmode, pixels, nakagamiPixels, cancel);
                viewsDone?.Report(++views);
            }
        }
        var rows = settings.Select((s, k) => Row("entropy", s, s.Label, pixels[k], scores[k])).ToList();
        if (options.Nakagami)
            rows.AddRange(options.Windows.Select((w, k) => Row("nakagami", null, $"{w} nakagami m", nakagamiPixels[k], nakagami[k])));
        var bmodeRow = Row("b-mode", null, $"b-mode {options.Maps.DynamicRangeDb} dB", "-", bmode);

        var entropyRows = rows.Where(r => r.Kind == "entropy").ToList();
        var eligible = entropyRows.Where(r => r.CnrFull >= options.MinFullResolutionCnr).ToList();
        var best = (eligible.Count > 0 ? eligible : entropyRows).OrderByDescending(r => r.CnrNetwork).First();
        string rule = eligible.Count > 0
            ? FormattableString.Invariant($"highest median network-grid ({options.NetworkSize} px) lesion/ring CNR among the {eligible.Count} of {entropyRows.Count} entropy settings whose median full-resolution CNR is >= {options.MinFullResolutionCnr}")
            : FormattableString.Invariant($"no setting reached a median full-resolution CNR of {options.MinFullResolutionCnr}; highest median network-grid CNR");

        EntropySweepRow? corrected = null;
        if (!best.Setting!.MillerMadow)
        {
            var mmOptions = options with { Windows = [best.Setting.Window], Bins = [new(best.Setting.BinRule, best.Setting.Bins)],
                Normalizations = [best.Setting.Normalization], LogCompressed = [best.Setting.LogCompressed], MillerMadow = [true], Nakagami = false };
            var mmSetting = mmOptions.Settings().Single();
            var mmScores = new List<ViewScore>();
            var unused = new List<ViewScore>();
            string[] px = new string[1];
            foreach (int index in caseIndices)
                foreach (var view in dataset.GetCase(index).Views)
                    ScoreView(view, mmOptions, [mmSetting], [mmScores], [], unused, px, [], cancel);
            corrected = Row("entropy", mmSetting, mmSetting.Label, px[0], mmScores);
        }
        return new EntropySweepResult(dataset.Path, caseIndices.ToArray(), caseSelection, options, bmodeRow, rows, best.Setting, corrected, rule);
    }

    private readonly record struct ViewScore(Separability Full, Separability Network, int Bins, double Cells);

    private static void ScoreView(RfView view, EntropySweepOptions options, List<EntropySetting> settings, List<List<ViewScore>> scores,
        List<List<ViewScore>> nakagami, List<ViewScore> bmodeScores, string[] pixels, string[] nakagamiPixels, CancellationToken cancel)
    {
        var maps = options.Maps;
        var frame = view.Frame;
        int samples = frame.Samples, lines = frame.Lines, size = options.NetworkSize;
        var acquisition = frame.Acquisition;
        var envelope = Envelope.Compute(frame, maps.BandPass, maps.MaxDegreeOfParallelism);
        var bmode = BMode.Compute(envelope, maps.DynamicRangeDb, maps.MaxDegreeOfParallelism);
        var ring = BackgroundRegion.Ring(options.RingMm).Select(view.Mask, acquisition);
        var lesionNet = GridResampler.AreaResampleMask(view.Mask.Data, samples, lines, size, size);
        var ringNet = GridResampler.AreaResampleMask(ring, samples, lines, size, size);
        for (int k = 0; k < ringNet.Length; k++) ringNet[k] &= !lesionNet[k];
        var cell = SpeckleCell.Measure(envelope, samples, lines);
        double cellArea = cell.AxialSamples * cell.Lines;

        ViewScore Score(double[] map, int bins, WindowSize window)
        {
            var net = Array.ConvertAll(GridResampler.AreaResample(map, samples, lines, size, size), v => (double)v);
            return new ViewScore(Separability.FromFlags(map, view.Mask.Data, ring), Separability.FromFlags(net, lesionNet, ringNet), bins,
                window.Area / cellArea);
        }

        bmodeScores.Add(Score(bmode, 0, new WindowSize(1, 1)));
        var ranges = new Dictionary<(bool, EntropyNormalization), (double, double)>();
        var levelCache = new Dictionary<(bool, EntropyNormalization, int), int[]>();
        for (int k = 0; k < settings.Count; k++)
        {
            cancel.ThrowIfCancellationRequested();
            var s = settings[k];
            var input = s.LogCompressed ? bmode : envelope;
            var window = s.Window.Resolve(acquisition, lines, maps.PulseLevelDb);
            window.Validate("window", samples, lines);
            pixels[k] ??= window.ToString();
            if (!ranges.TryGetValue((s.LogCompressed, s.Normalization), out var range))
                ranges[(s.LogCompressed, s.Normalization)] = range = EntropyBins.Range(input, s.Normalization, maps.RobustLowPercentile, maps.RobustHighPercentile);
            int bins = EntropyBins.Resolve(s.BinRule, s.Bins, input, samples, lines, window, s.Normalization, range);
            double[] map;
            if (s.Normalization == EntropyNormalization.Window)
                map = EntropyMap.Compute(input, samples, lines, window, bins, EntropyNormalization.Window, 1, maps.MaxDegreeOfParallelism, s.MillerMadow);
            else
            {
                // Levels depend on the input, normalisation and bin count only: shared by every window.
                if (!levelCache.TryGetValue((s.LogCompressed, s.Normalization, bins), out var levels))
                    levelCache[(s.LogCompressed, s.Normalization, bins)] = levels = EntropyMap.Quantize(input, bins, range);
                map = EntropyMap.FromLevels(levels, samples, lines, window, bins, 1, maps.MaxDegreeOfParallelism, s.MillerMadow);
            }
            scores[k].Add(Score(map, bins, window));
        }
        for (int k = 0; k < nakagami.Count; k++)
        {
            cancel.ThrowIfCancellationRequested();
            var window = options.Windows[k].Resolve(acquisition, lines, maps.PulseLevelDb);
            nakagamiPixels[k] ??= window.ToString();
            nakagami[k].Add(Score(NakagamiMap.Compute(envelope, samples, lines, window, 1, maps.MaxDegreeOfParallelism), 0, window));
        }
    }

    private static EntropySweepRow Row(string kind, EntropySetting? setting, string label, string pixels, List<ViewScore> scores)
    {
        double Median(Func<ViewScore, double> f) => Benchmarks.BenchTimer.Median(scores.Select(f).ToArray());
        return new EntropySweepRow(kind, setting, label, pixels ?? "-", Median(s => s.Cells), Median(s => s.Bins), scores.Count,
            Median(s => s.Full.Cnr), Median(s => s.Full.Auc), Median(s => s.Network.Cnr), Median(s => s.Network.Auc),
            scores.Count(s => s.Full.Cnr >= 0.5) / (double)Math.Max(1, scores.Count));
    }
}
