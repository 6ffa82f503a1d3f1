using Xunit.Abstractions;
using BreastSeg.Calibration;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;
using static BreastSeg.Tests.Simulation.SimulationTestKit;

namespace BreastSeg.Tests.Simulation;

/// <summary>The cohort's controls: statistics-only masses iso-echoic in the log domain, null masses invisible.</summary>
public class ControlTests(ITestOutputHelper output)
{
    // Upper half one tissue, lower half another; no attenuation, TGC, noise or focusing, so only the tissues differ.
    private static (double MeanDbTop, double MeanDbBottom, double MTop, double MBottom) TwoLayers(TissueAcoustics top, TissueAcoustics bottom)
    {
        const int lines = 160;
        var scanner = Bench(lines);
        int n = SamplesFor(20), half = n / 2;
        var labels = new byte[n * lines];
        for (int j = 0; j < lines; j++) for (int i = half; i < n; i++) labels[j * n + i] = 1;
        var frame = RfSimulator.Simulate(new SlicePhantom(n, lines, labels, [top with { AttenuationDbPerCmMHz = 0 }, bottom with { AttenuationDbPerCmMHz = 0 }]), scanner, 10, 11);
        var env = EnvelopeOf(frame);
        var a = Region(env, n, SamplesFor(2), half - SamplesFor(1.5), 10, lines - 10);
        var b = Region(env, n, half + SamplesFor(1.5), n - SamplesFor(2), 10, lines - 10);
        return (a.Average(r => 20 * Math.Log10(r)), b.Average(r => 20 * Math.Log10(r)), NakagamiM(a), NakagamiM(b));
    }

    [Fact]
    public void StatisticsOnlyMassHasTheMeanLogBModeOfItsSurroundingsButAnotherNakagamiM()
    {
        var gland = new TissueAcoustics("gland", 12, ScattererAmplitude.Gaussian, 8, 0.7);
        var sparse = new TissueAcoustics("mass", 1.5, ScattererAmplitude.Gaussian, 8, 0.7);
        // Equal mean intensity: the pre-Rayleigh tissue is darker in mean dB (the bias the control must remove).
        var (g0, s0, _, _) = TwoLayers(gland, sparse);
        // Log-iso-echoic, as MassContrast.StatisticsOnly draws it.
        var iso = sparse with { EchogenicityDb = gland.EchogenicityDb + CaseGenerator.LogIsoEchoicOffsetDb(gland, sparse) };
        var (g1, s1, mg, ms) = TwoLayers(gland, iso);
        output.WriteLine($"equal intensity: {s0 - g0:F2} dB; log-iso: {s1 - g1:F2} dB; m {mg:F2} vs {ms:F2}");
        // K-distribution closed form: 10 log10 e x (g(9.06) - g(1.13)) = -2.0 dB at equal intensity.
        Assert.True(s0 - g0 < -1.5, "equal mean intensity leaves a pre-Rayleigh mass darker in B-mode");
        Assert.InRange(s1 - g1, -1.2, 1.2);
        Assert.True(ms < mg - 0.2, "the mass keeps its own scatterer statistics");
    }

    [Fact]
    public void NullCohortMassesAreInvisibleInBMode()
    {
        var o = new CohortOptions { Cases = 3, Seed = 77, Contrast = MassContrast.Null };
        var cnr = new List<double>();
        var clinical = new List<double>();
        foreach (var d in CaseGenerator.DescribeCohort(o))
        {
            foreach (var v in CohortSimulator.SimulateCase(d, o.Scanner).Views) cnr.Add(LesionContrast.OfView(v)!.Cnr);
        }
        output.WriteLine($"null cohort B-mode CNR (64 x 64): {string.Join(", ", cnr.Select(c => c.ToString("F2")))}");
        // The mass is the tissue it sits in: what remains is the sampling spread of two regions of one texture plus
        // the anatomy around it (a ring reaching into fat or a lobule), far below the real range (0.5-1.6).
        Assert.InRange(cnr.Order().ElementAt(cnr.Count / 2), 0, 0.4);
        Assert.All(cnr, c => Assert.InRange(c, 0, 0.8));
    }
}
