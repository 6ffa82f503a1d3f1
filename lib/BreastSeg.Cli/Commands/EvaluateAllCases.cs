using System.Globalization;
using System.Text.Json;
using BreastSeg.Evaluation;
using BreastSeg.Images;
using BreastSeg.IO;
using BreastSeg.Samples;
using BreastSeg.Training;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg evaluate --run RUN --all [--data DIR2] [--json]`: a trained run on every case of a data set
/// (its own, or another folder or cohort), Dice per case at each image's own grid (predictions resampled back before
/// Dice), the mean with its bootstrap 95 % CI, and the mean per class.</summary>
internal static class EvaluateAllCases
{
    public static void Run(string runFolder, string? dataLocation, EvaluationOptions options, bool json, int seed, TextWriter stdout, CancellationToken cancel)
    {
        var manifest = RunManifest.Load(runFolder);
        var data = dataLocation is null ? SegmentationDatasets.OpenAs(manifest.DataLocation, manifest.Identity.DataFingerprint) : SegmentationDatasets.Open(dataLocation);
        var results = new List<CaseResult>();
        var indices = data.Cases.Select(c => c.Index).ToList();
        if (json) results = RunEvaluation.EvaluateOn(runFolder, data, indices, options, cancel: cancel);
        else
            CliConsole.For(stdout).Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"{manifest.Experiment.Input} predictions of all {indices.Count} cases of {data.Location}", maxValue: Math.Max(1, indices.Count));
                results = RunEvaluation.EvaluateOn(runFolder, data, indices, options, new InlineProgress<int>(n => task.Value = n), cancel);
            });
        string ClassOf(CaseResult r) => data is ImageSegmentationDataset images
            ? images.ImageCase(r.CaseIndex).Class ?? "unlabelled"
            : r.Malignant ? ImageCase.Malignant : ImageCase.Benign;
        var scored = results.Where(r => double.IsFinite(r.Dice)).ToList();
        var summary = scored.Count == 0 ? null : BootstrapInterval.Summarize("dice", scored.Select(r => r.Dice), seed);
        var byClass = scored.GroupBy(ClassOf).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Class: g.Key, N: g.Count(), Mean: g.Average(r => r.Dice))).ToList();
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("run", Path.GetFullPath(runFolder));
                w.WriteString("data", data.Location);
                w.WriteString("input", manifest.Experiment.Input);
                w.WriteStartArray("cases");
                foreach (var r in results)
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.CaseId);
                    w.WriteString("class", ClassOf(r));
                    if (results.Any(x => x.View > 1)) w.WriteNumber("view", r.View);
                    Number(w, "dice", r.Dice);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("n", scored.Count);
                Number(w, "meanDice", summary?.Mean ?? double.NaN);
                Number(w, "medianDice", summary?.Median ?? double.NaN);
                w.WriteStartArray("meanDiceCi95");
                w.WriteNumberValue(summary?.CiLow ?? 0);
                w.WriteNumberValue(summary?.CiHigh ?? 0);
                w.WriteEndArray();
                w.WriteStartObject("meanDiceByClass");
                foreach (var (c, _, mean) in byClass) w.WriteNumber(c, mean);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        var table = new Table().AddColumns("Class", "N", "Mean Dice");
        foreach (var (c, n, mean) in byClass) table.AddRow(Markup.Escape(c), n.ToString(CultureInfo.InvariantCulture), F(mean));
        if (summary is not null) table.AddRow("all", summary.N.ToString(CultureInfo.InvariantCulture), $"{F(summary.Mean)} (95% CI {F(summary.CiLow)} - {F(summary.CiHigh)})");
        CliConsole.For(stdout).Write(table);
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
