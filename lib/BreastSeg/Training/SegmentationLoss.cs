using BreastSeg.IO;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace BreastSeg.Training;

/// <summary>Segmentation losses on logits, with MONAI's conventions and option names.</summary>
public static class SegmentationLoss
{
    /// <summary>
    /// MONAI DiceLoss(sigmoid=True): p = sigmoid(logits); per sample and channel (or over the whole batch when
    /// <paramref name="batch"/>), 1 - (2 sum(p t) + smooth_nr) / (sum(p) + sum(t) + smooth_dr); mean over the rest.
    /// </summary>
    public static Tensor SoftDice(Tensor logits, Tensor target, double smoothNr = 1e-5, double smoothDr = 1e-5, bool batch = false)
    {
        using var scope = NewDisposeScope();
        var p = sigmoid(logits);
        long[] axes = batch ? [0, 2, 3] : [2, 3];
        var intersection = (p * target).sum(axes);
        var denominator = p.sum(axes) + target.sum(axes);
        var f = 1.0 - (2.0 * intersection + smoothNr) / (denominator + smoothDr);
        return f.mean().MoveToOuterDisposeScope();
    }

    /// <summary>Binary cross-entropy with logits, mean over all pixels (numerically stable form).</summary>
    public static Tensor Bce(Tensor logits, Tensor target) => F.binary_cross_entropy_with_logits(logits, target);

    /// <summary>The loss of kind <paramref name="kind"/>.</summary>
    public static Tensor Compute(LossKind kind, Tensor logits, Tensor target, bool diceBatch = false) => kind switch
    {
        LossKind.Dice => SoftDice(logits, target, batch: diceBatch),
        LossKind.Bce => Bce(logits, target),
        _ => SumOf(logits, target, diceBatch),
    };

    /// <summary>Parses "dice", "bce" or "dice+bce".</summary>
    public static LossKind Parse(string text, string origin = "Training.Loss") => text.Trim().ToLowerInvariant() switch
    {
        "dice" => LossKind.Dice,
        "bce" => LossKind.Bce,
        "dice+bce" or "dicebce" or "dicece" => LossKind.DiceBce,
        _ => throw new BreastSegInputException(origin, $"unknown loss '{text}' (use dice, bce or dice+bce)"),
    };

    private static Tensor SumOf(Tensor logits, Tensor target, bool diceBatch)
    {
        using var scope = NewDisposeScope();
        return (SoftDice(logits, target, batch: diceBatch) + Bce(logits, target)).MoveToOuterDisposeScope();
    }
}
