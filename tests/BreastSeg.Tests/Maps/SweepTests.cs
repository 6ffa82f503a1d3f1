using BreastSeg.Maps;
using BreastSeg.Rf;

namespace BreastSeg.Tests.Maps;

public class SweepTests
{
    [Fact]
    public void AucMatchesPairwiseCountWithTies()
    {
        var rng = new Random(4);
        var pos = Enumerable.Range(0, 60).Select(_ => (double)rng.Next(10)).ToArray();
        var neg = Enumerable.Range(0, 45).Select(_ => (double)rng.Next(8)).ToArray();
        double wins = 0;
        foreach (double p in pos)
            foreach (double n in neg) wins += p > n ? 1 : p == n ? 0.5 : 0;
        Assert.Equal(wins / (pos.Length * neg.Length), Separability.MannWhitneyAuc(pos, neg), 12);
    }

    private static LesionMask Ellipse(int samples, int lines, double ci, double cj, double ri, double rj)
    {
        var data = new bool[samples * lines];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
                data[j * samples + i] = Math.Pow((i - ci) / ri, 2) + Math.Pow((j - cj) / rj, 2) <= 1;
        return new LesionMask(samples, lines, data);
    }

    [Fact]
    public void RingBackgroundIsEveryOutsidePixelWithinTheWidth()
    {
        int samples = 120, lines = 40;
        var mask = Ellipse(samples, lines, 60, 20, 25, 8);
        var acq = Acquisition.Oasbud;
        var ring = BackgroundRegion.Ring(0.4).Select(mask, acq);
        double dz = acq.AxialSpacingMm, dx = acq.LinePitchMm(lines);
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                bool near = false;
                for (int b = 0; b < lines && !near; b++)
                    for (int a = 0; a < samples && !near; a++)
                        near = mask[a, b] && Math.Pow((a - i) * dz, 2) + Math.Pow((b - j) * dx, 2) <= 0.16;
                Assert.Equal(!mask[i, j] && near, ring[j * samples + i]);
            }
    }

    [Fact]
    public void SeparabilityFiguresFollowTheirDefinitions()
    {
        int samples = 60, lines = 20;
        var mask = Ellipse(samples, lines, 30, 10, 12, 5);
        var map = NaiveReference.Random(samples, lines, seed: 3, lo: 0, hi: 1);
        for (int k = 0; k < map.Length; k++) if (mask.Data[k]) map[k] += 0.3;
        var s = Separability.Measure(map, mask, BackgroundRegion.AllNonLesion, Acquisition.Oasbud);
        var lesion = map.Where((_, k) => mask.Data[k]).ToArray();
        var back = map.Where((_, k) => !mask.Data[k]).ToArray();
        double Std(double[] x) => Math.Sqrt(x.Select(v => (v - x.Average()) * (v - x.Average())).Average());
        Assert.Equal(lesion.Average() - back.Average(), s.Contrast, 12);
        Assert.Equal(Math.Abs(s.Contrast) / Math.Sqrt(Std(lesion) * Std(lesion) + Std(back) * Std(back)), s.Cnr, 12);
        Assert.Equal(lesion.Length, s.LesionPixels);
        Assert.InRange(s.Auc, 0.6, 1.0);
    }

    [Fact]
    public void SweepCoversEveryCaseAndSeesAPreRayleighLesion()
    {
        // Rayleigh speckle outside, sparse bright scatterers (pre-Rayleigh) inside: Nakagami m must drop in the lesion.
        int samples = 200, lines = 60;
        var rng = new Random(6);
        var mask = Ellipse(samples, lines, 100, 30, 40, 14);
        var env = new double[samples * lines];
        for (int k = 0; k < env.Length; k++)
        {
            double x = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble()));
            env[k] = mask.Data[k] ? (rng.Next(6) == 0 ? 5 * x : 0.3 * x) : x;
        }
        var options = new MapSweepOptions
        {
            Windows = [MapWindow.Pixels(9, 3), MapWindow.Pixels(15, 5)],
            Bins = [8, 32],
            Background = BackgroundRegion.Ring(1.0),
            Maps = new MapOptions { Normalization = EntropyNormalization.Window },
        };
        var report = MapSweep.FromEnvelope(env, Acquisition.Oasbud, mask, options);
        Assert.Equal(2 * 2 + 2, report.Cases.Count);
        Assert.Equal(new[] { 8, 32, 8, 32 }, report.Cases.Where(c => c.Kind == MapKind.Entropy).Select(c => c.Bins));
        var entropy = report.Cases[1];
        Assert.Equal(EntropyMap.Compute(env, samples, lines, new WindowSize(9, 3), 32), entropy.Map);
        Assert.Equal(Separability.Measure(entropy.Map!, mask, options.Background, Acquisition.Oasbud), entropy.Separability);
        var view = new RfView(new RfFrame(samples, lines, env), mask);
        Assert.Equal(Separability.Measure(entropy.Map!, mask, BackgroundRegion.Ring(), Acquisition.Oasbud), Separability.Measure(entropy.Map!, view));
        var nakagami = report.Cases.Last();
        Assert.Equal(MapKind.Nakagami, nakagami.Kind);
        Assert.True(nakagami.Separability.Contrast < 0);
        Assert.True(nakagami.Separability.Auc < 0.2);
    }
}
