using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg inspect FILE [--json]`: what a MAT file holds. For the OASBUD layout, one row per case (index,
/// id, class, BI-RADS and shape, class, sum, min, max of rf1, rf2, roi1, roi2) and the class counts; for any other MAT
/// file, its variables with class, shape and (numeric arrays) sum, min and max. Arrays are read as summaries
/// (<see cref="MatFile.ReadSummaries"/>): their values stream past, so memory does not grow with what a file declares.</summary>
internal static class InspectCommand
{
    private static readonly string[] ViewFields = ["rf1", "rf2", "roi1", "roi2"];

    public static Command Create(TextWriter stdout)
    {
        var file = new Argument<string>("file") { Description = "MAT file (Level-5 v6/v7 or v7.3), or a folder of images with masks (BUSI layout or images/ + masks/)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var command = new Command("inspect", "Show the cases of an OASBUD-layout MAT file, or the variables of any MAT file") { file, json };
        command.SetAction(parse =>
        {
            Run(parse.GetValue(file)!, parse.GetValue(json), stdout);
            return 0;
        });
        return command;
    }

    /// <summary>Reads <paramref name="path"/> one variable at a time and prints what it holds.</summary>
    public static void Run(string path, bool json, TextWriter stdout)
    {
        if (BreastSeg.Rf.Ultrasonix.UltrasonixFile.HasUltrasonixExtension(path)) { InspectUltrasonix.Run(path, json, stdout); return; }
        if (Directory.Exists(path)) { InspectImageFolder.Run(path, json, stdout); return; }
        var variables = new List<Variable>();
        OasbudDataset? oasbud = null;
        foreach (var (name, value) in MatFile.ReadSummaries(path))
        {
            variables.Add(new(name, value.ClassName, value.Dimensions, value is MatStruct s ? string.Join(", ", s.FieldNames) : null, value as MatSummary));
            if (oasbud is null && OasbudFile.IsOasbudLayout(name, value)) oasbud = OasbudFile.FromVariable(path, value);
        }
        if (json) stdout.WriteLine(oasbud is null ? VariablesJson(variables) : CasesJson(oasbud));
        else if (oasbud is null) VariablesTable(path, variables, stdout);
        else CasesTable(oasbud, stdout);
    }

    private static string CasesJson(OasbudDataset data)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("cases");
            foreach (var c in data.Summaries)
            {
                w.WriteStartObject();
                w.WriteNumber("index", c.Index);
                w.WriteString("id", c.Id);
                w.WriteNumber("class", c.ClassCode);
                w.WriteString("birads", c.BiRads);
                foreach (string field in ViewFields)
                {
                    var v = c.Views[field];
                    w.WriteStartObject(field);
                    w.WriteStartArray("shape");
                    foreach (int d in v.Shape) w.WriteNumberValue(d);
                    w.WriteEndArray();
                    w.WriteString("class", v.ClassName);
                    w.WriteNumber("sum", v.Sum);
                    WriteNumberOrNull(w, "min", v.Min);
                    WriteNumberOrNull(w, "max", v.Max);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("classCounts");
            foreach (var (code, count) in data.ClassCounts) w.WriteNumber(code.ToString(CultureInfo.InvariantCulture), count);
            w.WriteEndObject();
            w.WriteStartObject("malignantCount");
            w.WriteNumber("oneIsMalignant", data.MalignantCount(ClassCoding.OneIsMalignant));
            w.WriteNumber("zeroIsMalignant", data.MalignantCount(ClassCoding.ZeroIsMalignant));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>One variable of a file: what the table and JSON show.</summary>
    private sealed record Variable(string Name, string Class, int[] Shape, string? Fields, MatSummary? Summary);

    private static string VariablesJson(List<Variable> variables)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("variables");
            foreach (var v in variables)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                w.WriteString("class", v.Class);
                w.WriteStartArray("shape");
                foreach (int d in v.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                if (v.Summary is { } summary)
                {
                    WriteNumberOrNull(w, "sum", summary.Sum);
                    WriteNumberOrNull(w, "min", summary.Min);
                    WriteNumberOrNull(w, "max", summary.Max);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void CasesTable(OasbudDataset data, TextWriter stdout)
    {
        var console = Console(stdout);
        var table = new Table().Title($"{Markup.Escape(data.Path)}: {data.Count} cases (OASBUD layout)");
        table.AddColumn("index", c => c.RightAligned());
        table.AddColumn("id");
        table.AddColumn("class", c => c.RightAligned());
        table.AddColumn("BI-RADS");
        foreach (string field in ViewFields) table.AddColumn(field);
        foreach (var c in data.Summaries)
        {
            var cells = new List<string> { c.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Id), c.ClassCode.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.BiRads) };
            foreach (string field in ViewFields)
            {
                var v = c.Views[field];
                cells.Add(Markup.Escape($"{string.Join("x", v.Shape)} {v.ClassName}\nsum {Number(v.Sum)}\n[{Number(v.Min)}, {Number(v.Max)}]"));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        string counts = string.Join(", ", data.ClassCounts.Select(kv => $"class {kv.Key}: {kv.Value}"));
        stdout.WriteLine($"Class counts: {counts}. Malignant if class 1 means malignant: {data.MalignantCount(ClassCoding.OneIsMalignant)}; if class 0 does: {data.MalignantCount(ClassCoding.ZeroIsMalignant)}.");
    }

    private static void VariablesTable(string path, List<Variable> variables, TextWriter stdout)
    {
        var console = Console(stdout);
        var table = new Table().Title($"{Markup.Escape(path)}: {variables.Count} variable{(variables.Count == 1 ? "" : "s")}");
        table.AddColumn("name");
        table.AddColumn("class");
        table.AddColumn("shape");
        table.AddColumn("fields");
        table.AddColumn("sum", c => c.RightAligned());
        table.AddColumn("min", c => c.RightAligned());
        table.AddColumn("max", c => c.RightAligned());
        foreach (var v in variables)
            table.AddRow(Markup.Escape(v.Name), v.Class, string.Join("x", v.Shape), Markup.Escape(v.Fields ?? ""),
                v.Summary is { } s ? Number(s.Sum) : "", v.Summary is { } s1 ? Number(s1.Min) : "", v.Summary is { } s2 ? Number(s2.Max) : "");
        console.Write(table);
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("G10", CultureInfo.InvariantCulture) : "-";

    private static IAnsiConsole Console(TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        // Redirected output (a file, a test) has no terminal width; give the wide table room instead of wrapping it.
        if (!ReferenceEquals(stdout, System.Console.Out) || System.Console.IsOutputRedirected) console.Profile.Width = 200;
        return console;
    }
}
