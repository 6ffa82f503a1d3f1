using System.CommandLine;
using System.Globalization;
using BreastSeg.Evaluation;
using BreastSeg.IO;
using BreastSeg.Training;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg evaluate`: scores a run's best model on a split, per view on the RF grid; CSV + summary, and an
/// optional paired Wilcoxon comparison with another evaluation's CSV.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var run = new Option<string>("--run") { Description = "Run folder written by `breastseg train`", Required = true };
        var split = new Option<string>("--split") { Description = "train, validation or test", DefaultValueFactory = _ => "test" };
        var threshold = new Option<double>("--threshold") { Description = "Probability threshold", DefaultValueFactory = _ => 0.5 };
        var largest = new Option<bool>("--largest-component") { Description = "Keep only the largest connected component" };
        var fill = new Option<bool>("--fill-holes") { Description = "Fill holes in predicted masks" };
        var compare = new Option<string?>("--compare") { Description = "Per-case CSV of another evaluation on the same cases: paired Wilcoxon test of Dice" };
        var seed = new Option<int>("--bootstrap-seed") { Description = "Seed of the bootstrap confidence intervals", DefaultValueFactory = _ => 1 };
        var all = new Option<bool>("--all") { Description = "Every case of the data (not one split): per-case Dice at each image's own size, the mean and the mean per class" };
        var data = new Option<string?>("--data") { Description = "With --all: another data set (image folder or cohort) to evaluate the run on" };
        var json = new Option<bool>("--json") { Description = "With --all: one JSON object (cases with id, class, dice; mean)" };
        var command = new Command("evaluate", "Dice, IoU, precision, recall and HD95 (mm) per view; per-case CSV and summary") { run, split, threshold, largest, fill, compare, seed, all, data, json };
        command.SetAction((p, cancel) =>
        {
            string runFolder = p.GetValue(run)!;
            string splitName = p.GetValue(split)!;
            var options = new EvaluationOptions(p.GetValue(threshold), p.GetValue(largest), p.GetValue(fill));
            if (options.Threshold is <= 0 or >= 1) throw new BreastSegInputException("threshold", $"must be in (0, 1), got {options.Threshold}");
            if (p.GetValue(all)) { EvaluateAllCases.Run(runFolder, p.GetValue(data), options, p.GetValue(json), p.GetValue(seed), stdout, cancel); return Task.FromResult(0); }
            if (p.GetValue(data) is not null || p.GetValue(json)) throw new BreastSegInputException("--data", "--data and --json go with --all");
            var manifest = RunManifest.Load(runFolder);
            int cases = manifest.Split.Get(splitName).Length;
            var console = CliConsole.For(stdout);
            var results = new List<CaseResult>();
            // Samples are rebuilt with the maps, size and normalisation the run was trained on (its run.json).
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"maps ({manifest.Experiment.Input}) and predictions of {cases} {splitName} cases", maxValue: Math.Max(1, cases));
                results = RunEvaluation.Evaluate(runFolder, splitName, options, casesDone: new InlineProgress<int>(n => task.Value = n), cancel: cancel);
            });
            string csv = Path.Combine(runFolder, $"evaluation-{splitName}.csv");
            EvaluationTable.SaveCsv(EvaluationTable.ToFrame(results), csv);

            var table = new Table().AddColumns("Score", "N", "Mean", "Median", "95% CI of mean", "Infinite");
            foreach (var s in EvaluationTable.Summarize(results, p.GetValue(seed)))
                table.AddRow(s.Metric, s.N.ToString(CultureInfo.InvariantCulture), F(s.Mean), F(s.Median), $"{F(s.CiLow)} - {F(s.CiHigh)}", s.Infinite.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
            stdout.WriteLine($"per-view results: {csv}");

            if (p.GetValue(compare) is { } other)
            {
                var otherResults = EvaluationCsv.Read(other);
                var w = EvaluationTable.Compare(results, otherResults, r => r.Dice);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"paired Wilcoxon signed-rank on Dice vs {other}: T = {w.Statistic}, p = {w.PValue:G4} ({(w.Exact ? "exact" : "normal approximation")}, n = {w.N}, zero differences dropped: {w.Zeros})"));
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
