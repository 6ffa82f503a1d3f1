using Xunit.Abstractions;
using BreastSeg.Simulation;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>Point-target resolution against the pulse-echo formulas.</summary>
public class ResolutionTests(ITestOutputHelper output)
{
    private static (double[] Env, int N) PointTarget(ScannerSettings scanner, double lateralMm, double depthMm, double focusMm)
    {
        int n = SamplesFor(depthMm + 5);
        var empty = new TissueAcoustics("water", 0, ScattererAmplitude.Gaussian, 0, 0);
        var phantom = SlicePhantom.Homogeneous(n, scanner.Lines, empty, [new PointReflector(lateralMm, depthMm, 1)]);
        return (EnvelopeOf(RfSimulator.Simulate(phantom, scanner, focusMm, 1)), n);
    }

    [Theory]
    [InlineData(0.0, 5.0)]
    [InlineData(0.013, 10.007)]
    [InlineData(-0.031, 17.3)]
    public void AxialFwhmIsPulseEchoResolution(double lateralMm, double depthMm)
    {
        var scanner = Bench(64);
        var (env, n) = PointTarget(scanner, lateralMm, depthMm, depthMm);
        int line = (int)Math.Round(lateralMm / scanner.Acquisition.LinePitchMm(64) + 31.5);
        var profile = env.Skip(line * n).Take(n).ToArray();
        double fwhmMm = Fwhm(profile) * scanner.Acquisition.AxialSpacingMm;
        double expected = 0.441 * 1540 / (0.7 * 10e6) * 1e3; // 0.441 c / (B f0) = 0.0970 mm
        output.WriteLine($"axial FWHM {fwhmMm * 1e3:F1} um, expected {expected * 1e3:F1} um");
        Assert.InRange(fwhmMm, 0.97 * expected, 1.03 * expected);
    }

    [Fact]
    public void LateralFwhmAtFocusIsAboutLambdaFNumber()
    {
        // Equal transmit and receive F-numbers: the reference's "lateral FWHM at focus about lambda F#".
        var scanner = Bench(128, focusing: true) with { TransmitFNumber = 2, ReceiveFNumber = 2 };
        var (env, n) = PointTarget(scanner, 0, 15, 15);
        int i = SamplesFor(15);
        var profile = Enumerable.Range(0, 128).Select(j => env[j * n + i]).ToArray();
        double fwhmMm = Fwhm(profile) * scanner.Acquisition.LinePitchMm(128);
        double lambdaF = 1540 / 10e6 * 1e3 * 2;
        output.WriteLine($"lateral FWHM {fwhmMm:F3} mm, lambda F# {lambdaF:F3} mm");
        Assert.InRange(fwhmMm, 0.93 * lambdaF, 1.07 * lambdaF);
    }

    [Fact]
    public void TransmitFocusNarrowsAndBrightensTheBeam()
    {
        var scanner = Bench(128, focusing: true) with { ReceiveFNumber = 4 };
        double Width(double depth, out double peak)
        {
            var (env, n) = PointTarget(scanner, 0, depth, 15);
            int i = SamplesFor(depth);
            var profile = Enumerable.Range(0, 128).Select(j => env[j * n + i]).ToArray();
            peak = profile.Max();
            return Fwhm(profile);
        }
        double atFocus = Width(15, out double peakFocus), away = Width(27, out double peakAway);
        Assert.True(away > 1.1 * atFocus, $"FWHM {away:F2} lines 12 mm past the focus vs {atFocus:F2} at it");
        Assert.True(peakAway < peakFocus, "the echo of a point target should be strongest at the focus");
    }
}
