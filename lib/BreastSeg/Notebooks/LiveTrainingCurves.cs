using System.Globalization;
using BreastSeg.Notebooks.Display;
using BreastSeg.Training;

namespace BreastSeg.Notebooks;

/// <summary>
/// Live training progress for a notebook: after every batch and epoch, <paramref name="show"/> receives a loss plot
/// whose title gives the epoch, batch, running loss and validation Dice. In a notebook pass the Update method of a
/// displayed value (<c>display("...").Update</c>), so one output is redrawn in place. Reports arrive on the
/// training thread, in order.
/// </summary>
/// <param name="model">Model name shown in the title.</param>
/// <param name="show">Receives the current plot.</param>
public sealed class LiveTrainingCurves(string model, Action<object> show) : IProgress<TrainingProgress>
{
    private readonly List<EpochReport> _history = [];

    /// <summary>The finished epochs so far.</summary>
    public IReadOnlyList<EpochReport> History => _history;

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        if (value.Finished is { } e) _history.Add(e);
        var inv = CultureInfo.InvariantCulture;
        string status = value.Finished is { } f
            ? string.Format(inv, "epoch {0}/{1} done: training loss {2:0.000}, validation loss {3:0.000}, validation Dice {4:0.000}",
                f.Epoch, value.Epochs, f.TrainLoss, f.ValidationLoss, f.ValidationDice)
            : string.Format(inv, "epoch {0}/{1}, batch {2}/{3}: running loss {4:0.000}", value.Epoch, value.Epochs, value.Batch, value.Batches, value.RunningLoss);
        show(Plot($"{model}: {status}"));
    }

    /// <summary>Training and validation loss per epoch (Dice + BCE).</summary>
    public LinePlot Plot(string? title = null)
    {
        var epochs = _history.Select(h => (double)h.Epoch).ToArray();
        return new LinePlot(title ?? $"{model}: loss per epoch", "epoch", "loss")
            .Add("training", epochs, _history.Select(h => h.TrainLoss).ToArray())
            .Add("validation", epochs, _history.Select(h => h.ValidationLoss).ToArray());
    }
}
