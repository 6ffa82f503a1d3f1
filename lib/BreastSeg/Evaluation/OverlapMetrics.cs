namespace BreastSeg.Evaluation;

/// <summary>Overlap scores of a binary prediction against a binary reference.</summary>
/// <param name="Dice">2 TP / (2 TP + FP + FN).</param>
/// <param name="IoU">TP / (TP + FP + FN) (Jaccard).</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Recall">TP / (TP + FN) (sensitivity).</param>
/// <param name="TruePositives">Pixels in both.</param>
/// <param name="FalsePositives">Pixels predicted only.</param>
/// <param name="FalseNegatives">Reference pixels missed.</param>
public sealed record OverlapScores(double Dice, double IoU, double Precision, double Recall, long TruePositives, long FalsePositives, long FalseNegatives);

/// <summary>
/// Dice, IoU, precision and recall with MONAI's empty-reference convention: when the reference is empty, Dice and IoU
/// are NaN with <c>ignoreEmpty</c> (MONAI's default; NaN cases drop out of means), otherwise 1 if the prediction is
/// empty too and 0 if not. Precision is NaN when nothing is predicted, recall NaN when the reference is empty.
/// </summary>
public static class OverlapMetrics
{
    /// <summary>Scores of <paramref name="predicted"/> against <paramref name="reference"/> (same length, any layout).</summary>
    public static OverlapScores Compute(ReadOnlySpan<bool> predicted, ReadOnlySpan<bool> reference, bool ignoreEmpty = true)
    {
        if (predicted.Length != reference.Length) throw new ArgumentException($"prediction has {predicted.Length} pixels, reference {reference.Length}");
        long tp = 0, fp = 0, fn = 0;
        for (int k = 0; k < predicted.Length; k++)
        {
            if (predicted[k] && reference[k]) tp++;
            else if (predicted[k]) fp++;
            else if (reference[k]) fn++;
        }
        double dice, iou;
        if (tp + fn == 0)
        {
            double both = fp == 0 ? 1 : 0;
            dice = ignoreEmpty ? double.NaN : both;
            iou = ignoreEmpty ? double.NaN : both;
        }
        else
        {
            dice = 2.0 * tp / (2.0 * tp + fp + fn);
            iou = (double)tp / (tp + fp + fn);
        }
        double precision = tp + fp == 0 ? double.NaN : (double)tp / (tp + fp);
        double recall = tp + fn == 0 ? double.NaN : (double)tp / (tp + fn);
        return new OverlapScores(dice, iou, precision, recall, tp, fp, fn);
    }
}
