using BreastSeg.Models;
using BreastSeg.Training;
using static TorchSharp.torch;

namespace BreastSeg.Evaluation;

/// <summary>How predictions are turned into masks and scored.</summary>
/// <param name="Threshold">Probability threshold (default 0.5).</param>
/// <param name="LargestComponent">Keep only the largest connected component.</param>
/// <param name="FillHoles">Fill holes inside the predicted mask.</param>
/// <param name="IgnoreEmpty">MONAI ignore_empty: Dice / IoU are NaN (left out of means) when the reference is empty.</param>
public sealed record EvaluationOptions(double Threshold = 0.5, bool LargestComponent = false, bool FillHoles = false, bool IgnoreEmpty = true);

/// <summary>
/// Scores a network on samples on the RF grid: probabilities on the network grid are resampled bilinearly back to the
/// view's samples x lines grid, thresholded, optionally cleaned up, and compared with the original mask; HD95 uses the
/// RF grid spacing (axial sample spacing, line pitch) in mm.
/// </summary>
public static class SegmentationEvaluator
{
    /// <summary>Per-view results for <paramref name="samples"/> (inputs normalised with <paramref name="normalizer"/>).</summary>
    public static List<CaseResult> Evaluate(UNetBase net, IReadOnlyList<SegmentationSample> samples, ChannelNormalizer normalizer,
        EvaluationOptions? options = null, Device? device = null)
    {
        options ??= new EvaluationOptions();
        var results = new List<CaseResult>();
        if (samples.Count == 0) return results;
        int size = samples[0].Size;
        var probabilities = SegmentationPredictor.Probabilities(net, samples.Select(normalizer.Apply).ToList(), size, device: device);
        for (int i = 0; i < samples.Count; i++)
            results.Add(Score(samples[i], probabilities[i], options));
        return results;
    }

    /// <summary>Scores one view from its network-grid probabilities.</summary>
    public static CaseResult Score(SegmentationSample sample, float[] probabilities, EvaluationOptions options) =>
        ScoreOnGrid(sample, ProbabilitiesOnGrid(sample, probabilities), options);

    /// <summary>Network-grid probabilities resampled bilinearly to the view's RF grid (column-major samples x lines).</summary>
    public static double[] ProbabilitiesOnGrid(SegmentationSample sample, float[] probabilities) =>
        GridResampler.BilinearToGrid(probabilities, sample.Size, sample.Size, sample.GridMask.Samples, sample.GridMask.Lines);

    /// <summary>Scores one view from probabilities already on its RF grid; <paramref name="hd95"/> false skips the
    /// (costlier) HD95 and leaves it NaN.</summary>
    public static CaseResult ScoreOnGrid(SegmentationSample sample, double[] onGrid, EvaluationOptions options, bool hd95 = true)
    {
        var reference = sample.GridMask;
        int rows = reference.Samples, cols = reference.Lines;
        var predicted = PredictedMask(onGrid, rows, cols, options);
        var overlap = OverlapMetrics.Compute(predicted, reference.Data, options.IgnoreEmpty);
        double distance = hd95 ? SurfaceDistance.Hausdorff(predicted, reference.Data, rows, cols, sample.AxialSpacingMm, sample.LateralSpacingMm) : double.NaN;
        double pixelArea = sample.AxialSpacingMm * sample.LateralSpacingMm;
        return new CaseResult(sample.CaseIndex, sample.CaseId, sample.View + 1, sample.Malignant, overlap.Dice, overlap.IoU,
            overlap.Precision, overlap.Recall, distance, reference.Area * pixelArea, predicted.Count(b => b) * pixelArea);
    }

    /// <summary>Thresholded (>= threshold) and optionally post-processed mask, column-major rows x cols.</summary>
    public static bool[] PredictedMask(ReadOnlySpan<double> probabilities, int rows, int cols, EvaluationOptions options)
    {
        var mask = new bool[probabilities.Length];
        for (int k = 0; k < mask.Length; k++) mask[k] = probabilities[k] >= options.Threshold;
        if (options.LargestComponent) mask = MaskPostProcessing.LargestComponent(mask, rows, cols);
        if (options.FillHoles) mask = MaskPostProcessing.FillHoles(mask, rows, cols);
        return mask;
    }
}
