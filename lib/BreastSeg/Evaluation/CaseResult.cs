namespace BreastSeg.Evaluation;

/// <summary>Scores of one view, on the RF grid.</summary>
/// <param name="CaseIndex">Row of the case in the cohort (0-based).</param>
/// <param name="CaseId">Cohort id label.</param>
/// <param name="View">View (1-based, as rf1 / rf2).</param>
/// <param name="Malignant">Pathology class.</param>
/// <param name="Dice">Dice coefficient.</param>
/// <param name="IoU">Intersection over union.</param>
/// <param name="Precision">Precision (positive predictive value).</param>
/// <param name="Recall">Recall (sensitivity).</param>
/// <param name="Hd95Mm">95th-percentile symmetric Hausdorff distance (mm); +infinity when exactly one mask is empty.</param>
/// <param name="ReferenceAreaMm2">Lesion area of the reference mask (mm²).</param>
/// <param name="PredictedAreaMm2">Predicted lesion area (mm²).</param>
public sealed record CaseResult(int CaseIndex, string CaseId, int View, bool Malignant, double Dice, double IoU,
    double Precision, double Recall, double Hd95Mm, double ReferenceAreaMm2, double PredictedAreaMm2);
