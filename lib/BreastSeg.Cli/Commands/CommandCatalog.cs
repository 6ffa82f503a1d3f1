using System.CommandLine;

namespace BreastSeg.Cli.Commands;

/// <summary>Every verb of the CLI, in the order `--help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(TextWriter stdout)
    {
        yield return ReproduceCommand.Create(stdout);
        yield return InspectCommand.Create(stdout);
        yield return SimulateCommand.Create(stdout);
        yield return MapsCommand.Create(stdout);
        yield return NotebooksCommand.Create(stdout);
        yield return TrainCommand.Create(stdout);
        yield return EvaluateCommand.Create(stdout);
        yield return PredictCommand.Create(stdout);
        yield return ModelCommand.Create(stdout);
        yield return BenchCommand.Create(stdout);
        yield return FuzzCommand.Create(stdout);
    }
}
