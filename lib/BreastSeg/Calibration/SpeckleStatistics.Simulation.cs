using BreastSeg.Rf;
using BreastSeg.Simulation;

namespace BreastSeg.Calibration;

public static partial class SpeckleStatistics
{
    /// <summary>The homogeneous tissue of <see cref="SimulatedHomogeneousFrame"/> by default: fully developed speckle
    /// (20 Gaussian-amplitude scatterers per resolution cell), 0 dB, 0.5 dB/cm/MHz (a gelatin phantom's order of magnitude).</summary>
    public static TissueAcoustics HomogeneousTissue { get; } = new("homogeneous", 20, ScattererAmplitude.Gaussian, 0, 0.5);

    /// <summary>
    /// A frame of the kit's simulator (<see cref="RfSimulator"/>) of a homogeneous phantom on the grid of a real
    /// acquisition, to measure beside it: <paramref name="lines"/> lines over <paramref name="apertureMm"/> and
    /// <paramref name="samples"/> depth samples, every other setting from <paramref name="scanner"/> (default
    /// <see cref="ScannerSettings.Default"/>: the study's L14-5/38 settings, TGC, noise, int16). Defaults: the grid of
    /// the Ultrasonix files at hand (256 lines over 38 mm, 2864 samples = 55 mm), transmit focus at 18 mm (the middle of
    /// the 8-28 mm speckle range).
    /// </summary>
    /// <param name="seed">Seed of the scatterers and noise.</param>
    /// <param name="lines">Scan lines.</param>
    /// <param name="samples">Depth samples.</param>
    /// <param name="apertureMm">Lateral extent of the lines (mm).</param>
    /// <param name="focusDepthMm">Transmit focus depth (mm).</param>
    /// <param name="scanner">Probe and system settings to start from (its lines and aperture are replaced).</param>
    /// <param name="tissue">The phantom's tissue (default <see cref="HomogeneousTissue"/>).</param>
    public static RfFrame SimulatedHomogeneousFrame(int seed = 1, int lines = 256, int samples = 2864, double apertureMm = 38,
        double focusDepthMm = 18, ScannerSettings? scanner = null, TissueAcoustics? tissue = null)
    {
        var baseSettings = scanner ?? ScannerSettings.Default;
        var settings = baseSettings with { Lines = lines, Acquisition = baseSettings.Acquisition with { ApertureMm = apertureMm } };
        var phantom = SlicePhantom.Homogeneous(samples, lines, tissue ?? HomogeneousTissue);
        return RfSimulator.Simulate(phantom, settings, focusDepthMm, seed);
    }
}
