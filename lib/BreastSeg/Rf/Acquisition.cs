namespace BreastSeg.Rf;

/// <summary>
/// How a frame was sampled. Defaults are those of the OASBUD acquisition (Ultrasonix SonixTouch, L14-5/38 probe):
/// 40 MHz sampling, 1540 m/s, a 38 mm aperture spread over the frame's scan lines, 10 MHz centre frequency and about
/// 70% fractional bandwidth.
/// </summary>
/// <param name="SamplingFrequencyHz">RF sampling frequency (Hz).</param>
/// <param name="SoundSpeed">Assumed speed of sound (m/s).</param>
/// <param name="ApertureMm">Lateral extent covered by the scan lines (mm); the line pitch is ApertureMm / lines.</param>
/// <param name="CenterFrequencyHz">Probe centre frequency (Hz).</param>
/// <param name="FractionalBandwidth">-6 dB pulse-echo fractional bandwidth (0..2, 0.7 = 70%).</param>
public sealed record Acquisition(
    double SamplingFrequencyHz = 40e6,
    double SoundSpeed = 1540,
    double ApertureMm = 38,
    double CenterFrequencyHz = 10e6,
    double FractionalBandwidth = 0.7)
{
    /// <summary>The OASBUD acquisition.</summary>
    public static Acquisition Oasbud { get; } = new();

    /// <summary>Axial distance between two RF samples (mm): c / (2 fs).</summary>
    public double AxialSpacingMm => SoundSpeed / (2 * SamplingFrequencyHz) * 1e3;

    /// <summary>Distance between neighbouring scan lines (mm) for a frame of <paramref name="lines"/> lines.</summary>
    public double LinePitchMm(int lines) => ApertureMm / lines;
}
