using BreastSeg.Rf;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>Cohort v3's structure: edge shadows (Fresnel + refraction at the mass surface), frequency-independent
/// losses, ducts, line-correlated noise and line gain jitter, each against a closed form or a direct count.</summary>
public class BackgroundV3Tests
{
    private static readonly double Acceptance = Math.Atan(1 / (2 * 1.8));

    [Theory]
    [InlineData(1440, 1548)]
    [InlineData(1520, 1540)]
    [InlineData(1560, 1500)]
    public void CrossingLossAtNormalIncidenceIsTheFresnelReflection(double c1, double c2)
    {
        // Normal incidence, equal densities: energy transmission 1 - ((Z2 - Z1) / (Z2 + Z1))^2, no deflection.
        double r = (c2 - c1) / (c2 + c1);
        Assert.Equal(-10 * Math.Log10(1 - r * r), EdgeShadow.CrossingLossDb(0, c1, c2, Acceptance), 10);
    }

    [Fact]
    public void CrossingLossFollowsSnellAndTheCriticalAngle()
    {
        double c1 = 1440, c2 = 1548, critical = Math.Asin(c1 / c2);
        Assert.Equal(EdgeShadow.MaxLossDb, EdgeShadow.CrossingLossDb(critical + 0.01, c1, c2, Acceptance));
        // Below it: an independent evaluation of the oblique Fresnel coefficient and the deflection weight.
        foreach (double deg in new[] { 10.0, 30, 50, 60, 65 })
        {
            double ti = deg * Math.PI / 180, tt = Math.Asin(c2 / c1 * Math.Sin(ti));
            double z1 = c1 / Math.Cos(ti), z2 = c2 / Math.Cos(tt); // oblique impedances
            double t = 4 * z1 * z2 / ((z1 + z2) * (z1 + z2));
            double kept = t * Math.Exp(-0.5 * Math.Pow((tt - ti) / Acceptance, 2));
            Assert.Equal(Math.Min(EdgeShadow.MaxLossDb, -10 * Math.Log10(kept)), EdgeShadow.CrossingLossDb(ti, c1, c2, Acceptance), 9);
        }
        // Equal speeds: nothing is lost at any angle short of grazing.
        Assert.Equal(0, EdgeShadow.CrossingLossDb(1.4, 1500, 1500, Acceptance), 12);
        // The loss grows towards grazing incidence.
        Assert.True(EdgeShadow.CrossingLossDb(1.2, 1520, 1560, Acceptance) > EdgeShadow.CrossingLossDb(0.6, 1520, 1560, Acceptance));
    }

    [Fact]
    public void EdgeLinesOfADiscLoseMostAndOnlyAtTheSurface()
    {
        int n = SamplesFor(30), lines = 300;
        var scanner = Bench(lines) with { ReceiveFNumber = 1.8 };
        double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(lines);
        var labels = Disc(n, scanner, 5, 15);
        TissueAcoustics background = new("gland", 10, ScattererAmplitude.Gaussian, 0, 0.75, 1500), mass = new("mass", 10, ScattererAmplitude.Gaussian, 0, 0.75, 1560);
        var loss = EdgeShadow.Losses(labels, n, lines, dz, pitch, [background, mass], 1, scanner)!;
        double LineLoss(int j) => Enumerable.Range(0, n).Sum(i => (double)loss[j * n + i]);
        int centre = lines / 2, edge = Enumerable.Range(0, lines).First(j => Enumerable.Range(0, n).Any(i => labels[j * n + i] == 1));
        // The centre line meets both surfaces at normal incidence: twice the Fresnel loss, about 0.002 dB.
        double r = (1560.0 - 1500) / (1560 + 1500);
        Assert.InRange(LineLoss(centre), 0, 2 * -10 * Math.Log10(1 - r * r) + 0.05);
        Assert.True(LineLoss(edge) >= 10, $"edge line loses {LineLoss(edge):F1} dB");
        Assert.True(LineLoss(edge + 3) > LineLoss(edge + 20));
        // Losses sit only on the first and last mass pixel of a line.
        for (int j = 0; j < lines; j++)
        for (int i = 0; i < n; i++)
        {
            if (loss[j * n + i] == 0) continue;
            Assert.Equal(1, labels[j * n + i]);
            Assert.True(i == 0 || labels[j * n + i - 1] == 0 || i == n - 1 || labels[j * n + i + 1] == 0);
        }
        // No speed contrast, no shadow.
        var none = EdgeShadow.Losses(labels, n, lines, dz, pitch, [background, mass with { SoundSpeed = 1500 }], 1, scanner)!;
        Assert.All(none, v => Assert.Equal(0, v));
    }

    [Fact]
    public void FrequencyIndependentLossAttenuatesEverythingBelowIt()
    {
        // A point reflector under a 3 dB one-way loss echoes 6 dB weaker; one above it is untouched.
        int n = SamplesFor(20), lines = 41;
        var scanner = Bench(lines);
        double dz = scanner.Acquisition.AxialSpacingMm;
        var reflectors = new List<PointReflector> { new(0, 6, 1), new(0, 14, 1) };
        var tissue = new TissueAcoustics("water", 0, ScattererAmplitude.Gaussian, -60, 0);
        var loss = new float[n * lines];
        int mid = SamplesFor(10);
        for (int j = 0; j < lines; j++) loss[j * n + mid] = 3;
        double Peak(RfFrame f, double depth)
        {
            var env = EnvelopeOf(f);
            int i = (int)Math.Round(depth / dz);
            return Enumerable.Range(i - 20, 41).Max(k => env[20 * n + k]);
        }
        var plain = RfSimulator.Simulate(new SlicePhantom(n, lines, new byte[n * lines], [tissue], reflectors), scanner, 10, 1);
        var lossy = RfSimulator.Simulate(new SlicePhantom(n, lines, new byte[n * lines], [tissue], reflectors, null, loss), scanner, 10, 1);
        // (The envelope is global along the line, so each echo carries a trace of the other: to 0.01 dB.)
        Assert.Equal(0, 20 * Math.Log10(Peak(lossy, 6) / Peak(plain, 6)), 2);
        Assert.Equal(-6, 20 * Math.Log10(Peak(lossy, 14) / Peak(plain, 14)), 2);
    }

    [Fact]
    public void LineGainJitterHasItsStandardDeviationAndCorrelation()
    {
        var s = ScannerSettings.Default with { LineGainJitterDb = 0.5, LineGainCorrelationLines = 3 };
        var g = RfSimulator.LineGains(200_000, s, new NormalSource(new Random(3)))!.Select(v => 20 * Math.Log10(v)).ToArray();
        double mean = g.Average(), sd = Math.Sqrt(g.Average(v => (v - mean) * (v - mean)));
        double lag1 = Enumerable.Range(1, g.Length - 1).Average(j => (g[j] - mean) * (g[j - 1] - mean)) / (sd * sd);
        Assert.InRange(sd, 0.49, 0.51);
        Assert.InRange(lag1, Math.Exp(-1 / 3.0) - 0.01, Math.Exp(-1 / 3.0) + 0.01);
        Assert.Null(RfSimulator.LineGains(10, ScannerSettings.Default, new NormalSource(new Random(3))));
    }

    [Fact]
    public void SharedNoiseKeepsItsPowerAndCorrelatesNeighbouringLines()
    {
        // Noise only (anechoic tissue): RMS is the scanner's noise level, and adjacent lines correlate as
        // fraction x exp(-1 / correlation length); white noise lines do not.
        int n = 4000, lines = 64;
        var baseScanner = Bench(lines) with { NoiseDb = 0, CountsPerReferenceRms = 1 };
        var phantom = SlicePhantom.Homogeneous(n, lines, new TissueAcoustics("water", 0, ScattererAmplitude.Gaussian, -60, 0));
        (double Rms, double Lag1) Stats(ScannerSettings s)
        {
            var rf = RfSimulator.Simulate(phantom, s, 10, 11).Data;
            double power = rf.Average(v => v * v);
            double cross = 0;
            for (int j = 1; j < lines; j++)
                for (int i = 0; i < n; i++) cross += rf[j * n + i] * rf[(j - 1) * n + i];
            return (Math.Sqrt(power), cross / ((lines - 1) * n) / power);
        }
        var white = Stats(baseScanner);
        var shared = Stats(baseScanner with { CorrelatedNoiseFraction = 0.4, NoiseLineCorrelationLines = 20 });
        Assert.InRange(white.Rms, 0.97, 1.03);
        Assert.InRange(shared.Rms, 0.9, 1.1);
        Assert.InRange(white.Lag1, -0.02, 0.02);
        Assert.InRange(shared.Lag1, 0.4 * Math.Exp(-1 / 20.0) - 0.05, 0.4 * Math.Exp(-1 / 20.0) + 0.05);
    }

    [Fact]
    public void DuctsAreFluidTubesInTheGlandWithWallsFacingTheBeam()
    {
        var c = CaseGenerator.Describe(new CohortOptions { Seed = 5 }, 0, MassClass.Benign);
        var a = c.Views[0].Anatomy;
        double x = 10, z = (a.GlandTop(x) + a.GlandBottom(x)) / 2;
        // A horizontal 2 mm duct, 12 mm long, and a 3 mm cross-section, away from the mass.
        var along = new Duct(x, z, 0, 12, 2, 0, 14);
        var scanner = ScannerSettings.Default;
        c = c with { Views = c.Views.Select((v, k) => k == 0 ? v with { MassLateralMm = -80, Anatomy = a with { Ducts = [along] } } : v).ToArray() };
        var (p, _) = PhantomBuilder.Build(c, 0, scanner);
        double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(510);
        int n = c.Samples;
        int count = 0;
        for (int j = 0; j < 510; j++)
        for (int i = 0; i < n; i++)
        {
            if (p.Labels[j * n + i] != (byte)PhantomBuilder.Label.Duct) continue;
            count++;
            double u = (j - 509 / 2.0) * pitch - x, w = i * dz - z;
            Assert.True(Math.Abs(u) <= 6 + pitch && Math.Abs(w) <= 1 + dz, $"duct pixel at ({u:F2}, {w:F2}) mm");
        }
        // The lumen fills the tube wherever the gland was (12 x 2 mm, less any fat lobule or ligament in the way).
        Assert.InRange(count * dz * pitch, 0.6 * 24, 1.02 * 24);
        Assert.Equal(c.Tissues.Duct, p.Tissues[(int)PhantomBuilder.Label.Duct]);
        // Wall echoes: along the two horizontal walls at z -+ 1 mm, full amplitude (n_z = 1).
        var walls = p.Reflectors.Where(r => Math.Abs(r.LateralMm - x) <= 6 && Math.Abs(Math.Abs(r.DepthMm - z) - 1) < 1e-9).ToList();
        Assert.True(walls.Count > 2 * 0.6 * 12 / 0.02, $"{walls.Count} wall reflectors");
    }

    [Fact]
    public void ControlsHaveNoRefractionContrastAndV3KeepsTheV2Draws()
    {
        foreach (var contrast in new[] { MassContrast.StatisticsOnly, MassContrast.EchogenicityOnly, MassContrast.Null })
        {
            var d = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 6, Seed = 3, Contrast = contrast });
            Assert.All(d, c => Assert.Equal(c.Tissues.Fibroglandular.SoundSpeed, c.Tissues.Mass.SoundSpeed));
        }
        var clinical = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 20, Seed = 3 });
        Assert.Contains(clinical, c => c.Tissues.Mass.SoundSpeed > c.Tissues.Fibroglandular.SoundSpeed);
        Assert.All(clinical, c => Assert.NotNull(c.LineArtefacts));
        Assert.Contains(clinical, c => c.Views.Any(v => v.Anatomy.Ducts.Count > 0));
        // The case's scanner carries its line artefacts.
        var s = clinical[0].ScannerFor(ScannerSettings.Default);
        Assert.Equal(clinical[0].LineArtefacts!.GainJitterDb, s.LineGainJitterDb);
        Assert.Equal(clinical[0].LineArtefacts!.CorrelatedNoiseFraction, s.CorrelatedNoiseFraction);
    }
}
