using System.CommandLine;
using System.Globalization;
using BreastSeg.Figures;
using BreastSeg.Reproduce;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg reproduce`: the study end to end (data, maps, split, models, evaluation, figures, report).</summary>
internal static class ReproduceCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "Cohort in the OASBUD layout (OASBUD.mat or a simulated cohort); default: the simulated cohort in data/" };
        var preset = new Option<string>("--preset") { Description = "quick (minutes on a 2-core CPU), paper (full cohort, 128 px, 64 filters) or tiny (tests)", DefaultValueFactory = _ => "quick" };
        var output = new Option<string?>("--out") { Description = "Results folder (default results/PRESET); re-running continues where it stopped" };
        var seed = new Option<int?>("--seed") { Description = "Seed of split, weights, shuffling and augmentation" };
        var dataFolder = new Option<string>("--data-folder") { Description = "Where the default cohort and the map cache live", DefaultValueFactory = _ => "data" };
        var cases = new Option<int?>("--cases") { Description = "Cases of the default simulated cohort" };
        var cohortSeed = new Option<long?>("--cohort-seed") { Description = "Seed of the default simulated cohort" };
        var inputs = new Option<string?>("--inputs") { Description = "Models to train, comma-separated: bmode, entropy, nakagami, bmode+entropy" };
        var arch = new Option<string?>("--arch") { Description = "attention-unet or unet" };
        var size = new Option<int?>("--size") { Description = "Network input size (pixels per side, multiple of 16)" };
        var filters = new Option<int?>("--base-filters") { Description = "Base filters of the network" };
        var epochs = new Option<int?>("--epochs") { Description = "Maximum epochs per model" };
        var batch = new Option<int?>("--batch") { Description = "Images per step" };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate" };
        var patience = new Option<int?>("--patience") { Description = "Early-stopping patience (epochs; 0: off)" };
        var window = new Option<double?>("--window") { Description = "Entropy window side in pulse lengths" };
        var bins = new Option<int?>("--bins") { Description = "Entropy histogram bins" };
        var normalization = new Option<string?>("--normalization") { Description = "Entropy normalisation: window or global" };
        var dynamicRange = new Option<double?>("--dynamic-range") { Description = "B-mode dynamic range (dB)" };
        var command = new Command("reproduce", "Run the study end to end: maps, an attention U-Net per input, evaluation on shared test cases, figures and a report")
        {
            data, preset, output, seed, dataFolder, cases, cohortSeed, inputs, arch, size, filters, epochs, batch, lr, patience,
            window, bins, normalization, dynamicRange,
        };
        command.SetAction((p, cancel) =>
        {
            var b = ReproduceConfig.ForPreset(p.GetValue(preset)!);
            var config = b with
            {
                Data = p.GetValue(data) ?? b.Data,
                Seed = p.GetValue(seed) ?? b.Seed,
                CohortCases = p.GetValue(cases) ?? b.CohortCases,
                CohortSeed = p.GetValue(cohortSeed) ?? b.CohortSeed,
                Inputs = p.GetValue(inputs)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? b.Inputs,
                Architecture = p.GetValue(arch) ?? b.Architecture,
                Size = p.GetValue(size) ?? b.Size,
                BaseFilters = p.GetValue(filters) ?? b.BaseFilters,
                Epochs = p.GetValue(epochs) ?? b.Epochs,
                Batch = p.GetValue(batch) ?? b.Batch,
                LearningRate = p.GetValue(lr) ?? b.LearningRate,
                Patience = p.GetValue(patience) ?? b.Patience,
                EntropyWindowPulseLengths = p.GetValue(window) ?? b.EntropyWindowPulseLengths,
                EntropyBins = p.GetValue(bins) ?? b.EntropyBins,
                EntropyNormalization = p.GetValue(normalization) ?? b.EntropyNormalization,
                DynamicRangeDb = p.GetValue(dynamicRange) ?? b.DynamicRangeDb,
            };
            config.Validate();
            string outFolder = p.GetValue(output) ?? Path.Combine("results", config.Preset);
            string commandLine = "breastseg reproduce " + string.Join(' ', p.Tokens.Select(t => t.Value));
            var console = CliConsole.For(stdout);
            ReproduceResult? result = null;
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx => result = ReproducePipeline.Run(config, outFolder, p.GetValue(dataFolder)!, commandLine, new SpectreProgress(ctx, console), cancel));
            PrintSummary(console, result!);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void PrintSummary(IAnsiConsole console, ReproduceResult result)
    {
        var table = new Table().AddColumns("model", "test masses", "mean Dice", "median Dice", "95% CI");
        foreach (var m in result.Table.Models)
            table.AddRow(m.Model, m.Cases.ToString(CultureInfo.InvariantCulture), F(m.MeanDice), F(m.MedianDice), $"{F(m.CiLow)}-{F(m.CiHigh)}");
        console.Write(table);
        foreach (string line in ResultsFindings.Shows(result.Table)) console.WriteLine(line);
        console.WriteLine("study (its patient data): B-mode mean 0.53 / median 0.59, entropy mean 0.60 / median 0.71 (81 test masses)");
        console.WriteLine($"report: {result.ReportPath} ({result.Duration.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min)");
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);

    private sealed class SpectreProgress(ProgressContext ctx, IAnsiConsole console) : IReproduceProgress
    {
        public IReproduceTask Begin(string description, double total) => new SpectreTask(ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total)));

        public void Note(string line) => console.MarkupLine(Markup.Escape(line));
    }

    private sealed class SpectreTask(ProgressTask task) : IReproduceTask
    {
        public void Report(double done, string? description = null)
        {
            task.Value = done;
            if (description is not null) task.Description = Markup.Escape(description);
        }

        public void Complete() => task.Value = task.MaxValue;
    }
}
