using System.CommandLine;
using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg simulate`: writes a simulated cohort in the OASBUD layout plus its parameter sidecar.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var cases = new Option<int>("--cases") { Description = "Number of masses (cases)", DefaultValueFactory = _ => 269 };
        var seed = new Option<long>("--seed") { Description = "Master seed; the same seed gives identical files", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output MAT file (OASBUD layout); FILE.params.json is written beside it", Required = true };
        var views = new Option<int>("--views") { Description = "Views per case (perpendicular slices of the same mass); the OASBUD layout holds 2", DefaultValueFactory = _ => 2 };
        var contrast = new Option<string>("--contrast")
        {
            Description = "How masses differ from tissue: clinical, statistics-only (log-iso-echoic, different scatterer statistics), echogenicity-only, or null (masses invisible: the Dice of priors alone)",
            DefaultValueFactory = _ => "clinical",
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores); results do not depend on it", DefaultValueFactory = _ => 0 };
        var command = new Command("simulate", "Simulate a breast-mass RF cohort (OASBUD layout) with a sidecar of every phantom parameter")
        {
            cases, seed, output, views, contrast, threads,
        };
        command.SetAction((parse, cancel) =>
        {
            var options = new CohortOptions
            {
                Cases = Check(parse.GetValue(cases), "--cases", n => n >= 1, "must be at least 1"),
                Seed = parse.GetValue(seed),
                Views = Check(parse.GetValue(views), "--views", v => v == 2, "must be 2: the OASBUD layout holds exactly two views (rf1, rf2) per case"),
                Contrast = Reproduce.ControlCohorts.Parse(parse.GetValue(contrast)!, "--contrast"),
            };
            int workers = Check(parse.GetValue(threads), "--threads", t => t >= 0, "must be 0 (all cores) or more");
            string path = parse.GetValue(output)!;
            if (Directory.Exists(path)) throw new BreastSegInputException("--out", $"'{path}' is a directory, expected a file name");
            Run(options, path, workers, stdout, cancel);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Run(CohortOptions options, string path, int workers, TextWriter stdout, CancellationToken cancel)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var started = DateTime.UtcNow;
        IReadOnlyList<CaseDescription> descriptions = [];
        try
        {
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"simulating {options.Cases} cases x {options.Views} views", maxValue: options.Cases);
                descriptions = CohortFile.Generate(options, path, workers, () => task.Increment(1),
                    n => stdout.WriteLine($"resuming: {n} finished cases found in {CaseCache.DirectoryFor(path)}"), cancel);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BreastSegInputException("--out", $"cannot write '{path}': {e.Message}", e);
        }
        int malignant = descriptions.Count(d => d.Malignant), cysts = descriptions.Count(d => d.Mass.Class == MassClass.Cyst);
        stdout.WriteLine($"wrote {path} ({options.Cases} cases: {malignant} malignant, {options.Cases - malignant - cysts} benign solid, {cysts} cysts; class 1 = malignant) " +
                         $"and {CohortSidecar.PathFor(path)} in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
    }

    private static T Check<T>(T value, string option, Func<T, bool> ok, string problem) =>
        ok(value) ? value : throw new BreastSegInputException(option, $"{problem}, got {value}");
}
