using System.CommandLine;
using BreastSeg.Cli.Options;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Cli.Commands;

/// <summary>
/// `breastseg maps INPUT.mat --out OUT.mat`: envelope, B-mode, entropy and Nakagami maps of a MAT file. An OASBUD-layout
/// input (struct array `data` with rf1/rf2/roi1/roi2) gives an OASBUD-like struct array `data` with the maps of every
/// case and view (fields such as entropy1, entropy2) and the masks, computed and written case by case (memory holds one
/// case); a plain MAT file gives one double variable per map, the shape of the input variable.
/// </summary>
internal static partial class MapsCommand
{
    private static readonly string[] KindNames = ["envelope", "bmode", "entropy", "nakagami"];

    public static Command Create(TextWriter stdout)
    {
        var input = new Argument<string>("input") { Description = "Input MAT file: OASBUD layout (struct array 'data') or a plain 2-D RF/envelope variable" };
        var output = new Option<string>("--out") { Description = "Output MAT file (written atomically)", Required = true };
        var variable = new Option<string?>("--var") { Description = "Plain MAT input: the 2-D numeric variable to use (default: the only one)" };
        var from = new Option<string>("--from") { Description = "Plain MAT input holds 'rf' (Hilbert envelope detection first) or 'envelope'", DefaultValueFactory = _ => "rf" };
        var mapFlags = new MapFlags();
        var (frame, aperture) = UltrasonixOptions();
        var maps = new Option<string>("--maps") { Description = "Comma-separated maps to write: envelope,bmode,entropy,nakagami", DefaultValueFactory = _ => string.Join(',', KindNames) };

        var command = new Command("maps", "Envelope, B-mode, Shannon entropy and Nakagami maps of RF frames in a MAT file");
        command.Subcommands.Add(MapsSweepCommand.Create(stdout));
        command.Arguments.Add(input);
        foreach (Option o in (Option[])[output, variable, from, .. mapFlags.All, maps, frame, aperture])
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var request = new MapsRequest(
                parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(variable), parse.GetValue(from)!,
                mapFlags.Apply(parse, new MapOptions()),
                ParseKinds(parse.GetValue(maps)!), parse.GetValue(frame), parse.GetValue(aperture));
            return Run(request, stdout);
        });
        return command;
    }

    internal sealed record MapsRequest(string Input, string Output, string? Variable, string From, MapOptions Options, MapKind[] Kinds, int Frame = 0, double? ApertureMm = null);

    /// <summary>Map kinds from "envelope,bmode,entropy,nakagami" (any subset, any order).</summary>
    internal static MapKind[] ParseKinds(string text)
    {
        var kinds = new List<MapKind>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int k = Array.IndexOf(KindNames, part.ToLowerInvariant().Replace("-", ""));
            if (k < 0) throw new BreastSegInputException("--maps", $"unknown map '{part}'; use {string.Join(", ", KindNames)}");
            if (!kinds.Contains((MapKind)k)) kinds.Add((MapKind)k);
        }
        if (kinds.Count == 0) throw new BreastSegInputException("--maps", "no map requested");
        return kinds.ToArray();
    }

    internal static int Run(MapsRequest request, TextWriter stdout)
    {
        string from = request.From.Trim().ToLowerInvariant();
        if (from is not ("rf" or "envelope")) throw new BreastSegInputException("--from", $"unknown input kind '{request.From}'; use rf or envelope");
        if (!File.Exists(request.Input)) throw new BreastSegInputException(request.Input, "file not found");
        if (Rf.Ultrasonix.UltrasonixFile.HasUltrasonixExtension(request.Input)) return RunUltrasonix(request, stdout);
        // Arrays inside structs stay in the file: an OASBUD-layout cohort is detected without reading its RF.
        var variables = MatFile.ReadDeferred(request.Input);
        if (variables.Any(kv => OasbudFile.IsOasbudLayout(kv.Key, kv.Value)))
        {
            variables = null;
            var dataset = OasbudFile.Open(request.Input);
            CheckOutputSize(request, dataset);
            MatFile.WriteStructArray(request.Output, OasbudFile.VariableName, OasbudMaps(request, dataset, stdout));
        }
        else MatFile.Write(request.Output, PlainMaps(request, variables, from == "envelope"));
        stdout.WriteLine($"maps: wrote {request.Output}");
        return 0;
    }

    private static List<KeyValuePair<string, MatValue>> PlainMaps(MapsRequest request, IReadOnlyDictionary<string, MatValue> variables, bool isEnvelope)
    {
        var matrix = PickVariable(request, variables);
        int rows = matrix.Dimensions[0], cols = matrix.Dimensions[1];
        if (rows == 0 || cols == 0) throw new BreastSegInputException(request.Input, $"variable is empty ({rows} x {cols})");
        var values = matrix.ToDoubleArray();
        var set = WithOptionNames(request.Input, () => isEnvelope
            ? ParametricMaps.FromEnvelope(values, rows, cols, Acquisition.Oasbud, request.Options, request.Kinds)
            : ParametricMaps.Compute(new RfFrame(rows, cols, values), request.Options, request.Kinds));
        return request.Kinds.Select(k => new KeyValuePair<string, MatValue>(KindNames[(int)k], MatNumeric.FromDoubles(rows, cols, set.Get(k)!))).ToList();
    }

    private static MatNumeric PickVariable(MapsRequest request, IReadOnlyDictionary<string, MatValue> variables)
    {
        static bool IsMatrix(MatValue v) => v is MatNumeric n && n.Dimensions.Length == 2 && n.Imaginary is null && n.ClassName != "logical";
        if (request.Variable is { } name)
        {
            if (!variables.TryGetValue(name, out var v)) throw new BreastSegInputException("--var", $"{request.Input} has no variable '{name}' (it has {string.Join(", ", variables.Keys)})");
            if (!IsMatrix(v)) throw new BreastSegInputException("--var", $"'{name}' in {request.Input} is a {v.ClassName} of size {string.Join('x', v.Dimensions)}, not a real 2-D numeric matrix");
            return (MatNumeric)v;
        }
        var candidates = variables.Where(kv => IsMatrix(kv.Value)).ToList();
        return candidates.Count switch
        {
            1 => (MatNumeric)candidates[0].Value,
            0 => throw new BreastSegInputException(request.Input, "no real 2-D numeric variable to compute maps of"),
            _ => throw new BreastSegInputException("--var", $"{request.Input} holds several 2-D variables ({string.Join(", ", candidates.Select(c => c.Key))}); choose one with --var"),
        };
    }

    /// <summary>The maps and masks of every case, one struct element per case, computed as the writer asks for them.</summary>
    private static IEnumerable<IReadOnlyList<KeyValuePair<string, MatValue>>> OasbudMaps(MapsRequest request, OasbudDataset dataset, TextWriter stdout)
    {
        for (int c = 0; c < dataset.Count; c++)
        {
            var rfCase = dataset.GetCase(c);
            var element = new List<KeyValuePair<string, MatValue>> { new("id", new MatChar(rfCase.Id)) };
            for (int view = 1; view <= 2; view++)
            {
                var v = view <= rfCase.Views.Count ? rfCase.Views[view - 1] : null;
                MapSet? set = v is null ? null : WithOptionNames(request.Input, () => ParametricMaps.Compute(v.Frame, request.Options, request.Kinds), $"case {rfCase.Id} view {view}");
                foreach (var k in request.Kinds)
                    element.Add(new($"{KindNames[(int)k]}{view}", set is null ? MatNumeric.FromDoubles(0, 0, []) : MatNumeric.FromDoubles(set.Samples, set.Lines, set.Get(k)!)));
                element.Add(new($"roi{view}", v is null
                    ? new MatNumeric([0, 0], Array.Empty<byte>())
                    : new MatNumeric([v.Mask.Samples, v.Mask.Lines], v.Mask.Data.Select(b => b ? (byte)1 : (byte)0).ToArray())));
            }
            element.Add(new("birads", new MatChar(rfCase.BiRads)));
            element.Add(new("class", MatNumeric.FromDoubles(1, 1, [rfCase.ClassCode])));
            stdout.WriteLine($"maps: case {c + 1}/{dataset.Count} ({rfCase.Id})");
            yield return element;
        }
    }

    /// <summary>Refuses, before any map is computed, an output larger than one MAT Level-5 variable can hold (4 GB):
    /// the maps alone (8 bytes per pixel each) and the masks are a lower bound of its size.</summary>
    private static void CheckOutputSize(MapsRequest request, OasbudDataset dataset)
    {
        long bytes = dataset.Summaries.Sum(s => s.Views.Where(v => v.Key.StartsWith("rf", StringComparison.Ordinal))
            .Sum(v => v.Value.Shape.Aggregate(1L, (p, d) => p * d) * (8L * request.Kinds.Length + 1)));
        if (bytes > uint.MaxValue)
            throw new BreastSegInputException("--maps", FormattableString.Invariant(
                $"the {request.Kinds.Length} maps of the {dataset.Count} cases of {request.Input} need {bytes / 1e9:F1} GB, more than the 4 GB one MAT variable can hold; ask for fewer maps (--maps) or split the file"));
    }

    /// <summary>
    /// Runs a map computation, renaming the library's option names ("window") to the CLI's ("--window") and its data
    /// problems ("values") to the input file.
    /// </summary>
    private static T WithOptionNames<T>(string input, Func<T> compute, string? where = null)
    {
        try
        {
            return compute();
        }
        catch (BreastSegInputException e) when (e.Origin is "window" or "nakagami-window" or "bins" or "stride" or "dynamic-range" or "percentiles" or "values")
        {
            string problem = where is null ? e.Problem : $"{where}: {e.Problem}";
            throw new BreastSegInputException(e.Origin == "values" ? input : "--" + e.Origin, problem, e);
        }
    }
}
