namespace BreastSeg.Simulation.Phantom;

/// <summary>
/// A milk duct in one slice: a fluid-filled tube with echogenic walls. Cut along its length it is a band of constant
/// diameter whose centreline bows by <paramref name="SagittaMm"/>; cut across it is an ellipse.
/// </summary>
/// <param name="LateralMm">Centre, lateral (mm).</param>
/// <param name="DepthMm">Centre, depth (mm).</param>
/// <param name="AngleDeg">Tilt of the long axis from the lateral direction (degrees, positive = deeper to the right).</param>
/// <param name="LengthMm">Visible length along the axis (mm); 0 for a cross-section.</param>
/// <param name="DiameterMm">Lumen diameter (mm).</param>
/// <param name="SagittaMm">Bow of the centreline at its middle (mm), or, for a cross-section, the ellipse's
/// width / height ratio minus 1 (an oblique cut).</param>
/// <param name="WallDb">Peak echo of the wall where it faces the beam, relative to reference fat (dB).</param>
public sealed record Duct(double LateralMm, double DepthMm, double AngleDeg, double LengthMm, double DiameterMm, double SagittaMm, double WallDb)
{
    /// <summary>Whether this is a cross-section (an ellipse) rather than a longitudinal cut.</summary>
    public bool IsCrossSection => LengthMm <= 0;
}
