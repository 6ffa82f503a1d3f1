using BreastSeg.Simulation;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>Shadowing and enhancement arise from attenuation integrated along each line, nothing else.</summary>
public class PosteriorFeatureTests
{
    private const int Lines = 220;

    // Background tissue with a round inclusion (radius 4 mm at 12 mm depth), TGC and noise as the scanner's defaults.
    private static double PosteriorContrastDb(TissueAcoustics background, TissueAcoustics inclusion, out double expectedDb)
    {
        var scanner = Bench(Lines) with { TgcDbPerCmMHz = 0.45, NoiseDb = -50, QuantizeInt16 = true };
        int n = SamplesFor(30);
        double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(Lines);
        var labels = new byte[n * Lines];
        for (int j = 0; j < Lines; j++)
        for (int i = 0; i < n; i++)
        {
            double x = (j - (Lines - 1) / 2.0) * pitch, z = i * dz - 12;
            if (x * x + z * z <= 16) labels[j * n + i] = 1;
        }
        var frame = RfSimulator.Simulate(new SlicePhantom(n, Lines, labels, [background, inclusion]), scanner, 12, 7);
        var env = EnvelopeOf(frame);
        int i0 = SamplesFor(18), i1 = SamplesFor(24), centre = Lines / 2, side = (int)(6 / pitch);
        double below = Region(env, n, i0, i1, centre - 13, centre + 13).Average(v => v * v);
        double beside = Region(env, n, i0, i1, centre + side, centre + side + 16).Average(v => v * v);
        // Rough expectation: the extra two-way loss along the 8 mm chord at the centre frequency.
        double dAlpha = (inclusion.AttenuationDbPerCmMHz - background.AttenuationDbPerCmMHz) / 10;
        expectedDb = -2 * dAlpha * 10 * 8;
        return 10 * Math.Log10(below / beside);
    }

    [Fact]
    public void HighAttenuationMassCastsAPosteriorShadow()
    {
        // Same echogenicity and statistics as the background: only attenuation differs.
        var gland = new TissueAcoustics("gland", 15, ScattererAmplitude.Gaussian, 0, 0.75);
        double contrast = PosteriorContrastDb(gland, gland with { AttenuationDbPerCmMHz = 1.75 }, out double expected);
        // The downshift makes the loss smaller than the f0 estimate (-16 dB), but it must be a clear shadow.
        Assert.InRange(contrast, expected - 3, 0.5 * expected);
    }

    [Fact]
    public void CystShowsPosteriorEnhancement()
    {
        var gland = new TissueAcoustics("gland", 15, ScattererAmplitude.Gaussian, 0, 0.75);
        var cyst = new TissueAcoustics("cyst", 0, ScattererAmplitude.Gaussian, 0, 0.05);
        double contrast = PosteriorContrastDb(gland, cyst, out double expected);
        Assert.InRange(contrast, 0.5 * expected, expected + 3); // expected is +11 dB
    }
}
