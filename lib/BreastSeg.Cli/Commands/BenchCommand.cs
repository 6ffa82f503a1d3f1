using System.CommandLine;
using System.Globalization;
using BreastSeg.Benchmarks;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>
/// `breastseg bench [--json] [--repeat N] [--threads N] [--quick]`: times simulation, envelope, B-mode, entropy and
/// Nakagami maps and an attention U-Net training step on this machine (see <see cref="CoreBenchmarks"/>).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object {machine, results} instead of a table" };
        var repeat = new Option<int>("--repeat") { Description = $"Timed runs per operation, after {CoreBenchOptions.DefaultWarmup} warm-up runs", DefaultValueFactory = _ => 5 };
        var threads = new Option<int?>("--threads") { Description = "Threads for the maps and the training step (default: 1 and all cores)" };
        var quick = new Option<bool>("--quick") { Description = "Small frame and network: checks the benchmark runs (seconds), not a measurement" };
        var peerOut = new Option<string?>("--peer-out") { Description = "Write the peer benchmark's inputs and the kit's in-process timings to this folder (used by tools/peer_bench.py)" };
        var command = new Command("bench", "Time the core operations (simulation, envelope, B-mode, entropy and Nakagami maps, a U-Net training step) on this machine")
        {
            json, repeat, threads, quick, peerOut,
        };
        command.SetAction((p, cancel) =>
        {
            var options = new CoreBenchOptions { Repeats = p.GetValue(repeat), Threads = p.GetValue(threads), Quick = p.GetValue(quick) };
            if (p.GetValue(peerOut) is { } folder)
            {
                options.Validate();
                PeerBenchmark.Export(folder, options.Repeats, options.Quick, name => stdout.WriteLine($"bench: {name}"));
                stdout.WriteLine($"bench: wrote {folder}");
                return Task.FromResult(0);
            }
            return Task.FromResult(Run(options, p.GetValue(json), stdout, cancel));
        });
        return command;
    }

    internal static int Run(CoreBenchOptions options, bool json, TextWriter stdout, CancellationToken cancel)
    {
        options.Validate();
        if (json)
        {
            stdout.WriteLine(CoreBenchmarks.Run(options, cancel: cancel).ToJson());
            return 0;
        }
        var console = CliConsole.For(stdout);
        // Redirected output has no terminal width (Spectre assumes 80), which would wrap the operation names.
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected) console.Profile.Width = Math.Max(console.Profile.Width, 140);
        var report = console.Status().Start("bench", ctx => CoreBenchmarks.Run(options,
            (name, t) => ctx.Status($"bench: {Markup.Escape(name)}, {t} thread{(t == 1 ? "" : "s")}"), cancel));
        var m = report.Machine;
        var table = new Table().AddColumns("operation", "size", "threads", "median (ms)", "best (ms)", "CPU (ms)", "limit (ms)", "CPU / limit");
        foreach (var column in table.Columns) column.NoWrap();
        foreach (int c in new[] { 2, 3, 4, 5, 6, 7 }) table.Columns[c].RightAligned();
        foreach (var r in report.Results)
            table.AddRow(Markup.Escape(r.Name), r.Size, r.Threads.ToString(CultureInfo.InvariantCulture), F(r.MedianMs), F(r.BestMs), F(r.CpuMs),
                r.LimitMs is { } limit ? F(limit) : "", r.CpuOverLimit is { } ratio ? ratio.ToString("F1", CultureInfo.InvariantCulture) : "");
        console.Write(table);
        stdout.WriteLine($"{m.Cores} cores, {m.Os}, {m.Runtime}, {m.Architecture}; median and best of {options.Repeats} after {options.Warmup} warm-up runs; CPU = median process CPU time per run");
        stdout.WriteLine($"limit = running-histogram floor on one core: 2 bin updates per window column per pixel at {CoreBenchmarks.NanosecondsPerUpdate:0.#} ns");
        stdout.WriteLine($"load average (1, 5, 15 min): {report.LoadBefore?.ToString() ?? "n/a"} at start, {report.LoadAfter?.ToString() ?? "n/a"} at end");
        if (options.Quick) stdout.WriteLine("bench: --quick uses small sizes; run without it for the real timings");
        return 0;
    }

    private static string F(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
