using System.CommandLine;
using System.Globalization;
using BreastSeg.Figures;
using BreastSeg.Cli.Options;
using BreastSeg.Reproduce;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg reproduce`: the study end to end (data, maps, split, models, evaluation, figures, report).</summary>
internal static class ReproduceCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "Cohort in the OASBUD layout (OASBUD.mat or a simulated cohort), or a folder of B-mode images with masks (BUSI layout or images/ + masks/); default: the simulated cohort in data/" };
        var preset = new Option<string>("--preset") { Description = "quick (minutes on a 2-core CPU), paper (full cohort, 128 px, 64 filters), busi (image folders: 128 px, 16 filters, about an hour) or tiny (tests)", DefaultValueFactory = _ => "quick" };
        var output = new Option<string?>("--out") { Description = "Results folder (default results/PRESET); re-running continues where it stopped" };
        var dataFolder = new Option<string>("--data-folder") { Description = "Where the default cohort and the map cache live", DefaultValueFactory = _ => "data" };
        var cases = new Option<int?>("--cases") { Description = "Cases of the default simulated cohort" };
        var cohortSeed = new Option<long?>("--cohort-seed") { Description = "Seed of the default simulated cohort" };
        var inputs = new Option<string?>("--inputs") { Description = "Models to train, comma-separated: bmode, entropy, nakagami, bmode+entropy (default bmode,entropy,bmode+entropy)" };
        var bootstrapSeed = new Option<int?>("--bootstrap-seed") { Description = "Seed of the bootstrap confidence intervals (default 1)" };
        var controls = new Option<string?>("--controls") { Description = "Control cohorts, comma-separated: null, statistics-only, echogenicity-only, or none (default all three; simulated data only)" };
        var controlCases = new Option<int?>("--control-cases") { Description = "Cases of each control cohort (quick preset 60)" };
        var controlInputs = new Option<string?>("--control-inputs") { Description = "Models trained on each control cohort (default bmode,entropy)" };
        var folds = new Option<int?>("--folds") { Description = "k-fold cross-validation by mass (k >= 2); default one split" };
        var seeds = new Option<string?>("--seeds") { Description = "Seeds, comma-separated: each sets the fold partition (with --folds) and the training seed; Dice per mass averaged over seeds" };
        var threshold = new Option<double?>("--threshold") { Description = "Fixed probability threshold; default: chosen per model on its validation masses" };
        var largest = new Option<bool>("--largest-component") { Description = "Keep only the largest connected component of each predicted mask" };
        var sweepCases = new Option<int?>("--sweep-cases") { Description = "Training/validation cases the entropy sweep scores, 0 = no sweep (quick preset 8)" };
        var flags = new ExperimentFlags();
        var dataFlags = new DataFlags();
        var command = new Command("reproduce", "Run the study end to end: maps, an attention U-Net per input, evaluation on shared test cases, figures and a report")
        {
            data, preset, output, dataFolder, cases, cohortSeed, inputs, bootstrapSeed, controls, controlCases, controlInputs, folds, seeds,
            threshold, largest, sweepCases, dataFlags.IncludeNormal,
        };
        foreach (var option in flags.All) command.Options.Add(option);
        command.SetAction((p, cancel) =>
        {
            var b = ReproduceConfig.ForPreset(p.GetValue(preset)!);
            var config = b with
            {
                Data = p.GetValue(data) ?? b.Data,
                CohortCases = p.GetValue(cases) ?? b.CohortCases,
                CohortSeed = p.GetValue(cohortSeed) ?? b.CohortSeed,
                Inputs = p.GetValue(inputs) is { } list ? ListSyntax.Split(list) : b.Inputs,
                BootstrapSeed = p.GetValue(bootstrapSeed) ?? b.BootstrapSeed,
                Controls = p.GetValue(controls) is { } c
                    ? c.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : ListSyntax.Split(c).Select(n => ControlCohorts.Parse(n, "Controls")).ToArray()
                    : b.Controls,
                ControlCases = p.GetValue(controlCases) ?? b.ControlCases,
                ControlInputs = p.GetValue(controlInputs) is { } ci ? ListSyntax.Split(ci) : b.ControlInputs,
                Folds = p.GetValue(folds) ?? b.Folds,
                Seeds = p.GetValue(seeds) is { } sd ? ListSyntax.Split(sd).Select(x => int.TryParse(x, System.Globalization.NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
                    ? v : throw new BreastSeg.IO.BreastSegInputException("Seeds", $"'{x}' is not an integer seed")).ToArray() : b.Seeds,
                Threshold = p.GetValue(threshold) ?? b.Threshold,
                LargestComponent = p.GetValue(largest) || b.LargestComponent,
                SweepCases = p.GetValue(sweepCases) ?? b.SweepCases,
                Experiment = flags.Apply(p, b.Experiment),
                IncludeNormal = p.GetValue(dataFlags.IncludeNormal),
            };
            config.Validate();
            string outFolder = p.GetValue(output) ?? Path.Combine("results", config.Preset);
            string commandLine = CommandLine.Of(p);
            var console = CliConsole.For(stdout);
            T WithProgress<T>(Func<IReproduceProgress, T> run)
            {
                T value = default!;
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx => value = run(new SpectreProgress(ctx, console)));
                return value;
            }
            if (config.Data is { } folder && Directory.Exists(folder))
            {
                PrintSummary(console, WithProgress(progress => ImageReproducePipeline.Run(config, outFolder, p.GetValue(dataFolder)!, commandLine, progress, cancel)));
                return Task.FromResult(0);
            }
            if (config.IncludeNormal) throw new BreastSeg.IO.BreastSegInputException("IncludeNormal", "applies to image folders only (--data DIR)");
            var result = WithProgress(progress => ReproducePipeline.Run(config, outFolder, p.GetValue(dataFolder)!, commandLine, progress, cancel));
            PrintSummary(console, result);
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

    private static void PrintSummary(IAnsiConsole console, ImageReproduceResult result)
    {
        var table = new Table().AddColumns("model", "class", "test cases", "mean Dice", "95% CI");
        foreach (var s in result.Summaries)
            table.AddRow(Markup.Escape(ImageReproduceReport.ModelLabel(s.Model)), s.Class, s.Dice.N.ToString(CultureInfo.InvariantCulture), F(s.Dice.Mean), $"{F(s.Dice.CiLow)}-{F(s.Dice.CiHigh)}");
        console.Write(table);
        console.WriteLine($"published (theirs, 256 px, 300 epochs, 3 random 70/30 splits): Attention U-Net {F(Images.BusiBenchmark.AttentionUNetDice)}, U-Net 0.770");
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
