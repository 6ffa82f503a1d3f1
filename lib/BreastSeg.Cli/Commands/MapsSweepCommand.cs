using System.CommandLine;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Samples;

namespace BreastSeg.Cli.Commands;

/// <summary>
/// `breastseg maps sweep --data FILE [--cases train+validation] [--split-seed 1] --out DIR ...`: scores candidate
/// entropy settings by lesion/ring CNR and AUC on the training and validation cases of the split `reproduce` and `train`
/// use (test cases are refused), writes sweep.json, sweep.md and choice.json (see <see cref="EntropySweep"/>).
/// </summary>
internal static class MapsSweepCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = new Option<string>("--data") { Description = "Cohort MAT file (OASBUD layout)", Required = true };
        var cases = new Option<string>("--cases") { Description = "Split parts to sweep: train, validation or train+validation (never test)", DefaultValueFactory = _ => "train+validation" };
        var splitSeed = new Option<int>("--split-seed") { Description = "Seed of the case split (the same as reproduce/train --seed)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder for sweep.json, sweep.md and choice.json", Required = true };
        var windows = new Option<string>("--windows") { Description = "Comma-separated windows (1pl, 0.5mm, 23x6, ...)", DefaultValueFactory = _ => "1pl,2pl,4pl,8pl" };
        var bins = new Option<string>("--bins") { Description = "Comma-separated bin choices: counts, sqrt, fd", DefaultValueFactory = _ => "16,64,sqrt,fd" };
        var norms = new Option<string>("--normalizations") { Description = "Comma-separated: window, global, robust", DefaultValueFactory = _ => "window,global,robust" };
        var inputs = new Option<string>("--inputs") { Description = "Comma-separated entropy inputs: envelope, log", DefaultValueFactory = _ => "envelope,log" };
        var millerMadow = new Option<bool>("--miller-madow") { Description = "Sweep every setting with and without the Miller-Madow correction" };
        var size = new Option<int>("--size") { Description = "Network grid side (pixels)", DefaultValueFactory = _ => new BreastSeg.Training.Experiment().Size };
        var maxCases = new Option<int?>("--max-cases") { Description = "Sweep only the first N selected cases (quick look)" };
        var threads = new Option<int>("--threads") { Description = "Threads (-1 = all cores)", DefaultValueFactory = _ => -1 };
        var command = new Command("sweep", "Score entropy settings by lesion/ring CNR and AUC on training/validation cases and save the choice");
        foreach (var o in new Option[] { data, cases, splitSeed, output, windows, bins, norms, inputs, millerMadow, size, maxCases, threads }) command.Options.Add(o);
        command.SetAction((p, cancel) =>
        {
            var options = new EntropySweepOptions
            {
                Windows = List(p.GetValue(windows)!, "--windows").Select(w => MapWindow.Parse(w, "--windows")).ToArray(),
                Bins = List(p.GetValue(bins)!, "--bins").Select(b => EntropyBinChoice.Parse(b)).ToArray(),
                Normalizations = List(p.GetValue(norms)!, "--normalizations").Select(ParseNormalization).ToArray(),
                LogCompressed = List(p.GetValue(inputs)!, "--inputs").Select(ParseInput).Distinct().ToArray(),
                MillerMadow = p.GetValue(millerMadow) ? [false, true] : [false],
                NetworkSize = p.GetValue(size) >= 8 ? p.GetValue(size) : throw new BreastSegInputException("--size", $"must be at least 8, got {p.GetValue(size)}"),
                Maps = new MapOptions { MaxDegreeOfParallelism = p.GetValue(threads) },
            };
            return Task.FromResult(Run(p.GetValue(data)!, p.GetValue(cases)!, p.GetValue(splitSeed), p.GetValue(maxCases), p.GetValue(output)!, options, stdout, cancel));
        });
        return command;
    }

    internal static int Run(string data, string caseParts, int splitSeed, int? maxCases, string output, EntropySweepOptions options, TextWriter stdout, CancellationToken cancel)
    {
        if (!File.Exists(data)) throw new BreastSegInputException(data, "file not found");
        var parts = List(caseParts.Replace('+', ','), "--cases").Select(c => c.ToLowerInvariant()).ToArray();
        if (parts.Any(c => c == "test"))
            throw new BreastSegInputException("--cases", "test cases are never used to choose map settings; use train, validation or train+validation");
        var dataset = OasbudFile.Open(data);
        var split = CaseSplit.Stratified(dataset.Summaries
            .Select(s => (s.Index, s.ClassCode == OasbudFile.ClassValue(true, dataset.Coding))).ToList(), splitSeed);
        var indices = parts.SelectMany(split.Get).Distinct().Order().ToList();
        if (maxCases is { } m) indices = indices.Take(Math.Max(1, m)).ToList();
        string selection = $"{string.Join('+', parts)} of the stratified split with seed {splitSeed} (test share {CaseSplit.StudyTestFraction:F3}, validation {CaseSplit.DefaultValidationFraction})"
            + (maxCases is null ? "" : $", first {indices.Count}");
        stdout.WriteLine($"maps sweep: {indices.Count} cases ({selection}), {options.Settings().Count()} entropy settings");
        var result = EntropySweep.Run(dataset, indices, selection, options,
            new Progress<int>(v => stdout.WriteLine($"maps sweep: view {v}/{2 * indices.Count}")), cancel);
        result.Save(output);
        stdout.Write(result.ToMarkdown());
        stdout.WriteLine($"maps sweep: chosen {result.Chosen.Label} ({result.Rule}); wrote {Path.Combine(output, "sweep.json")}, sweep.md, choice.json");
        return 0;
    }

    private static string[] List(string text, string origin)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new BreastSegInputException(origin, "name at least one value");
    }

    internal static EntropyNormalization ParseNormalization(string text) => text.Trim().ToLowerInvariant() switch
    {
        "window" => EntropyNormalization.Window,
        "global" => EntropyNormalization.Global,
        "robust" => EntropyNormalization.Robust,
        _ => throw new BreastSegInputException("--normalization", $"unknown normalisation '{text}'; use window, global or robust"),
    };

    private static bool ParseInput(string text) => text.Trim().ToLowerInvariant() switch
    {
        "envelope" => false,
        "log" => true,
        _ => throw new BreastSegInputException("--inputs", $"unknown input '{text}'; use envelope or log"),
    };
}
