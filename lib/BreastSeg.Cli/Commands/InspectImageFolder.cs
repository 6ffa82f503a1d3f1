using System.Globalization;
using System.Text.Json;
using BreastSeg.Images;
using BreastSeg.IO;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg inspect DIR [--json]` for an image folder (BUSI or images/ + masks/): every case with its id,
/// class, size, mask files and lesion pixels (of the masks' union), class counts, near-duplicate images and mask files
/// that belong to no image. A refused case (no mask, a mask of another size, an unreadable file) is listed with its
/// problem, and the command then exits with code 2.</summary>
internal static class InspectImageFolder
{
    private sealed record Row(ImageCase Case, int Width, int Height, int LesionPixels, BreastSegInputException? Failure, ulong[]? Hash)
    {
        public string? Error => Failure?.Message;
    }

    public static void Run(string path, bool json, TextWriter stdout)
    {
        var folder = ImageFolder.Open(path);
        var rows = folder.Cases.Select(c => Inspect(folder, c)).ToList();
        var hashed = rows.Where(r => r.Hash is not null).ToList();
        var duplicates = NearDuplicates.Pairs(hashed.Select(r => r.Hash!).ToList())
            .Select(p => (First: hashed[p.First].Case, Second: hashed[p.Second].Case, p.Distance)).ToList();
        if (json) stdout.WriteLine(Json(folder, rows, duplicates));
        else Table(folder, rows, duplicates, stdout);
        var refused = rows.Where(r => r.Error is not null).ToList();
        if (refused.Count > 0)
            // The failure already names its file (the image or one of its masks), so it is re-raised under that name.
            throw new BreastSegInputException(refused[0].Failure!.Origin,
                $"{refused[0].Failure!.Problem}{(refused.Count > 1 ? $" (and {refused.Count - 1} more refused cases, listed above)" : "")}");
    }

    private static Row Inspect(ImageFolder folder, ImageCase c)
    {
        try
        {
            var loaded = folder.Load(c);
            return new Row(c, loaded.Image.Width, loaded.Image.Height, loaded.LesionPixels, null, NearDuplicates.Hash(loaded.Image));
        }
        catch (BreastSegInputException e)
        {
            return new Row(c, 0, 0, 0, e, null);
        }
    }

    private static string Json(ImageFolder folder, List<Row> rows, List<(ImageCase First, ImageCase Second, int Distance)> duplicates)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", "images");
            w.WriteString("layout", folder.Layout == ImageFolderLayout.Busi ? "busi" : "plain");
            w.WriteString("folder", folder.Path);
            w.WriteStartArray("cases");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("index", r.Case.Index);
                w.WriteString("id", r.Case.Id);
                if (r.Case.Class is null) w.WriteNull("class");
                else w.WriteString("class", r.Case.Class);
                w.WriteString("image", Relative(folder, r.Case.ImagePath));
                w.WriteStartArray("masks");
                foreach (string m in r.Case.MaskPaths) w.WriteStringValue(Relative(folder, m));
                w.WriteEndArray();
                if (r.Error is null)
                {
                    w.WriteNumber("width", r.Width);
                    w.WriteNumber("height", r.Height);
                    w.WriteNumber("lesionPixels", r.LesionPixels);
                }
                else w.WriteString("error", r.Error);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("classCounts");
            foreach (var (name, count) in folder.ClassCounts) w.WriteNumber(name, count);
            w.WriteEndObject();
            w.WriteStartArray("nearDuplicates");
            foreach (var (first, second, distance) in duplicates)
            {
                w.WriteStartObject();
                w.WriteString("first", first.Id);
                w.WriteString("second", second.Id);
                w.WriteNumber("hashDistance", distance);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("unmatchedMasks");
            foreach (string m in folder.UnmatchedMasks) w.WriteStringValue(Relative(folder, m));
            w.WriteEndArray();
            w.WriteNumber("refused", rows.Count(r => r.Error is not null));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Table(ImageFolder folder, List<Row> rows, List<(ImageCase First, ImageCase Second, int Distance)> duplicates, TextWriter stdout)
    {
        var console = CliConsole.For(stdout);
        if (!ReferenceEquals(stdout, System.Console.Out) || System.Console.IsOutputRedirected) console.Profile.Width = 200;
        string layout = folder.Layout == ImageFolderLayout.Busi ? "BUSI layout" : "images/ + masks/";
        var table = new Table().Title($"{Markup.Escape(folder.Path)}: {rows.Count} cases ({layout})");
        table.AddColumn("index", c => c.RightAligned());
        table.AddColumn("id");
        table.AddColumn("class");
        table.AddColumn("width x height");
        table.AddColumn("masks");
        table.AddColumn("lesion pixels", c => c.RightAligned());
        foreach (var r in rows)
            table.AddRow(
                r.Case.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Case.Id), Markup.Escape(r.Case.Class ?? "-"),
                r.Error is null ? $"{r.Width} x {r.Height}" : "[red]refused[/]",
                Markup.Escape(string.Join(", ", r.Case.MaskPaths.Select(Path.GetFileName))),
                r.Error is null ? r.LesionPixels.ToString(CultureInfo.InvariantCulture) : Markup.Escape(r.Error));
        console.Write(table);
        stdout.WriteLine("Class counts: " + string.Join(", ", folder.ClassCounts.Select(kv => $"{kv.Key}: {kv.Value}")) + ".");
        stdout.WriteLine(duplicates.Count == 0
            ? "Near-duplicate images: none found."
            : $"Near-duplicate images ({duplicates.Count} pairs within {NearDuplicates.DefaultMaxDistance} of 256 hash bits): " +
              string.Join("; ", duplicates.Select(d => $"'{d.First.Id}' ~ '{d.Second.Id}' ({d.Distance})")) + ".");
        if (folder.UnmatchedMasks.Count > 0)
            stdout.WriteLine("Mask files without an image: " + string.Join(", ", folder.UnmatchedMasks.Select(m => Relative(folder, m))) + ".");
    }

    private static string Relative(ImageFolder folder, string file) => Path.GetRelativePath(folder.Path, file);
}
