using BreastSeg.Cli;

namespace BreastSeg.Tests;

/// <summary>Runs the `breastseg` command in process, as the tests of every verb do.</summary>
internal static class CliRun
{
    /// <summary>Exit code, standard output and standard error of `breastseg ARGS`.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
