using System.Globalization;
using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Training;

/// <summary>The per-epoch CSV log of a run (rewritten whole and atomically after every epoch).</summary>
public static class TrainingLog
{
    /// <summary>File name of the log inside a run folder.</summary>
    public const string FileName = "log.csv";

    /// <summary>Writes <paramref name="history"/> as CSV: epoch, train_loss, val_loss, val_dice, lr, seconds, best.</summary>
    public static void Write(string path, IEnumerable<EpochReport> history)
    {
        var sb = new StringBuilder("epoch,train_loss,val_loss,val_dice,lr,seconds,best\n");
        foreach (var e in history)
            sb.Append(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:R},{e.ValidationLoss:R},{e.ValidationDice:R},{e.LearningRate:R},{e.Seconds:F3},{(e.IsBest ? 1 : 0)}\n");
        AtomicFile.WriteAllText(path, sb.ToString());
    }
}
