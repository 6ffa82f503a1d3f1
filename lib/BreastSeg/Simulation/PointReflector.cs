namespace BreastSeg.Simulation;

/// <summary>
/// A deterministic point scatterer (a wire target, or one element of a specular sheet such as the skin line, a
/// Cooper's ligament or a capsule).
/// </summary>
/// <param name="LateralMm">Lateral position (mm, 0 at the aperture centre).</param>
/// <param name="DepthMm">Depth (mm, 0 at the probe face).</param>
/// <param name="Amplitude">Peak echo amplitude at the focus without attenuation, relative to the RF RMS of
/// reference fat (linear).</param>
public readonly record struct PointReflector(double LateralMm, double DepthMm, double Amplitude);
