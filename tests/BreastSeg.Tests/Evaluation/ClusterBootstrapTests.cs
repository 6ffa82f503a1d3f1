using BreastSeg.Evaluation;

namespace BreastSeg.Tests.Evaluation;

public class ClusterBootstrapTests
{
    [Fact]
    public void Resampling_masses_equals_a_naive_implementation_on_view_level_data()
    {
        var rng = new Random(5);
        // 40 masses with 1-3 views each; views of a mass share its difficulty.
        var masses = Enumerable.Range(0, 40).Select(_ =>
        {
            double level = rng.NextDouble();
            return (IReadOnlyList<double>)Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => level + 0.05 * rng.NextDouble()).ToArray();
        }).ToList();
        var (low, high) = ClusterBootstrap.Percentile(masses, ClusterBootstrap.PooledViewMean, seed: 9, resamples: 3000);

        var random = new Random(9);
        var stats = new List<double>();
        for (int b = 0; b < 3000; b++)
        {
            var views = new List<double>();
            for (int i = 0; i < masses.Count; i++) views.AddRange(masses[random.Next(masses.Count)]);
            stats.Add(views.Average());
        }
        Assert.Equal(SurfaceDistance.Percentile(stats, 2.5), low, 12);
        Assert.Equal(SurfaceDistance.Percentile(stats, 97.5), high, 12);
    }

    [Fact]
    public void Correlated_views_make_the_mass_interval_wider_than_a_view_bootstrap()
    {
        // Two identical views per mass: resampling views pretends to have 2n independent values (interval too narrow
        // by about sqrt 2); resampling masses does not.
        var rng = new Random(2);
        var perMass = Enumerable.Range(0, 60).Select(_ => rng.NextDouble()).ToArray();
        var views = perMass.SelectMany(d => new[] { d, d }).ToArray();
        var (ml, mh) = ClusterBootstrap.Percentile(perMass.Select(d => (IReadOnlyList<double>)new[] { d, d }).ToList(),
            ClusterBootstrap.PooledViewMean, 4, 8000);
        var (vl, vh) = BootstrapInterval.Percentile(views, 4, 8000);
        Assert.InRange((mh - ml) / (vh - vl), 1.25, 1.6);
        // And the mass interval matches normal theory: half-width ~ 1.96 sd / sqrt(n masses).
        double mean = perMass.Average(), sd = Math.Sqrt(perMass.Sum(v => (v - mean) * (v - mean)) / (perMass.Length - 1));
        Assert.InRange((mh - ml) / 2, 0.85 * 1.96 * sd / Math.Sqrt(60), 1.15 * 1.96 * sd / Math.Sqrt(60));
    }

    [Fact]
    public void Bootstrap_interval_over_values_is_the_cluster_bootstrap_with_one_value_per_cluster()
    {
        double[] v = [0.2, 0.9, 0.4, 0.75, 0.1, 0.6];
        var viaClusters = ClusterBootstrap.Percentile(v.Select(x => (IReadOnlyList<double>)new[] { x }).ToList(), ClusterBootstrap.PooledViewMean, 3, 1500);
        Assert.Equal(BootstrapInterval.Percentile(v, 3, 1500), viaClusters);
        Assert.Equal((double.NaN, double.NaN), ClusterBootstrap.Percentile(Array.Empty<double>(), x => x.Average(), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterBootstrap.Percentile(v, x => x.Average(), 1, alpha: 1.5));
    }
}
