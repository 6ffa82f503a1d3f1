using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Tests.Simulation;

/// <summary>Class balance, BI-RADS, sizes and shapes of generated cohorts against the literature.</summary>
public class CohortTests
{
    private static readonly CaseDescription[] Big = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 1000, Seed = 9 });

    [Fact]
    public void ClassCountsAreExact()
    {
        var d = CaseGenerator.DescribeCohort(new CohortOptions());
        Assert.Equal(269, d.Length);
        Assert.Equal(140, d.Count(c => c.Malignant)); // round(0.52 * 269)
        Assert.Equal(27, d.Count(c => c.Mass.Class == MassClass.Cyst));
        Assert.All(d, c => Assert.Equal(c.Malignant, c.Mass.Class == MassClass.Malignant));
        Assert.Equal(d.Select(c => c.Id).Distinct().Count(), d.Length);
    }

    [Fact]
    public void BiRadsMalignancyRatesFallInAcrRanges()
    {
        // ACR BI-RADS atlas (5th ed.) likelihood of malignancy: 3 <= 2%, 4a 2-10%, 4b 10-50%, 4c 50-95%, 5 >= 95%.
        var ranges = new Dictionary<string, (double Lo, double Hi)>
        {
            ["3"] = (0, 0.02), ["4a"] = (0.02, 0.10), ["4b"] = (0.10, 0.50), ["4c"] = (0.50, 0.95), ["5"] = (0.95, 1),
        };
        foreach (var g in Big.GroupBy(c => c.BiRads))
        {
            double rate = g.Count(c => c.Malignant) / (double)g.Count();
            var (lo, hi) = ranges[g.Key];
            // Sampling error: allow two binomial standard errors.
            double se = Math.Sqrt(Math.Max(rate * (1 - rate), 0.01) / g.Count());
            Assert.InRange(rate, lo - 2 * se, hi + 2 * se);
        }
        Assert.Equal(5, Big.Select(c => c.BiRads).Distinct().Count());
    }

    private static (double Width, double Height) InPlaneSize(CaseDescription c, int view)
    {
        var r = PhantomBuilder.InPlaneRadii(c.Mass.Shape, view, 360);
        double Along(Func<double, double> f) => Enumerable.Range(0, 360).Max(k => r[k] * f(2 * Math.PI * k / 360));
        return (Along(Math.Cos) + Along(p => -Math.Cos(p)), Along(Math.Sin) + Along(p => -Math.Sin(p)));
    }

    [Fact]
    public void SizesFollowTheCalibration()
    {
        var malignant = Big.Where(c => c.Mass.Class == MassClass.Malignant).Select(c => InPlaneSize(c, 0)).ToArray();
        var benign = Big.Where(c => c.Mass.Class == MassClass.Benign).Select(c => InPlaneSize(c, 0)).ToArray();
        // Cohort v2 sizes come from the BUSI area fractions (calibration file): log-normal widths of median M and log-sd
        // s have mean M exp(s^2 / 2); heights follow the H/W ratios (malignant N(0.95, 0.2), benign N(0.6, 0.1)).
        // The in-plane outline adds lobulation and tilt, hence the +-15 % bands.
        var cal = CohortCalibration.Current;
        double grow = Math.Exp(cal.WidthLogSd * cal.WidthLogSd / 2);
        double mw = cal.MalignantWidthMedianMm * grow, bw = cal.BenignWidthMedianMm * grow;
        Assert.InRange(malignant.Average(s => s.Width), 0.85 * mw, 1.15 * mw);
        Assert.InRange(malignant.Average(s => s.Height), 0.85 * 0.95 * mw, 1.15 * 0.95 * mw);
        Assert.InRange(benign.Average(s => s.Width), 0.85 * bw, 1.15 * bw);
        Assert.InRange(benign.Average(s => s.Height), 0.85 * 0.6 * bw, 1.15 * 0.6 * bw);
        // Benign masses are parallel ("wider than tall"); a good part of carcinomas are not.
        Assert.True(benign.Count(s => s.Width > s.Height) > 0.9 * benign.Length);
        double tallMalignant = malignant.Count(s => s.Height > s.Width) / (double)malignant.Length;
        Assert.InRange(tallMalignant, 0.2, 0.6);
    }

    [Fact]
    public void MassesFitTheFrameAndPosteriorRegionIsImaged()
    {
        foreach (var c in Big.Take(300))
        {
            Assert.InRange(c.ImagingDepthMm, 39.9, 50.1);
            Assert.InRange(c.Samples, 2070, 2600);
            // The focus is near the mass, not on it (sd 4 mm), and inside the frame.
            Assert.InRange(c.TransmitFocusMm, 6, c.ImagingDepthMm - 4);
            Assert.InRange(c.TransmitFocusMm - c.Mass.DepthMm, -20, 20);
            for (int v = 0; v < 2; v++)
            {
                var size = InPlaneSize(c, v);
                Assert.True(c.Mass.DepthMm + size.Height / 2 < c.ImagingDepthMm - 5, $"{c.Id}: no room below the mass");
            }
        }
        Assert.InRange(Big.Take(300).Average(c => Math.Abs(c.TransmitFocusMm - c.Mass.DepthMm)), 2, 5);
    }

    [Fact]
    public void ContrastScenariosControlEchogenicityAndStatisticsSeparately()
    {
        var stats = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 60, Contrast = MassContrast.StatisticsOnly });
        Assert.All(stats.Where(c => c.Mass.Class != MassClass.Cyst), c =>
        {
            Assert.Equal(c.Tissues.Fibroglandular.AttenuationDbPerCmMHz, c.Tissues.Mass.AttenuationDbPerCmMHz);
            Assert.Equal(0, c.Mass.HaloMm);
            Assert.Null(c.Mass.CapsuleDb);
            Assert.Empty(c.Mass.Heterogeneity);
        });
        // Nakagami m of the mass (closed form) differs from its surroundings', on both sides.
        double Dm(CaseDescription c) =>
            CaseGenerator.NakagamiM(c.Tissues.Mass.ScatterersPerCell, c.Tissues.Mass.Amplitude)
            - CaseGenerator.NakagamiM(c.Tissues.Fibroglandular.ScatterersPerCell, c.Tissues.Fibroglandular.Amplitude);
        Assert.True(stats.Count(c => Dm(c) > 0.03) >= 6, "masses with m above their surroundings");
        Assert.True(stats.Count(c => Dm(c) < -0.03) >= 6, "masses with m below their surroundings");
        var echo = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 60, Contrast = MassContrast.EchogenicityOnly });
        Assert.All(echo, c =>
        {
            Assert.Equal(c.Tissues.Fibroglandular.ScatterersPerCell, c.Tissues.Mass.ScatterersPerCell);
            Assert.Equal(c.Tissues.Fibroglandular.Amplitude, c.Tissues.Mass.Amplitude);
        });
        // Clinical echogenicity relative to the surroundings includes iso-, hypo- and hyper-echoic masses.
        var rel = Big.Where(c => c.Mass.Class != MassClass.Cyst).Select(c => c.Tissues.Mass.EchogenicityDb - c.Tissues.Fibroglandular.EchogenicityDb).ToArray();
        Assert.Contains(rel, d => Math.Abs(d) < 1.5);
        Assert.Contains(rel, d => d > 2);
        Assert.Contains(rel, d => d < -3);
        var none = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 20, Contrast = MassContrast.Null });
        Assert.All(none, c => Assert.Equal(c.Tissues.Fibroglandular with { Name = "mass" }, c.Tissues.Mass));
    }

    [Fact]
    public void LogIsoEchoicOffsetEqualisesTheMeanLogOfKDistributedSpeckle()
    {
        // Independent check by Monte Carlo: K-distributed intensity is a Gamma(alpha) texture times exponential speckle,
        // I = X E with X ~ Gamma(alpha, 1/alpha), E ~ Exp(1), alpha = 2 m / (1 - m).
        var around = new TissueAcoustics("gland", 12, ScattererAmplitude.Gaussian, 8, 0.7);
        var mass = new TissueAcoustics("mass", 1.5, ScattererAmplitude.Gaussian, 8, 0.7);
        double offset = CaseGenerator.LogIsoEchoicOffsetDb(around, mass);
        double MeanLog(TissueAcoustics t, double omega, int seed)
        {
            double m = CaseGenerator.NakagamiM(t.ScatterersPerCell, t.Amplitude), alpha = 2 * m / (1 - m);
            var texture = new MathNet.Numerics.Distributions.Gamma(alpha, alpha, new Random(seed));
            var speckle = new MathNet.Numerics.Distributions.Exponential(1, new Random(seed + 1));
            return Enumerable.Range(0, 400_000).Average(_ => Math.Log(omega * texture.Sample() * speckle.Sample()));
        }
        double a = MeanLog(around, 1, 3), b = MeanLog(mass, Math.Pow(10, offset / 10), 5);
        Assert.True(offset > 0.5, "a pre-Rayleigh mass needs more mean intensity for the same mean log");
        Assert.InRange(b - a, -0.02, 0.02);
        Assert.Equal(0, CaseGenerator.LogIsoEchoicOffsetDb(around, around), 12);
    }

    [Fact]
    public void SidecarRoundTripsEveryParameter()
    {
        var o = new CohortOptions { Cases = 2, Seed = 3 };
        var d = CaseGenerator.DescribeCohort(o);
        string path = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.params.json");
        try
        {
            CohortSidecar.Write(path, o, d);
            var back = CohortSidecar.Read(path);
            Assert.Equal(o.Seed, back.Options.Seed);
            Assert.Equal(2, back.Cases.Count);
            for (int k = 0; k < 2; k++)
            {
                // Rebuilding a view from the sidecar reproduces the mask exactly.
                var (_, a) = PhantomBuilder.Build(d[k], 1, o.Scanner);
                var (_, b) = PhantomBuilder.Build(back.Cases[k], 1, o.Scanner);
                Assert.Equal(a.Data, b.Data);
                Assert.Equal(d[k].Tissues, back.Cases[k].Tissues);
            }
        }
        finally { File.Delete(path); }
    }
}
