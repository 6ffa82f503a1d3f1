using System.Diagnostics;
using System.Globalization;
using BreastSeg.Reproduce;

namespace BreastSeg.Notebooks;

/// <summary>
/// Progress of a reproduce run as plain lines (a notebook cell's output, where Spectre.Console's live display does not
/// render): one line per started task, per new description (each training epoch) and per finished task with its time.
/// </summary>
/// <param name="write">Receives each line (default: the console).</param>
public sealed class LineProgress(Action<string>? write = null) : IReproduceProgress
{
    private readonly Action<string> _write = write ?? Console.WriteLine;

    /// <inheritdoc />
    public IReproduceTask Begin(string description, double total)
    {
        _write(description + "...");
        return new Task(description, _write);
    }

    /// <inheritdoc />
    public void Note(string line) => _write(line);

    private sealed class Task(string description, Action<string> write) : IReproduceTask
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string _description = description;

        public void Report(double done, string? description = null)
        {
            if (description is null || description == _description) return;
            _description = description;
            write("  " + description);
        }

        public void Complete() => write(string.Create(CultureInfo.InvariantCulture, $"  done in {_clock.Elapsed.TotalSeconds:0.0} s"));
    }
}
