using BreastSeg.Rf;
using Xunit.Abstractions;
using BreastSeg.Simulation;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>Depth dependence of echoes with TGC off, against the Gaussian-spectrum attenuation law.</summary>
public class AttenuationTests(ITestOutputHelper output)
{
    private const double DbPerCmMHz = 0.5;
    private const int Lines = 200;

    private static (RfFrame Frame, int N) Homogeneous(int seed)
    {
        int n = SamplesFor(30);
        var tissue = new TissueAcoustics("fat", 20, ScattererAmplitude.Gaussian, 0, DbPerCmMHz);
        return (RfSimulator.Simulate(SlicePhantom.Homogeneous(n, Lines, tissue), Bench(Lines), 15, seed), n);
    }

    [Fact]
    public void MeanLogEnvelopeSlopeMatchesTwoWayAttenuationWithDownshift()
    {
        // For a Gaussian pulse-echo spectrum (sigma_f = B f0 / 2.355) through a two-way path with alpha linear in f,
        // the echo amplitude is exp(-2 alpha z f0 + 2 alpha^2 z^2 sigma_f^2), so in fully developed speckle
        // d E[ln R] / dz = -2 alpha f0 + 4 alpha^2 sigma_f^2 z. A least-squares line over [z1, z2] has the slope at the
        // middle. Without the downshift term the slope would be -2 alpha f0 (16% steeper here).
        double alpha = DbPerCmMHz / (20 / Math.Log(10)) / 10, f0 = 10, sf = 0.7 * 10 / 2.3548;
        double z1 = 4, z2 = 26, zMid = (z1 + z2) / 2;
        double expected = -2 * alpha * f0 + 4 * alpha * alpha * sf * sf * zMid;

        var z = new List<double>();
        var y = new List<double>();
        for (int seed = 1; seed <= 2; seed++)
        {
            var (frame, n) = Homogeneous(seed);
            var env = EnvelopeOf(frame);
            for (int i = SamplesFor(z1); i <= SamplesFor(z2); i++)
            {
                double s = 0;
                for (int j = 14; j < Lines - 14; j++) s += Math.Log(env[j * n + i]);
                z.Add(i * frame.AxialSpacingMm);
                y.Add(s / (Lines - 28));
            }
        }
        double zm = z.Average(), ym = y.Average();
        double slope = z.Zip(y, (a, b) => (a - zm) * (b - ym)).Sum() / z.Sum(a => (a - zm) * (a - zm));
        output.WriteLine($"slope {slope:F4} Np/mm, expected {expected:F4}, without downshift {-2 * alpha * f0:F4}");
        Assert.InRange(slope, 1.05 * expected, 0.95 * expected); // negative numbers
        Assert.True(slope > -2 * alpha * f0 * 0.95, "the centre-frequency downshift must flatten the decay");
    }

    [Fact]
    public void CentreFrequencyDownshiftsWithDepth()
    {
        // Spectral centroid of the RF in 64-sample windows, averaged over lines, against f0 - 2 alpha z sigma_f^2.
        var (frame, n) = Homogeneous(3);
        double alpha = DbPerCmMHz / (20 / Math.Log(10)) / 10, sf = 0.7 * 10 / 2.3548;
        foreach (double depth in new[] { 3.0, 25.0 })
        {
            int i0 = SamplesFor(depth) - 32;
            var power = new double[33];
            for (int j = 0; j < Lines; j++)
                for (int k = 0; k <= 32; k++)
                {
                    double re = 0, im = 0;
                    for (int t = 0; t < 64; t++)
                    {
                        double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * t / 63);
                        double v = w * frame[i0 + t, j];
                        re += v * Math.Cos(2 * Math.PI * k * t / 64);
                        im -= v * Math.Sin(2 * Math.PI * k * t / 64);
                    }
                    power[k] += re * re + im * im;
                }
            double centroid = Enumerable.Range(0, 33).Sum(k => k * 40.0 / 64 * power[k]) / power.Sum();
            double expected = 10 - 2 * alpha * depth * sf * sf;
            output.WriteLine($"{depth} mm: centroid {centroid:F2} MHz, expected {expected:F2}");
            Assert.InRange(centroid, expected - 0.3, expected + 0.3);
        }
    }

    [Fact]
    public void ElectronicNoiseIsAddedBeforeTgc()
    {
        // In an echo-free medium only noise remains; after TGC its RMS grows by the TGC gain, 2 * slope * f0 * z dB.
        var scanner = Bench(100) with { NoiseDb = -40, TgcDbPerCmMHz = 0.5, QuantizeInt16 = false };
        int n = SamplesFor(40);
        var water = new TissueAcoustics("water", 0, ScattererAmplitude.Gaussian, 0, 0);
        var frame = RfSimulator.Simulate(SlicePhantom.Homogeneous(n, 100, water), scanner, 20, 5);
        double Rms(double depth)
        {
            var r = Region(frame.Data, n, SamplesFor(depth) - 25, SamplesFor(depth) + 25, 0, 100);
            return Math.Sqrt(r.Average(v => v * v));
        }
        double counts = scanner.CountsPerReferenceRms * Math.Pow(10, -40 / 20.0);
        Assert.InRange(Rms(5) / (counts * Math.Pow(10, 2 * 0.5 * 10 * 0.5 / 20)), 0.93, 1.07);
        Assert.InRange(Rms(35) / (counts * Math.Pow(10, 2 * 0.5 * 10 * 3.5 / 20)), 0.93, 1.07);
    }
}
