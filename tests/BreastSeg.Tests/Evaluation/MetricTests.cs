using BreastSeg.Evaluation;

namespace BreastSeg.Tests.Evaluation;

public class MetricTests
{
    private static bool[] Mask(int rows, int cols, params (int R, int C)[] on)
    {
        var m = new bool[rows * cols];
        foreach (var (r, c) in on) m[c * rows + r] = true;
        return m;
    }

    private static bool[] Rect(int rows, int cols, int r0, int r1, int c0, int c1)
    {
        var m = new bool[rows * cols];
        for (int c = c0; c < c1; c++) for (int r = r0; r < r1; r++) m[c * rows + r] = true;
        return m;
    }

    [Fact]
    public void OverlapScoresMatchHandCount()
    {
        // Reference: 4x4 square (16 px); prediction: the square shifted right by one column (12 overlap, 4 FP, 4 FN).
        var reference = Rect(8, 8, 2, 6, 2, 6);
        var predicted = Rect(8, 8, 2, 6, 3, 7);
        var s = OverlapMetrics.Compute(predicted, reference);
        Assert.Equal((12, 4, 4), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(24.0 / 32, s.Dice, 12);
        Assert.Equal(12.0 / 20, s.IoU, 12);
        Assert.Equal(12.0 / 16, s.Precision, 12);
        Assert.Equal(12.0 / 16, s.Recall, 12);
    }

    [Fact]
    public void EmptyMasksFollowMonaiConventions()
    {
        var empty = new bool[16];
        var some = Mask(4, 4, (1, 1));
        var bothIgnored = OverlapMetrics.Compute(empty, empty);
        Assert.True(double.IsNaN(bothIgnored.Dice) && double.IsNaN(bothIgnored.IoU));
        Assert.Equal(1, OverlapMetrics.Compute(empty, empty, ignoreEmpty: false).Dice);
        Assert.Equal(0, OverlapMetrics.Compute(some, empty, ignoreEmpty: false).Dice);
        Assert.True(double.IsNaN(OverlapMetrics.Compute(some, empty).Dice));
        var missed = OverlapMetrics.Compute(empty, some);
        Assert.Equal(0, missed.Dice);
        Assert.Equal(0, missed.Recall);
        Assert.True(double.IsNaN(missed.Precision));
        Assert.True(double.IsNaN(SurfaceDistance.Hausdorff(empty, empty, 4, 4, 1, 1)));
        Assert.Equal(double.PositiveInfinity, SurfaceDistance.Hausdorff(some, empty, 4, 4, 1, 1));
        Assert.Equal(double.PositiveInfinity, SurfaceDistance.Hausdorff(empty, some, 4, 4, 1, 1));
    }

    [Fact]
    public void HausdorffOfTwoPointsIsTheirAnisotropicDistance()
    {
        var a = Mask(10, 10, (0, 0));
        var b = Mask(10, 10, (3, 4));
        double expected = Math.Sqrt(Math.Pow(3 * 0.019, 2) + Math.Pow(4 * 0.075, 2));
        Assert.Equal(expected, SurfaceDistance.Hausdorff(a, b, 10, 10, 0.019, 0.075), 12);
    }

    [Fact]
    public void Hd95OfShiftedSquareIsTheShiftAndInteriorIsNotBoundary()
    {
        // Both boundaries are 12-pixel rings; shifting by one column along the lateral axis (pitch 0.5 mm): every boundary
        // pixel of one square lies within one column (0.5 mm) or on the other's ring, and the 95th percentile is 0.5 mm.
        var reference = Rect(12, 12, 3, 7, 3, 7);
        var predicted = Rect(12, 12, 3, 7, 4, 8);
        Assert.Equal(12, SurfaceDistance.Edges(reference, 12, 12).Count(e => e));
        Assert.Equal(0.5, SurfaceDistance.Hausdorff(predicted, reference, 12, 12, 0.2, 0.5), 12);
        Assert.Equal(0, SurfaceDistance.Hausdorff(reference, reference, 12, 12, 0.2, 0.5));
    }

    [Fact]
    public void PercentileMatchesNumpyLinearInterpolation()
    {
        // numpy.percentile([1, 2, 3, 4, 10], 95) = 8.8; 50 -> 3; 0 -> 1.
        double[] v = [10, 2, 1, 4, 3];
        Assert.Equal(8.8, SurfaceDistance.Percentile(v, 95), 12);
        Assert.Equal(3, SurfaceDistance.Percentile(v, 50), 12);
        Assert.Equal(1, SurfaceDistance.Percentile(v, 0), 12);
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(2, 0.6)]
    [InlineData(3, 0.1)]
    [InlineData(4, 0.02)]
    public void Hd95EqualsBruteForceOnRandomMasks(int seed, double density)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 8; trial++)
        {
            int rows = random.Next(1, 30), cols = random.Next(1, 20);
            double dr = 0.019 * (1 + random.NextDouble()), dc = 0.075 * (1 + random.NextDouble());
            var a = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() < density).ToArray();
            var b = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() < density).ToArray();
            double expected = NaiveHd(a, b, rows, cols, dr, dc, 95);
            double actual = SurfaceDistance.Hausdorff(a, b, rows, cols, dr, dc);
            if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual));
            else Assert.Equal(expected, actual, 10);
            Assert.Equal(NaiveHd(a, b, rows, cols, dr, dc, 100), SurfaceDistance.Hausdorff(a, b, rows, cols, dr, dc, 100), 10);
        }
    }

    [Fact]
    public void DistanceTransformEqualsBruteForce()
    {
        var random = new Random(9);
        int rows = 23, cols = 17;
        var seeds = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() < 0.05).ToArray();
        var d2 = SurfaceDistance.SquaredDistanceTransform(seeds, rows, cols, 0.3, 1.7);
        for (int k = 0; k < seeds.Length; k++)
        {
            double best = double.PositiveInfinity;
            for (int s = 0; s < seeds.Length; s++)
                if (seeds[s]) best = Math.Min(best, Math.Pow((k % rows - s % rows) * 0.3, 2) + Math.Pow((k / rows - s / rows) * 1.7, 2));
            Assert.Equal(best, d2[k], 9);
        }
    }

    // Naive reference: boundary = mask pixel with a 4-neighbour outside the mask or outside the image; all-pairs
    // distances; numpy-style percentile written out here.
    private static double NaiveHd(bool[] a, bool[] b, int rows, int cols, double dr, double dc, double q)
    {
        List<(int R, int C)> Boundary(bool[] m)
        {
            var list = new List<(int, int)>();
            bool At(int r, int c) => r >= 0 && r < rows && c >= 0 && c < cols && m[c * rows + r];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++)
                    if (At(r, c) && !(At(r - 1, c) && At(r + 1, c) && At(r, c - 1) && At(r, c + 1))) list.Add((r, c));
            return list;
        }
        var ea = Boundary(a);
        var eb = Boundary(b);
        if (ea.Count == 0 && eb.Count == 0) return double.NaN;
        if (ea.Count == 0 || eb.Count == 0) return double.PositiveInfinity;
        double Pct(List<(int R, int C)> from, List<(int R, int C)> to)
        {
            var d = from.Select(p => to.Min(t => Math.Sqrt(Math.Pow((p.R - t.R) * dr, 2) + Math.Pow((p.C - t.C) * dc, 2)))).Order().ToArray();
            double pos = q / 100 * (d.Length - 1);
            int lo = (int)pos;
            return lo + 1 < d.Length ? d[lo] + (pos - lo) * (d[lo + 1] - d[lo]) : d[lo];
        }
        return Math.Max(Pct(ea, eb), Pct(eb, ea));
    }

    [Fact]
    public void LargestComponentUsesEightConnectivity()
    {
        // Two diagonal pixels form one 8-connected component of 2; a separate 3-pixel bar wins.
        var m = Mask(6, 6, (0, 0), (1, 1), (4, 2), (4, 3), (4, 4));
        var kept = MaskPostProcessing.LargestComponent(m, 6, 6);
        Assert.Equal(Mask(6, 6, (4, 2), (4, 3), (4, 4)), kept);
        var diagonal = Mask(6, 6, (0, 0), (1, 1), (2, 2), (4, 4));
        Assert.Equal(Mask(6, 6, (0, 0), (1, 1), (2, 2)), MaskPostProcessing.LargestComponent(diagonal, 6, 6));
        Assert.Equal(new bool[36], MaskPostProcessing.LargestComponent(new bool[36], 6, 6));
    }

    [Fact]
    public void FillHolesFillsEnclosedBackgroundOnly()
    {
        // Ring with a one-pixel hole -> filled square; a notch open to the border stays open.
        var ring = Rect(7, 7, 1, 5, 1, 5);
        ring[3 * 7 + 3] = false;
        ring[2 * 7 + 2] = false;
        var filled = MaskPostProcessing.FillHoles(ring, 7, 7);
        Assert.Equal(Rect(7, 7, 1, 5, 1, 5), filled);
        var open = Rect(7, 7, 0, 4, 0, 4);
        open[0 * 7 + 0] = false; // corner touching the image border: not a hole
        Assert.Equal(open, MaskPostProcessing.FillHoles(open, 7, 7));
        // Background connected to the border only diagonally is a hole under scipy's 4-connected background.
        var diag = Rect(5, 5, 0, 3, 0, 3);
        diag[0] = false;          // (0, 0): border background
        diag[1 * 5 + 1] = false;  // (1, 1): touches (0, 0) only diagonally
        var expected = Rect(5, 5, 0, 3, 0, 3);
        expected[0] = false;
        Assert.Equal(expected, MaskPostProcessing.FillHoles(diag, 5, 5));
    }
}
