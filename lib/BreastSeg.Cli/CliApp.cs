using System.CommandLine;
using BreastSeg.IO;

namespace BreastSeg.Cli;

/// <summary>The `breastseg` command: builds the verb tree and maps bad input to one stderr line and exit code 2.</summary>
public static class CliApp
{
    /// <summary>Exit code for bad input (files, options).</summary>
    public const int BadInput = 2;

    /// <summary>Parses and runs; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = BuildRoot(stdout);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                stderr.WriteLine($"breastseg: {parse.Errors[0].Message}");
                return BadInput;
            }
            using var cap = parse.GetValue(MaxMemory) is { } text ? MemoryCap.Scope(MemoryCap.Parse(text)) : null;
            // Asynchronous invocation turns Ctrl+C / SIGTERM into the verbs' cancellation token, so long work stops
            // between units of work and keeps what is finished.
            var config = new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            };
            return parse.InvokeAsync(config).GetAwaiter().GetResult();
        }
        catch (BreastSegInputException e)
        {
            stderr.WriteLine($"breastseg: {OneLine(Describe(e))}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("breastseg: interrupted; finished work is kept, run the same command again to continue");
            return 130;
        }
    }

    /// <summary>The memory cap of every array read from a file (all verbs): see <see cref="MemoryCap"/>.</summary>
    private static readonly Option<string> MaxMemory = new("--max-memory")
    {
        Description = $"Most memory one array read from a file may take (2GB, 512MB, bytes); default a quarter of available memory, or {MemoryCap.EnvironmentVariable}",
        Recursive = true,
    };

    /// <summary>The verb tree. Each verb lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot(TextWriter stdout)
    {
        var root = new RootCommand("BreastSeg: ultrasonic entropy maps and attention U-Net segmentation of breast masses (Byra et al. 2020)");
        foreach (var command in Commands.CommandCatalog.All(stdout))
            root.Subcommands.Add(command);
        root.Options.Add(MaxMemory);
        return root;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    /// <summary>A library error in the CLI's terms: parameters named by their flags (<see cref="Options.ParameterFlags"/>).</summary>
    internal static string Describe(BreastSegInputException e) => e switch
    {
        Training.ExperimentMismatchException m =>
            $"{m.Origin}: holds another experiment: {Options.ParameterFlags.Name(m.Difference.Parameter)} was {m.Difference.Was}, now {m.Difference.Now}; use a new --out folder",
        _ when Options.ParameterFlags.FlagOf(e.Origin) is { } flag => $"{flag}: {e.Problem}",
        _ => e.Message,
    };
}
