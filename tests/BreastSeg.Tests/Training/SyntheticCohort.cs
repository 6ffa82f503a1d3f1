using BreastSeg.Rf;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Tests.Training;

/// <summary>Synthetic views: a hypoechoic ellipse (the lesion) in speckle-like noise on an anisotropic RF-like grid.
/// The "map" is the frame itself, so no map code is involved.</summary>
internal static class SyntheticCohort
{
    public static List<RfCase> Cases(int count, int seed, int samples = 96, int lines = 32)
    {
        var random = new Random(seed);
        var cases = new List<RfCase>();
        for (int i = 0; i < count; i++)
        {
            var views = new List<RfView>();
            for (int v = 0; v < 2; v++)
            {
                double cr = samples * (0.3 + 0.4 * random.NextDouble()), cc = lines * (0.3 + 0.4 * random.NextDouble());
                double ar = samples * (0.12 + 0.1 * random.NextDouble()), ac = lines * (0.12 + 0.1 * random.NextDouble());
                var data = new double[samples * lines];
                var mask = new bool[samples * lines];
                for (int c = 0; c < lines; c++)
                    for (int r = 0; r < samples; r++)
                    {
                        bool inside = Math.Pow((r - cr) / ar, 2) + Math.Pow((c - cc) / ac, 2) <= 1;
                        mask[c * samples + r] = inside;
                        data[c * samples + r] = (inside ? 0.2 : 1.0) + 0.25 * (random.NextDouble() - 0.5);
                    }
                // Column-major frame: ~0.019 mm x 0.075 mm pixels like OASBUD (38 mm aperture over 512 lines -> scale).
                var acquisition = new Acquisition(ApertureMm: lines * 0.075);
                views.Add(new RfView(new RfFrame(samples, lines, data, acquisition), new LesionMask(samples, lines, mask)));
            }
            cases.Add(new RfCase(i, $"S{i:D3}", views, "4a", i % 2, i % 2 == 1));
        }
        return cases;
    }

    public static List<SegmentationSample> Samples(int count, int seed, int size) =>
        Cases(count, seed).SelectMany(c => SampleBuilder.FromCase(c, size, f => [f.Data])).ToList();
}
