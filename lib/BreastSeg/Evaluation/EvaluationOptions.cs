namespace BreastSeg.Evaluation;

/// <summary>How predictions are turned into masks and scored.</summary>
/// <param name="Threshold">Probability threshold (default 0.5).</param>
/// <param name="LargestComponent">Keep only the largest connected component.</param>
/// <param name="FillHoles">Fill holes inside the predicted mask.</param>
/// <param name="IgnoreEmpty">MONAI ignore_empty: Dice / IoU are NaN (left out of means) when the reference is empty.</param>
public sealed record EvaluationOptions(double Threshold = 0.5, bool LargestComponent = false, bool FillHoles = false, bool IgnoreEmpty = true);
