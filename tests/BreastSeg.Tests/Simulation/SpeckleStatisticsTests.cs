using Xunit.Abstractions;
using BreastSeg.Simulation;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>First-order envelope statistics against speckle theory.</summary>
public class SpeckleStatisticsTests(ITestOutputHelper output)
{
    // For Poisson scatterers with random phases and a Gaussian PSF h, E[I^2] = 2 E[I]^2 + n E[a^4] int |h|^4, so
    // m = 1 / (1 + (E[a^4] / E[a^2]^2) * 0.8825 / N), with N scatterers per cell of (axial FWHM x lateral FWHM) and
    // 0.8825 = (2.355^2 / 2 pi). Kurtosis ratio: 3 for Gaussian amplitudes, 1 for constant ones. This reproduces the
    // reference table (Gaussian: N = 1 -> 0.27, 10 -> 0.79; constant: 1 -> 0.53).
    private static double TheoreticalM(double perCell, ScattererAmplitude a) =>
        1 / (1 + (a == ScattererAmplitude.Gaussian ? 3 : 1) * 4 * Math.Log(2) * 2 / (2 * Math.PI) / perCell);

    private static List<double> HomogeneousEnvelope(double perCell, ScattererAmplitude amplitude, int lines, double depthMm, int seed)
    {
        var scanner = Bench(lines);
        var tissue = new TissueAcoustics("test", perCell, amplitude, 0, 0);
        int n = SamplesFor(depthMm);
        var frame = RfSimulator.Simulate(SlicePhantom.Homogeneous(n, lines, tissue), scanner, depthMm / 2, seed);
        // Stay 1 mm clear of the frame's edges, where scatterers beyond the frame are missing.
        return Region(EnvelopeOf(frame), n, SamplesFor(1), n - SamplesFor(1), 14, lines - 14);
    }

    [Fact]
    public void FullyDevelopedSpeckleHasRayleighSnr()
    {
        var r = HomogeneousEnvelope(100, ScattererAmplitude.Gaussian, 200, 10, 11);
        double mean = r.Average(), sd = Math.Sqrt(r.Average(x => (x - mean) * (x - mean)));
        output.WriteLine($"SNR {mean / sd:F3}, m {NakagamiM(r):F3}");
        // Rayleigh: sqrt(pi / (4 - pi)) = 1.913; at 100 per cell m = 0.974 lowers it by about 1%.
        Assert.InRange(mean / sd, 1.84, 1.97);
        Assert.InRange(NakagamiM(r), 0.85, 1.1); // moment estimate, about 5% standard error here
    }

    [Theory]
    [InlineData(0.5, ScattererAmplitude.Gaussian)]
    [InlineData(1, ScattererAmplitude.Gaussian)]
    [InlineData(5, ScattererAmplitude.Gaussian)]
    [InlineData(1, ScattererAmplitude.Constant)]
    [InlineData(2, ScattererAmplitude.Constant)]
    public void NakagamiMFollowsScattererDensity(double perCell, ScattererAmplitude amplitude)
    {
        // Heavy-tailed intensities at low density: pool a large area (cheap, few scatterers) over three seeds.
        var r = new List<double>();
        for (int seed = 1; seed <= 3; seed++) r.AddRange(HomogeneousEnvelope(perCell, amplitude, 300, 20, seed));
        double expected = TheoreticalM(perCell, amplitude), m = NakagamiM(r);
        output.WriteLine($"m {m:F3}, closed form {expected:F3}");
        Assert.InRange(m, 0.85 * expected, 1.15 * expected);
        if (perCell <= 1) Assert.True(m < 0.6, $"m = {m:F2} at {perCell} per cell should be well below 1");
    }

    [Fact]
    public void EchogenicityDoesNotDependOnDensityOrAmplitudeDistribution()
    {
        // The same echogenicity must give the same mean intensity whatever the statistics (the control that lets a
        // mass differ in statistics only).
        double Intensity(double perCell, ScattererAmplitude a)
        {
            var r = new List<double>();
            for (int seed = 1; seed <= 2; seed++) r.AddRange(HomogeneousEnvelope(perCell, a, 300, 15, seed));
            return r.Average(x => x * x);
        }
        double reference = Intensity(20, ScattererAmplitude.Gaussian);
        Assert.InRange(10 * Math.Log10(Intensity(2, ScattererAmplitude.Gaussian) / reference), -0.6, 0.6);
        Assert.InRange(10 * Math.Log10(Intensity(3, ScattererAmplitude.Constant) / reference), -0.6, 0.6);
    }

    [Fact]
    public void ReferenceFatHasTheConfiguredRfRms()
    {
        // 0 dB tissue, unattenuated, at the focus: RF RMS = CountsPerReferenceRms, whatever its density.
        foreach (double perCell in new[] { 3.0, 30.0 })
        {
            var scanner = Bench(150);
            int n = SamplesFor(12);
            var frame = RfSimulator.Simulate(SlicePhantom.Homogeneous(n, 150, new TissueAcoustics("fat", perCell, ScattererAmplitude.Gaussian, 0, 0)), scanner, 6, 4);
            var rf = Region(frame.Data, n, SamplesFor(1), n - SamplesFor(1), 14, 136);
            Assert.InRange(Math.Sqrt(rf.Average(v => v * v)) / scanner.CountsPerReferenceRms, 0.95, 1.05);
        }
    }
}
