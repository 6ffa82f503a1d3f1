using System.CommandLine;
using BreastSeg.Fuzzing;
using BreastSeg.IO;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg fuzz --count N --seed S --out DIR [--formats mat5,mat7,mat73,rf,png]`: a seeded mutation
/// campaign over the readers, each mutated file read as `inspect` reads it, under a memory cap and a time limit.
/// Prints counts per format and outcome, the slowest case and peak memory; writes DIR/report.json and the files of
/// failed cases to DIR/failures/. Exit code 1 when any case crashed, timed out or went over the cap.</summary>
internal static class FuzzCommand
{
    public static Command Create(TextWriter stdout)
    {
        var count = new Option<int>("--count") { Description = "Number of mutated files", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the seed files and of every mutation; the same seed gives the same files", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder for report.json and the files of failed cases (failures/)", Required = true };
        var formats = new Option<string>("--formats") { Description = "Formats to mutate, comma-separated: mat5, mat7, mat73, rf, png", DefaultValueFactory = _ => "mat5,mat7,mat73,rf,png" };
        var timeout = new Option<double>("--timeout") { Description = "Longest one case may take (s)", DefaultValueFactory = _ => 30 };
        var cap = new Option<string>("--cap") { Description = "Memory cap while the mutated files are read (2GB, 256MB, bytes)", DefaultValueFactory = _ => "256MB" };
        var command = new Command("fuzz", "Mutate small valid files of every format (byte flips, truncations, extreme size fields, size bombs) and read each as inspect does, under a memory cap and a time limit")
        {
            count, seed, output, formats, timeout, cap,
        };
        command.SetAction((p, cancel) =>
        {
            var chosen = FuzzFormats.Parse(p.GetValue(formats)!)
                ?? throw new BreastSegInputException("--formats", $"'{p.GetValue(formats)}' is not a list of mat5, mat7, mat73, rf, png");
            if (!(p.GetValue(timeout) > 0)) throw new BreastSegInputException("--timeout", $"must be positive, got {p.GetValue(timeout)}");
            var options = new FuzzOptions(p.GetValue(count), p.GetValue(seed), p.GetValue(output)!, chosen,
                TimeSpan.FromSeconds(p.GetValue(timeout)), MemoryCap.Parse(p.GetValue(cap)!, "--cap"));
            int every = Math.Max(1, options.Count / 20);
            var progress = new InlineProgress<int>(done =>
            {
                if (done % every == 0 || done == options.Count) Console.Error.Write($"\rfuzz: {done}/{options.Count}");
            });
            var report = FuzzCampaign.Run(options, path => InspectCommand.Run(path, json: true, TextWriter.Null), progress, cancel);
            Console.Error.WriteLine();
            foreach (string line in report.SummaryLines()) stdout.WriteLine(line);
            stdout.WriteLine($"report: {Path.Combine(options.OutFolder, "report.json")}");
            return Task.FromResult(report.Failures.Count == 0 ? 0 : 1);
        });
        return command;
    }
}
