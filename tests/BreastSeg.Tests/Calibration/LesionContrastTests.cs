using BreastSeg.Calibration;

namespace BreastSeg.Tests.Calibration;

/// <summary>LesionContrast against a naive reference on random images.</summary>
public class LesionContrastTests
{
    // Naive reference: ring = non-lesion pixels whose distance to the nearest lesion pixel (all pairs) is at most a
    // quarter of the equivalent diameter; CNR from two-pass population moments.
    private static double NaiveCnr(float[] img, bool[] mask, int rows, int cols)
    {
        var lesion = Enumerable.Range(0, mask.Length).Where(k => mask[k]).ToArray();
        double w = 0.25 * 2 * Math.Sqrt(lesion.Length / Math.PI);
        var ring = Enumerable.Range(0, mask.Length).Where(k => !mask[k] && lesion.Any(l =>
        {
            int dr = k / cols - l / cols, dc = k % cols - l % cols;
            return Math.Sqrt(dr * dr + dc * dc) <= w;
        })).ToArray();
        double Mean(int[] s) => s.Average(k => (double)img[k]);
        double Var(int[] s) { double m = Mean(s); return s.Average(k => (img[k] - m) * (img[k] - m)); }
        return Math.Abs(Mean(lesion) - Mean(ring)) / Math.Sqrt(Var(lesion) + Var(ring));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MatchesTheNaiveDefinitionOnRandomImages(int seed)
    {
        var r = new Random(seed);
        int rows = 40, cols = 48;
        double cr = r.Next(10, 30), cc = r.Next(10, 38), a = r.Next(4, 10), b = r.Next(4, 10), shift = r.NextDouble() * 2 - 1;
        var mask = new bool[rows * cols];
        var img = new float[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                int k = i * cols + j;
                mask[k] = (i - cr) * (i - cr) / (a * a) + (j - cc) * (j - cc) / (b * b) <= 1;
                img[k] = (float)(r.NextDouble() + (mask[k] ? shift : 0));
            }
        var result = LesionContrast.OnGrid(img, mask, rows, cols)!;
        Assert.Equal(NaiveCnr(img, mask, rows, cols), result.Cnr, 9);
        Assert.Equal(mask.Count(x => x) / (double)mask.Length, result.AreaFraction, 12);
    }

    [Fact]
    public void ClosedFormForTwoUniformRegionsWithGaussianNoise()
    {
        // Lesion N(1, 0.5^2), surroundings N(0, 0.5^2): CNR = 1 / sqrt(0.25 + 0.25) = 1.414.
        var r = new Random(4);
        int size = 256;
        var mask = new bool[size * size];
        var img = new float[size * size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                int k = i * size + j;
                mask[k] = (i - 128) * (i - 128) + (j - 128) * (j - 128) <= 40 * 40;
                double g = Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
                img[k] = (float)((mask[k] ? 1 : 0) + 0.5 * g);
            }
        Assert.InRange(LesionContrast.OnGrid(img, mask, size, size)!.Cnr, 1.414 - 0.03, 1.414 + 0.03);
    }

    [Fact]
    public void EmptyLesionGivesNull()
    {
        Assert.Null(LesionContrast.OnGrid(new float[16], new bool[16], 4, 4));
    }
}
