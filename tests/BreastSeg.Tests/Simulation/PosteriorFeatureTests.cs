using Xunit.Abstractions;
using BreastSeg.Simulation;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>Shadowing and enhancement arise from attenuation integrated along each line, nothing else.</summary>
public class PosteriorFeatureTests(ITestOutputHelper output)
{
    private const int Lines = 220;

    // Background tissue with a round inclusion (radius 4 mm at 12 mm depth), TGC and noise as the scanner's defaults.
    private static double PosteriorContrastDb(TissueAcoustics background, TissueAcoustics inclusion, out double expectedDb)
    {
        var scanner = Bench(Lines) with { TgcDbPerCmMHz = 0.45, NoiseDb = -50, QuantizeInt16 = true };
        int n = SamplesFor(30);
        double pitch = scanner.Acquisition.LinePitchMm(Lines);
        var labels = Disc(n, scanner, 4, 12);
        var frame = RfSimulator.Simulate(new SlicePhantom(n, Lines, labels, [background, inclusion]), scanner, 12, 7);
        var env = EnvelopeOf(frame);
        int i0 = SamplesFor(18), i1 = SamplesFor(24), centre = Lines / 2, side = (int)(6 / pitch);
        double below = Region(env, n, i0, i1, centre - 13, centre + 13).Average(v => v * v);
        double beside = Region(env, n, i0, i1, centre + side, centre + side + 16).Average(v => v * v);
        // Expected: for a Gaussian spectrum the echo from behind a path of integrated attenuation A (Np/MHz) has
        // amplitude exp(-2 A f0 + 2 A^2 sigma_f^2); below and beside differ by the inclusion's excess along its chord
        // (about 7.9 mm averaged over the +-1 mm of lines), at a mean depth of 21 mm.
        double Np(double dbPerCmMHz) => dbPerCmMHz / 86.86;
        double sf = 0.7 * 10 / 2.3548;
        double LogAmp(double a) => -2 * a * 10 + 2 * a * a * sf * sf;
        double aBeside = Np(background.AttenuationDbPerCmMHz) * 21;
        double aBelow = aBeside + (Np(inclusion.AttenuationDbPerCmMHz) - Np(background.AttenuationDbPerCmMHz)) * 7.9;
        expectedDb = 20 / Math.Log(10) * (LogAmp(aBelow) - LogAmp(aBeside));
        return 10 * Math.Log10(below / beside);
    }

    [Fact]
    public void HighAttenuationMassCastsAPosteriorShadow()
    {
        // Same echogenicity and statistics as the background: only attenuation differs.
        var gland = new TissueAcoustics("gland", 15, ScattererAmplitude.Gaussian, 0, 0.75);
        double contrast = PosteriorContrastDb(gland, gland with { AttenuationDbPerCmMHz = 1.75 }, out double expected);
        output.WriteLine($"shadow {contrast:F1} dB, expected {expected:F1} dB");
        // -9.4 dB: the downshift makes it smaller than the loss at f0 (-16 dB), but it is a clear shadow.
        Assert.InRange(contrast, expected - 1.5, expected + 1.5);
        Assert.True(contrast < -6);
    }

    [Fact]
    public void CystShowsPosteriorEnhancement()
    {
        var gland = new TissueAcoustics("gland", 15, ScattererAmplitude.Gaussian, 0, 0.75);
        var cyst = new TissueAcoustics("cyst", 0, ScattererAmplitude.Gaussian, 0, 0.05);
        double contrast = PosteriorContrastDb(gland, cyst, out double expected);
        output.WriteLine($"enhancement {contrast:F1} dB, expected {expected:F1} dB");
        Assert.InRange(contrast, expected - 1.5, expected + 1.5); // +8.2 dB
        Assert.True(contrast > 5);
    }
}
