namespace BreastSeg.Simulation.Phantom;

/// <summary>A sinusoidal undulation of a layer interface: amplitude * sin(2 pi x / wavelength + phase) (mm).</summary>
/// <param name="AmplitudeMm">Amplitude (mm).</param>
/// <param name="WavelengthMm">Wavelength (mm).</param>
/// <param name="Phase">Phase (radians).</param>
public sealed record Undulation(double AmplitudeMm, double WavelengthMm, double Phase);

/// <summary>A Cooper's ligament: a quadratic Bezier curve from the fibroglandular surface towards the skin (mm).</summary>
/// <param name="BaseLateralMm">Lateral position where it leaves the fibroglandular layer.</param>
/// <param name="ControlLateralMm">Lateral position of the Bezier control point.</param>
/// <param name="ControlDepthMm">Depth of the Bezier control point.</param>
/// <param name="TopLateralMm">Lateral position where it meets the skin.</param>
/// <param name="ThicknessMm">Band thickness (mm).</param>
public sealed record Ligament(double BaseLateralMm, double ControlLateralMm, double ControlDepthMm, double TopLateralMm, double ThicknessMm);

/// <summary>A fat lobule embedded in the fibroglandular layer: an ellipse (mm, degrees).</summary>
/// <param name="LateralMm">Centre, lateral.</param>
/// <param name="DepthMm">Centre, depth.</param>
/// <param name="SemiWidthMm">Semi-axis along the rotated lateral direction.</param>
/// <param name="SemiHeightMm">Semi-axis along the rotated depth direction.</param>
/// <param name="AngleDeg">Rotation (degrees).</param>
public sealed record FatLobule(double LateralMm, double DepthMm, double SemiWidthMm, double SemiHeightMm, double AngleDeg);

/// <summary>
/// The layers of one breast slice under the probe: skin, subcutaneous fat, fibroglandular tissue, retromammary fat and
/// pectoralis muscle, with undulating interfaces, Cooper's ligaments, fat lobules and muscle striations.
/// </summary>
/// <param name="SkinMm">Skin thickness (mm).</param>
/// <param name="SubcutaneousFatMm">Mean subcutaneous fat thickness (mm).</param>
/// <param name="FibroglandularMm">Mean fibroglandular thickness (mm).</param>
/// <param name="RetromammaryFatMm">Mean retromammary fat thickness (mm); the muscle lies below.</param>
/// <param name="FatGlandInterface">Undulation of the subcutaneous fat / fibroglandular interface.</param>
/// <param name="GlandFatInterface">Undulation of the fibroglandular / retromammary fat interface.</param>
/// <param name="FasciaInterface">Undulation of the pectoral fascia.</param>
/// <param name="Ligaments">Cooper's ligaments.</param>
/// <param name="FatLobules">Fat lobules in the fibroglandular layer.</param>
/// <param name="MuscleStriationSpacingMm">Spacing of the echogenic striations of the muscle (mm).</param>
/// <param name="MuscleStriationSlope">Slope of the striations (depth per lateral mm).</param>
public sealed record BreastAnatomy(
    double SkinMm, double SubcutaneousFatMm, double FibroglandularMm, double RetromammaryFatMm,
    IReadOnlyList<Undulation> FatGlandInterface, IReadOnlyList<Undulation> GlandFatInterface, IReadOnlyList<Undulation> FasciaInterface,
    IReadOnlyList<Ligament> Ligaments, IReadOnlyList<FatLobule> FatLobules,
    double MuscleStriationSpacingMm, double MuscleStriationSlope)
{
    /// <summary>Milk ducts of this slice, in the fibroglandular layer.</summary>
    public IReadOnlyList<Duct> Ducts { get; init; } = [];

    /// <summary>Depth of the subcutaneous fat / fibroglandular interface at lateral <paramref name="x"/> (mm).</summary>
    public double GlandTop(double x) => SkinMm + SubcutaneousFatMm + Wave(FatGlandInterface, x);

    /// <summary>Depth of the fibroglandular / retromammary fat interface (mm).</summary>
    public double GlandBottom(double x) => Math.Max(GlandTop(x) + 1, SkinMm + SubcutaneousFatMm + FibroglandularMm + Wave(GlandFatInterface, x));

    /// <summary>Depth of the pectoral fascia, the top of the muscle (mm).</summary>
    public double MuscleTop(double x) => Math.Max(GlandBottom(x) + 0.5, SkinMm + SubcutaneousFatMm + FibroglandularMm + RetromammaryFatMm + Wave(FasciaInterface, x));

    /// <summary>Point of ligament <paramref name="l"/> at curve parameter <paramref name="t"/> in [0, 1] (lateral, depth; mm).</summary>
    public (double X, double Z) LigamentPoint(Ligament l, double t)
    {
        double z0 = GlandTop(l.BaseLateralMm), z2 = SkinMm + 0.3;
        double u = 1 - t;
        return (u * u * l.BaseLateralMm + 2 * u * t * l.ControlLateralMm + t * t * l.TopLateralMm,
                u * u * z0 + 2 * u * t * l.ControlDepthMm + t * t * z2);
    }

    private static double Wave(IReadOnlyList<Undulation> u, double x)
    {
        double s = 0;
        foreach (var w in u) s += w.AmplitudeMm * Math.Sin(2 * Math.PI * x / w.WavelengthMm + w.Phase);
        return s;
    }
}
