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
    public void SizesAndOrientationMatchTheLiterature()
    {
        var malignant = Big.Where(c => c.Mass.Class == MassClass.Malignant).Select(c => InPlaneSize(c, 0)).ToArray();
        var benign = Big.Where(c => c.Mass.Class == MassClass.Benign).Select(c => InPlaneSize(c, 0)).ToArray();
        // Carcinoma about 20.8 x 19.1 mm, fibroadenoma about 19.0 x 11.5 mm (width x height).
        Assert.InRange(malignant.Average(s => s.Width), 17, 25);
        Assert.InRange(malignant.Average(s => s.Height), 16, 23);
        Assert.InRange(benign.Average(s => s.Width), 16, 22);
        Assert.InRange(benign.Average(s => s.Height), 9.5, 13.5);
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
            Assert.Equal(c.Mass.DepthMm, c.TransmitFocusMm);
            for (int v = 0; v < 2; v++)
            {
                var size = InPlaneSize(c, v);
                Assert.True(c.Mass.DepthMm + size.Height / 2 < c.ImagingDepthMm - 5, $"{c.Id}: no room below the mass");
            }
        }
    }

    [Fact]
    public void ContrastScenariosControlEchogenicityAndStatisticsSeparately()
    {
        var stats = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 60, Contrast = MassContrast.StatisticsOnly });
        Assert.All(stats, c =>
        {
            Assert.Equal(c.Tissues.Fibroglandular.EchogenicityDb, c.Tissues.Mass.EchogenicityDb);
            Assert.Equal(c.Tissues.Fibroglandular.AttenuationDbPerCmMHz, c.Tissues.Mass.AttenuationDbPerCmMHz);
            Assert.True(c.Tissues.Mass.ScatterersPerCell < c.Tissues.Fibroglandular.ScatterersPerCell);
            Assert.Equal(0, c.Mass.HaloMm);
        });
        var echo = CaseGenerator.DescribeCohort(new CohortOptions { Cases = 60, Contrast = MassContrast.EchogenicityOnly });
        Assert.All(echo, c =>
        {
            Assert.Equal(c.Tissues.Fibroglandular.ScatterersPerCell, c.Tissues.Mass.ScatterersPerCell);
            Assert.True(c.Tissues.Mass.EchogenicityDb < c.Tissues.Fibroglandular.EchogenicityDb);
        });
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
