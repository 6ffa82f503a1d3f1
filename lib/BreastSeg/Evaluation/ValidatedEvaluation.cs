using BreastSeg.Models;
using BreastSeg.Samples;
using static TorchSharp.torch;

namespace BreastSeg.Evaluation;

/// <summary>Test results scored at a threshold chosen on validation masses, with the choice to record.</summary>
/// <param name="Test">Per-view test results at the chosen threshold.</param>
/// <param name="Choice">The choice and the validation curve, or null when the threshold was fixed.</param>
/// <param name="Options">The options the test views were scored with.</param>
public sealed record ValidatedResults(List<CaseResult> Test, ThresholdChoice? Choice, EvaluationOptions Options);

/// <summary>
/// Evaluation with the probability threshold chosen on the validation masses (never the test masses): the network's
/// validation probabilities go to <see cref="ThresholdSelection.Choose(IReadOnlyList{SegmentationSample}, IReadOnlyList{float[]}, EvaluationOptions?, IReadOnlyList{double}?)"/>
/// with the same post-processing (largest component, hole filling) the test views then get.
/// </summary>
public static class ValidatedEvaluation
{
    /// <summary>
    /// Scores <paramref name="test"/> at the threshold that maximises mean per-mass Dice on <paramref name="validation"/>
    /// when <paramref name="chooseThreshold"/> is set, otherwise at <paramref name="options"/>' threshold.
    /// </summary>
    public static ValidatedResults Evaluate(UNetBase net, ChannelNormalizer normalizer, IReadOnlyList<SegmentationSample> validation,
        IReadOnlyList<SegmentationSample> test, EvaluationOptions options, bool chooseThreshold, Device? device = null)
    {
        ThresholdChoice? choice = null;
        if (chooseThreshold)
        {
            choice = ChooseThreshold(net, normalizer, validation, options, device);
            options = options with { Threshold = choice.Threshold };
        }
        return new ValidatedResults(SegmentationEvaluator.Evaluate(net, test, normalizer, options, device), choice, options);
    }

    /// <summary>The threshold that maximises mean per-mass Dice on <paramref name="validation"/>, with the
    /// post-processing of <paramref name="options"/>.</summary>
    public static ThresholdChoice ChooseThreshold(UNetBase net, ChannelNormalizer normalizer, IReadOnlyList<SegmentationSample> validation,
        EvaluationOptions options, Device? device = null)
    {
        if (validation.Count == 0) throw new ArgumentException("choosing the threshold needs validation masses", nameof(validation));
        var probabilities = SegmentationPredictor.Probabilities(net, validation.Select(normalizer.Apply).ToList(), validation[0].Size, device: device);
        return ThresholdSelection.Choose(validation, probabilities, options);
    }
}
