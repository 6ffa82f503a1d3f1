using BreastSeg.Training;

namespace BreastSeg.Evaluation;

/// <summary>The probability threshold chosen on validation masses, and the curve it was chosen from.</summary>
/// <param name="Threshold">Chosen threshold.</param>
/// <param name="MeanValidationDice">Mean per-mass validation Dice at that threshold.</param>
/// <param name="Masses">Validation masses scored.</param>
/// <param name="LargestComponent">Whether largest-component post-processing was applied while choosing.</param>
/// <param name="Curve">Every candidate with its mean per-mass validation Dice, in candidate order.</param>
public sealed record ThresholdChoice(double Threshold, double MeanValidationDice, int Masses, bool LargestComponent,
    IReadOnlyList<(double Threshold, double MeanDice)> Curve);

/// <summary>
/// Chooses the probability threshold that maximises the mean per-mass Dice on validation masses (never test masses).
/// Ties (within 1e-12) go to the candidate nearest 0.5, then to the lower one, so a flat curve keeps the usual 0.5.
/// </summary>
public static class ThresholdSelection
{
    /// <summary>Default candidates: 0.05, 0.10, ..., 0.95.</summary>
    public static readonly IReadOnlyList<double> DefaultCandidates = Enumerable.Range(1, 19).Select(i => i / 20.0).ToArray();

    /// <summary>
    /// Chooses among <paramref name="candidates"/> given a function that scores every validation view at a threshold.
    /// </summary>
    public static ThresholdChoice Choose(IReadOnlyList<double> candidates, Func<double, IReadOnlyList<CaseResult>> evaluate, bool largestComponent)
    {
        if (candidates.Count == 0) throw new ArgumentException("no threshold candidates", nameof(candidates));
        if (candidates.Any(t => !(t > 0 && t < 1))) throw new ArgumentException("thresholds must lie in (0, 1)", nameof(candidates));
        var curve = new List<(double, double)>();
        int masses = 0;
        foreach (double t in candidates)
        {
            var dice = MassResults.Dice(MassResults.FromViews(evaluate(t)));
            masses = dice.Length;
            curve.Add((t, dice.Length > 0 ? dice.Average() : double.NaN));
        }
        var best = curve.Where(c => double.IsFinite(c.Item2)).ToList();
        if (best.Count == 0) throw new ArgumentException("no validation mass could be scored (empty references?)");
        double top = best.Max(c => c.Item2);
        var choice = best.Where(c => c.Item2 >= top - 1e-12).OrderBy(c => Math.Abs(c.Item1 - 0.5)).ThenBy(c => c.Item1).First();
        return new ThresholdChoice(choice.Item1, choice.Item2, masses, largestComponent, curve);
    }

    /// <summary>
    /// Chooses the threshold for validation <paramref name="samples"/> and their network-grid
    /// <paramref name="probabilities"/> (as <see cref="SegmentationPredictor.Probabilities"/> returns them): each view
    /// is resampled to its RF grid once, then thresholded at each candidate (with the post-processing of
    /// <paramref name="options"/>) and scored by Dice on the RF grid, as <see cref="SegmentationEvaluator"/> scores test views.
    /// </summary>
    public static ThresholdChoice Choose(IReadOnlyList<SegmentationSample> samples, IReadOnlyList<float[]> probabilities,
        EvaluationOptions? options = null, IReadOnlyList<double>? candidates = null)
    {
        if (samples.Count != probabilities.Count) throw new ArgumentException($"{samples.Count} samples but {probabilities.Count} probability maps");
        options ??= new EvaluationOptions();
        var onGrid = samples.Select((s, i) => SegmentationEvaluator.ProbabilitiesOnGrid(s, probabilities[i])).ToList();
        return Choose(candidates ?? DefaultCandidates, t =>
        {
            var at = options with { Threshold = t };
            return samples.Select((s, i) => SegmentationEvaluator.ScoreOnGrid(s, onGrid[i], at, hd95: false)).ToList();
        }, options.LargestComponent);
    }
}
