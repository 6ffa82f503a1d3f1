using System.Diagnostics;
using System.Globalization;
using BreastSeg.Figures;
using BreastSeg.Training;
using Plotly.NET;

namespace BreastSeg.Notebooks;

/// <summary>
/// Live training curves for a notebook: a Plotly chart (<see cref="TrainingCurvesFigure"/>: loss and validation Dice per
/// epoch) whose title gives the epoch, batch, running loss and validation Dice. In a notebook pass the Update method of
/// a displayed value (<c>display("...").Update</c>), so one output is redrawn in place. Every finished epoch redraws;
/// batches redraw at most every <paramref name="batchInterval"/> (default 1 s), since each redraw sends the whole chart.
/// Reports arrive on the training thread, in order.
/// </summary>
/// <param name="model">Model name shown in the title and legend.</param>
/// <param name="show">Receives the current chart.</param>
/// <param name="batchInterval">Least time between two batch redraws; <see cref="TimeSpan.Zero"/> redraws every batch.</param>
public sealed class LiveTrainingCurves(string model, Action<object> show, TimeSpan? batchInterval = null) : IProgress<TrainingProgress>
{
    private readonly List<EpochReport> _history = [];
    private readonly TimeSpan _interval = batchInterval ?? TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sinceShown = new();

    /// <summary>
    /// Live curves shown under the running cell, redrawn in place. The display is made here rather than with the
    /// kernel's display(...).Update: in the pinned kernel that pair announces the display under one id and updates it
    /// under another, so every front end appended the first update as a second output; and a display that starts as
    /// text is updated as text only (no chart).
    /// </summary>
    public static LiveTrainingCurves InCell(string model, TimeSpan? batchInterval = null)
    {
        var context = Microsoft.DotNet.Interactive.KernelInvocationContext.Current
            ?? throw new InvalidOperationException("LiveTrainingCurves.InCell runs inside a notebook cell");
        var first = new LiveTrainingCurves(model, _ => { }).Chart($"{model}: starting");
        var formatted = Microsoft.DotNet.Interactive.Formatting.FormattedValue.CreateManyFromObject(first, Html, Plain);
        var shown = new Microsoft.DotNet.Interactive.Formatting.DisplayedValue(first, formatted);
        context.Publish(new Microsoft.DotNet.Interactive.Events.DisplayedValueProduced(first, context.Command, formatted, shown.DisplayId));
        return new LiveTrainingCurves(model, shown.Update, batchInterval);
    }

    private const string Html = "text/html";
    private const string Plain = "text/plain";

    /// <summary>The finished epochs so far.</summary>
    public IReadOnlyList<EpochReport> History => _history;

    /// <summary>The status line of the last report (also the chart's title).</summary>
    public string Status { get; private set; } = "";

    /// <summary>Starts from the epochs of an earlier, interrupted run (a resume shows the whole history).</summary>
    public LiveTrainingCurves WithHistory(IEnumerable<EpochReport> earlier)
    {
        _history.AddRange(earlier);
        return this;
    }

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        if (value.Finished is { } e)
        {
            _history.RemoveAll(h => h.Epoch >= e.Epoch);
            _history.Add(e);
        }
        var inv = CultureInfo.InvariantCulture;
        Status = value.Finished is { } f
            ? string.Format(inv, "{0}: epoch {1}/{2} done: training loss {3:0.000}, validation loss {4:0.000}, validation Dice {5:0.000}",
                model, f.Epoch, value.Epochs, f.TrainLoss, f.ValidationLoss, f.ValidationDice)
            : string.Format(inv, "{0}: epoch {1}/{2}, batch {3}/{4}: running loss {5:0.000}", model, value.Epoch, value.Epochs, value.Batch, value.Batches, value.RunningLoss);
        if (value.Finished is null && _sinceShown.IsRunning && _sinceShown.Elapsed < _interval) return;
        _sinceShown.Restart();
        show(Chart(Status));
    }

    /// <summary>
    /// Shows the whole history of <paramref name="result"/>: after a run that resumed a finished checkpoint (no epoch
    /// trained, so no report arrived) the chart still shows every epoch. Returns the chart shown.
    /// </summary>
    public GenericChart Show(TrainingResult result)
    {
        _history.Clear();
        _history.AddRange(result.History);
        var inv = CultureInfo.InvariantCulture;
        Status = result.History.Count == 0 ? $"{model}: no epochs" : string.Format(inv,
            "{0}: {1} epochs{2}, best validation Dice {3:0.000} (epoch {4})", model, result.History.Count,
            result.ResumedFromEpoch > 0 ? $" (resumed after epoch {result.ResumedFromEpoch})" : "", result.BestValidationDice, result.BestEpoch);
        var chart = Chart(Status);
        show(chart);
        return chart;
    }

    /// <summary>The curves so far (training and validation loss, validation Dice per epoch) under <paramref name="title"/>.</summary>
    public GenericChart Chart(string? title = null)
    {
        var metrics = _history.Select(h => new EpochMetrics(h.Epoch, h.TrainLoss, h.ValidationLoss, h.ValidationDice)).ToList();
        var chart = TrainingCurvesFigure.Create([new TrainingHistory(model, metrics, "Dice + BCE loss")]);
        GenericChart.getLayout(chart).SetProperty("title", PlotlyBuilder.Title(title ?? $"{model}: training curves"));
        return chart;
    }
}
