using System.CommandLine;
using System.Globalization;
using BreastSeg.IO;
using BreastSeg.Notebooks;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg notebooks run [NAMES] [--quick] [--out DIR]`: runs notebooks headless in the real kernel.</summary>
internal static class NotebooksCommand
{
    public static Command Create(TextWriter stdout)
    {
        var names = new Argument<string[]>("names")
        {
            Description = "Notebooks to run: file names, unique prefixes (01) or .ipynb paths; default: every notebook in notebooks/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var quick = new Option<bool>("--quick") { Description = $"Quick mode: small data and few epochs (sets {NotebookKernel.QuickVariable}=1 for the kernel)" };
        var output = new Option<string?>("--out") { Description = "Folder for the executed copies with outputs (default: notebooks/executed)" };
        var cellTimeout = new Option<double>("--cell-timeout")
        {
            Description = "Longest a single cell may run (minutes) before the kernel is stopped and the notebook fails",
            DefaultValueFactory = _ => 20,
        };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build lib/BreastSeg (Release) first" };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Run the remaining notebooks after one fails" };
        var screenshots = new Option<bool>("--screenshots")
        {
            Description = "Then open each executed copy as a reader does (nbconvert HTML in headless Chromium, no network), count the charts drawn and write a full-page PNG to notebooks/screenshots/",
        };

        var run = new Command("run", "Run notebooks top to bottom in a fresh dotnet-interactive kernel each; stop at the first failing cell")
        {
            names, quick, output, cellTimeout, noBuild, keepGoing, screenshots,
        };
        run.SetAction((parse, cancellationToken) => RunAsync(stdout, parse.GetValue(names) ?? [], parse.GetValue(quick), parse.GetValue(output),
            parse.GetValue(cellTimeout), parse.GetValue(noBuild), parse.GetValue(keepGoing), parse.GetValue(screenshots), cancellationToken));
        return new Command("notebooks", "The kit's notebooks (notebooks/*.ipynb)") { run };
    }

    private static async Task<int> RunAsync(TextWriter stdout, string[] names, bool quick, string? output, double cellTimeoutMinutes,
        bool noBuild, bool keepGoing, bool screenshots, CancellationToken cancellationToken)
    {
        if (!(cellTimeoutMinutes > 0)) throw new BreastSegInputException("--cell-timeout", "must be a positive number of minutes");
        // Checked before any notebook runs: a missing nbconvert or browser should not cost a whole run first.
        if (screenshots && NotebookPages.Unavailable() is { } missing) throw new BreastSegInputException("--screenshots", missing);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        string? root = NotebookCatalog.FindRepositoryRoot(Directory.GetCurrentDirectory());
        string folder = root is null ? Directory.GetCurrentDirectory() : Path.Combine(root, NotebookCatalog.FolderName);
        var paths = NotebookCatalog.Select(folder, names);
        string outFolder = Path.GetFullPath(output ?? Path.Combine(folder, "executed"));

        if (!noBuild && root is not null)
        {
            console.MarkupLine("[grey]building lib/BreastSeg (Release) for the notebooks' #r ...[/]");
            if (await NotebookCatalog.BuildLibraryAsync(root, "Release", cancellationToken) is { } buildError)
            {
                console.WriteLine(buildError);
                console.MarkupLine("[red]the library does not build; the notebooks were not run[/]");
                return 1;
            }
        }

        var options = new NotebookRunOptions { Quick = quick, OutputFolder = outFolder, CellTimeout = TimeSpan.FromMinutes(cellTimeoutMinutes) };
        IReadOnlyList<NotebookRun> runs = [];
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = paths.ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => ctx.AddTask(Markup.Escape(Path.GetFileNameWithoutExtension(p)), autoStart: false));
                var progress = new InlineProgress<NotebookProgress>(p =>
                {
                    var task = tasks[p.Name];
                    if (!task.IsStarted) task.StartTask();
                    task.MaxValue = p.CodeCells;
                    task.Value = p.CodeCell - 1;
                    task.Description = Markup.Escape($"{p.Name}: cell {p.CodeCell}/{p.CodeCells}");
                });
                runs = await NotebookRunner.RunAllAsync(paths, options, keepGoing, progress, cancellationToken);
                foreach (var r in runs)
                {
                    var task = tasks[r.Name];
                    task.Description = Markup.Escape(r.Name) + (r.Succeeded ? " [green]ok[/]" : " [red]failed[/]");
                    task.Value = r.CellsRun;
                    task.StopTask();
                }
            });

        var table = new Table().AddColumns("notebook", "cells run", "time (s)", "kernel start (s)", "result");
        foreach (var r in runs)
            table.AddRow(Markup.Escape(r.Name), $"{r.CellsRun}/{r.CodeCells}", Seconds(r.Elapsed), Seconds(r.KernelStartup),
                r.Succeeded ? "[green]ok[/]" : r.Failure!.CellNumber == 0 ? "[red]kernel did not start[/]" : $"[red]failed at cell {r.Failure.CellNumber}[/]");
        console.Write(table);
        foreach (var r in runs.Where(r => !r.Succeeded))
        {
            console.MarkupLine($"[red]{Markup.Escape(r.Name)} failed at {Markup.Escape(r.Failure!.ToString())}[/]");
            console.WriteLine(r.Failure.Message);
        }
        console.MarkupLine($"executed copies: {Markup.Escape(outFolder)}");
        if (screenshots && runs.Any(r => r.Succeeded && r.ExecutedPath is not null))
        {
            string shots = Path.Combine(folder, "screenshots");
            var pages = await NotebookPages.ScreenshotAsync(runs.Where(r => r.Succeeded && r.ExecutedPath is not null).Select(r => r.ExecutedPath!).ToList(),
                shots, TimeSpan.FromMinutes(2), cancellationToken);
            var view = new Table().AddColumns("notebook", "charts drawn", "screenshot", "size (kB)");
            foreach (var p in pages)
                view.AddRow(Markup.Escape(Path.GetFileNameWithoutExtension(p.Notebook)),
                    p.ChartsDrawn == p.ChartsPresent ? $"{p.ChartsDrawn}/{p.ChartsPresent}" : $"[red]{p.ChartsDrawn}/{p.ChartsPresent}[/]",
                    Markup.Escape($"{Path.GetRelativePath(Directory.GetCurrentDirectory(), p.Screenshot!)} ({p.Width} x {p.Height} px)"),
                    (new FileInfo(p.Screenshot!).Length / 1024).ToString(CultureInfo.InvariantCulture));
            console.Write(view);
            if (pages.Any(p => p.ChartsDrawn != p.ChartsPresent))
            {
                console.MarkupLine("[red]some charts did not draw in the reader's view[/]");
                return 1;
            }
        }
        int notRun = paths.Count - runs.Count;
        if (notRun > 0) console.MarkupLine($"[yellow]{notRun} notebook(s) not run after the failure (use --keep-going)[/]");
        return runs.All(r => r.Succeeded) && notRun == 0 ? 0 : 1;
    }

    // Progress<T> posts to the thread pool, so reports can arrive out of order; the Spectre tasks are thread-safe.
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
