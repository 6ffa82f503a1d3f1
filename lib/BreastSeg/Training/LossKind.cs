namespace BreastSeg.Training;

/// <summary>Training losses.</summary>
public enum LossKind
{
    /// <summary>Soft Dice (MONAI DiceLoss, sigmoid=True).</summary>
    Dice,
    /// <summary>Binary cross-entropy with logits (mean over pixels).</summary>
    Bce,
    /// <summary>Soft Dice + BCE (MONAI DiceCELoss with lambda_dice = lambda_ce = 1, sigmoid).</summary>
    DiceBce,
}
