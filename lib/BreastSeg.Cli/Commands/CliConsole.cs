using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>Spectre.Console bound to the CLI's stdout, and Ctrl+C as a cancellation token.</summary>
internal static class CliConsole
{
    public static IAnsiConsole For(TextWriter stdout) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });

    /// <summary>A token cancelled by Ctrl+C (the first press asks for a clean stop instead of killing the process).</summary>
    public static CancellationTokenSource CancelOnCtrlC(out Action unhook)
    {
        var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += handler;
        unhook = () => Console.CancelKeyPress -= handler;
        return cts;
    }
}
