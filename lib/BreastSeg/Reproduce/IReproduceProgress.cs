namespace BreastSeg.Reproduce;

/// <summary>Where a reproduce run reports its progress (the CLI renders it with Spectre.Console).</summary>
public interface IReproduceProgress
{
    /// <summary>Starts a task of <paramref name="total"/> units; the returned handle reports units done.</summary>
    IReproduceTask Begin(string description, double total);

    /// <summary>A one-line message (a skipped step, a note on missing PNG export).</summary>
    void Note(string line);
}

/// <summary>One task of a reproduce run.</summary>
public interface IReproduceTask
{
    /// <summary>Sets the units done and, optionally, a new description.</summary>
    void Report(double done, string? description = null);

    /// <summary>Marks the task complete.</summary>
    void Complete();
}

/// <summary>Progress that goes nowhere (library callers that do not display progress).</summary>
public sealed class SilentProgress : IReproduceProgress, IReproduceTask
{
    /// <summary>The single instance.</summary>
    public static SilentProgress Instance { get; } = new();

    /// <inheritdoc />
    public IReproduceTask Begin(string description, double total) => this;

    /// <inheritdoc />
    public void Note(string line) { }

    /// <inheritdoc />
    public void Report(double done, string? description = null) { }

    /// <inheritdoc />
    public void Complete() { }
}
