using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>
/// What cohort to simulate. Defaults: the study's 269 masses, two perpendicular views each, 52% malignant as in OASBUD
/// (52 of 100), 10% cysts (benign), clinical contrast.
/// </summary>
public sealed record CohortOptions
{
    /// <summary>Number of cases (masses).</summary>
    public int Cases { get; init; } = 269;

    /// <summary>Master seed; case i uses seeds derived from (seed, i) only.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Views per case: 1, or 2 (the second a perpendicular slice through the same mass).</summary>
    public int Views { get; init; } = 2;

    /// <summary>Fraction of malignant cases (exact up to rounding).</summary>
    public double MalignantFraction { get; init; } = 0.52;

    /// <summary>Fraction of cysts (counted among the benign cases).</summary>
    public double CystFraction { get; init; } = 0.10;

    /// <summary>How masses differ from their surroundings.</summary>
    public MassContrast Contrast { get; init; } = MassContrast.Clinical;

    /// <summary>Version of the frozen calibration (<see cref="CohortCalibration"/>) the cohort is drawn from; recorded
    /// in the sidecar so a cohort of another version is never reused.</summary>
    public int CalibrationVersion { get; init; } = CohortCalibration.Current.Version;

    /// <summary>Probe and system.</summary>
    public ScannerSettings Scanner { get; init; } = ScannerSettings.Default;
}
