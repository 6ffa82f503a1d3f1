namespace BreastSeg.Simulation;

/// <summary>Distribution of the scatterer amplitudes of a tissue (all with unit mean square).</summary>
public enum ScattererAmplitude
{
    /// <summary>Zero-mean Gaussian amplitudes (Field II's convention): Rayleigh speckle at high density.</summary>
    Gaussian,
    /// <summary>Equal magnitudes (random polarity): less variable echoes at the same density (higher Nakagami m).</summary>
    Constant,
}

/// <summary>
/// Acoustic parameters of one tissue. Echogenicity and scatterer statistics are independent controls: the per-scatterer
/// amplitude is scaled so that the mean backscattered intensity depends on <see cref="EchogenicityDb"/> only, whatever
/// the density or amplitude distribution. So a mass can differ from its surroundings in statistics only (same
/// echogenicity, fewer scatterers per cell) or in echogenicity only (same density and distribution).
/// </summary>
/// <param name="Name">Tissue name ("fat", "fibroglandular", "mass", ...).</param>
/// <param name="ScatterersPerCell">Scatterer number density per resolution cell (see
/// <see cref="ScannerSettings.ResolutionCellMm2"/>): below about 10 pre-Rayleigh, above fully developed speckle; 0 is anechoic.</param>
/// <param name="Amplitude">Scatterer amplitude distribution.</param>
/// <param name="EchogenicityDb">Mean backscattered intensity relative to reference subcutaneous fat (dB).</param>
/// <param name="AttenuationDbPerCmMHz">Attenuation slope (dB/cm/MHz, one-way, linear in frequency).</param>
/// <param name="SoundSpeed">Speed of sound (m/s). Used only for the transmission and refraction loss where the beam
/// crosses the mass surface (edge shadows, <see cref="Phantom.EdgeShadow"/>); propagation and beamforming assume a
/// uniform c = 1540 m/s (no aberration), as the scanner's beamformer does.</param>
public sealed record TissueAcoustics(
    string Name,
    double ScatterersPerCell,
    ScattererAmplitude Amplitude,
    double EchogenicityDb,
    double AttenuationDbPerCmMHz,
    double SoundSpeed = 1540)
{
    /// <summary>Reference density (per cell) at which a tissue of 0 dB has the reference RF RMS.</summary>
    public const double ReferenceScatterersPerCell = 10;

    /// <summary>Attenuation slope in Np/(mm MHz).</summary>
    public double AttenuationNpPerMmMHz => AttenuationDbPerCmMHz / (20 / Math.Log(10)) / 10;
}
