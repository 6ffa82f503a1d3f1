using System.CommandLine;
using BreastSeg.Fuzzing;
using BreastSeg.IO;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg fuzz --count N --seed S --out DIR [--formats mat5,mat7,mat73,rf,png]`: a seeded mutation
/// campaign over the readers, each mutated file read as `inspect` reads it, under a memory cap and a time limit.
/// Prints counts per format and outcome, the slowest case and peak memory; writes DIR/report.json and the files of
/// failed cases to DIR/failures/. Exit code 1 when any case crashed, timed out or went over the cap.</summary>
/// <remarks>The campaign runs in a child process whose GC heap is hard-limited (<c>DOTNET_GCHeapHardLimit</c>, at
/// the cap itself): a library the readers use (PureHDF) allocates on the word of a damaged structural size field before it
/// reads, and under the limit such an allocation fails at once, becoming a one-line refusal, instead of reserving
/// gigabytes.</remarks>
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
            long capBytes = MemoryCap.Parse(p.GetValue(cap)!, "--cap");
            if (Environment.GetEnvironmentVariable(HeapLimitVariable) is null)
                return Task.FromResult(RunInCappedChild(capBytes, p.Tokens.Select(t => t.Value), stdout));
            var options = new FuzzOptions(p.GetValue(count), p.GetValue(seed), p.GetValue(output)!, chosen,
                TimeSpan.FromSeconds(p.GetValue(timeout)), capBytes);
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

    private const string HeapLimitVariable = "DOTNET_GCHeapHardLimit";

    /// <summary>Runs this same `fuzz` command in a child process with the GC heap limited to the cap; its
    /// output is copied to <paramref name="stdout"/>, its progress goes to this process's stderr.</summary>
    private static int RunInCappedChild(long capBytes, IEnumerable<string> arguments, TextWriter stdout)
    {
        string? host = Environment.ProcessPath;
        if (host is null) throw new BreastSegInputException("fuzz", "cannot find the running executable to start the capped campaign process");
        var start = new System.Diagnostics.ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        // Started as `dotnet BreastSeg.Cli.dll` (or from a test host), run the CLI assembly through the dotnet host.
        if (!Path.GetFileNameWithoutExtension(host).Equals("BreastSeg.Cli", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add(typeof(FuzzCommand).Assembly.Location);
        }
        // The parsed tokens: the verb and its options, as given.
        foreach (string a in arguments) start.ArgumentList.Add(a);
        start.Environment[HeapLimitVariable] = $"0x{capBytes:X}";
        using var child = System.Diagnostics.Process.Start(start)!;
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null) stdout.WriteLine(line);
        child.WaitForExit();
        return child.ExitCode;
    }
}
