using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public class MaskContoursTests
{
    // Random masks of several sizes and fill densities, including single rows/columns and blobs touching the border.
    public static IEnumerable<object[]> RandomMasks()
    {
        int seed = 0;
        foreach (var (rows, cols) in new[] { (1, 1), (1, 9), (7, 1), (5, 6), (17, 13), (40, 31) })
            foreach (double density in new[] { 0.1, 0.5, 0.85 })
                yield return [rows, cols, density, seed++];
    }

    private static bool[] Random(int rows, int cols, double density, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * cols).Select(_ => rng.NextDouble() < density).ToArray();
    }

    private static bool At(bool[] m, int rows, int cols, int r, int c) => r >= 0 && c >= 0 && r < rows && c < cols && m[c * rows + r];

    [Theory]
    [MemberData(nameof(RandomMasks))]
    public void Every_vertex_is_the_midpoint_of_one_inside_outside_pixel_pair_and_every_such_pair_is_used_once(int rows, int cols, double density, int seed)
    {
        var mask = Random(rows, cols, density, seed);
        var contours = MaskContours.Extract(mask, rows, cols);

        // Naive reference: every 4-neighbour pair (pixels outside the image count as background) with one inside pixel.
        var expected = new HashSet<(int, int)>();
        for (int r = -1; r <= rows; r++)
            for (int c = -1; c <= cols; c++)
            {
                if (At(mask, rows, cols, r, c) != At(mask, rows, cols, r + 1, c)) expected.Add((2 * r + 1, 2 * c));
                if (At(mask, rows, cols, r, c) != At(mask, rows, cols, r, c + 1)) expected.Add((2 * r, 2 * c + 1));
            }

        var seen = new List<(int, int)>();
        foreach (var contour in contours)
        {
            Assert.Equal(contour.Rows[0], contour.Rows[^1]);
            Assert.Equal(contour.Columns[0], contour.Columns[^1]);
            for (int k = 0; k + 1 < contour.Rows.Length; k++)
            {
                double r2 = contour.Rows[k] * 2, c2 = contour.Columns[k] * 2;
                Assert.Equal(Math.Round(r2), r2);
                Assert.Equal(Math.Round(c2), c2);
                seen.Add(((int)r2, (int)c2));
                // Consecutive vertices lie in one cell: one apart (straight through) or sqrt(1/2) (a corner cut).
                double step = Math.Sqrt(Math.Pow(contour.Rows[k + 1] - contour.Rows[k], 2) + Math.Pow(contour.Columns[k + 1] - contour.Columns[k], 2));
                Assert.True(Math.Abs(step - 1) < 1e-12 || Math.Abs(step - Math.Sqrt(0.5)) < 1e-12, $"step {step}");
            }
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(expected.SetEquals(seen), "contour vertices differ from the inside/outside crossings");
    }

    [Theory]
    [MemberData(nameof(RandomMasks))]
    public void Outer_contours_count_4_connected_lesions_and_inner_contours_count_holes(int rows, int cols, double density, int seed)
    {
        var mask = Random(rows, cols, density, seed);
        var contours = MaskContours.Extract(mask, rows, cols);
        int outer = contours.Count(c => c.SignedArea > 0), inner = contours.Count(c => c.SignedArea < 0);

        int lesions = Components(rows, cols, (r, c) => At(mask, rows, cols, r, c), diagonal: false, pad: false);
        // Background is 8-connected when lesions are 4-connected; with one padding ring, all but one component are holes.
        int holes = Components(rows, cols, (r, c) => !At(mask, rows, cols, r, c), diagonal: true, pad: true) - 1;
        Assert.Equal(lesions, outer);
        Assert.Equal(holes, inner);
    }

    [Theory]
    [MemberData(nameof(RandomMasks))]
    public void Shoelace_area_equals_pixel_count_corrected_for_cut_corners(int rows, int cols, double density, int seed)
    {
        var mask = Random(rows, cols, density, seed);
        double area = MaskContours.Extract(mask, rows, cols).Sum(c => c.SignedArea);

        // Per 2x2 cell of pixel centres: a lone inside corner loses a 1/8 triangle, a lone outside corner gains one,
        // a diagonal (saddle) pair loses two.
        double expected = mask.Count(b => b);
        int cracks = 0;
        for (int r = -1; r < rows; r++)
            for (int c = -1; c < cols; c++)
            {
                bool tl = At(mask, rows, cols, r, c), tr = At(mask, rows, cols, r, c + 1), br = At(mask, rows, cols, r + 1, c + 1), bl = At(mask, rows, cols, r + 1, c);
                int n = (tl ? 1 : 0) + (tr ? 1 : 0) + (br ? 1 : 0) + (bl ? 1 : 0);
                if (n == 1) expected -= 0.125;
                if (n == 3) expected += 0.125;
                if (n == 2 && tl == br) expected -= 0.25;
                cracks += (tl != tr ? 1 : 0) + (tl != bl ? 1 : 0);
            }
        Assert.Equal(expected, area, 9);
        Assert.True(Math.Abs(area - mask.Count(b => b)) <= cracks / 8.0 + 1e-9);
    }

    [Fact]
    public void A_disk_gives_one_closed_outline_on_its_circle_with_its_area()
    {
        int n = 81;
        double radius = 25, cr = 40.3, cc = 39.6;
        var mask = new bool[n * n];
        for (int c = 0; c < n; c++)
            for (int r = 0; r < n; r++)
                mask[c * n + r] = (r - cr) * (r - cr) + (c - cc) * (c - cc) <= radius * radius;

        var contour = Assert.Single(MaskContours.Extract(mask, n, n));
        Assert.True(Math.Abs(contour.SignedArea - Math.PI * radius * radius) / (Math.PI * radius * radius) < 0.01);
        for (int k = 0; k < contour.Rows.Length; k++)
        {
            double d = Math.Sqrt(Math.Pow(contour.Rows[k] - cr, 2) + Math.Pow(contour.Columns[k] - cc, 2));
            Assert.InRange(d, radius - 1, radius + 1);
        }
    }

    [Fact]
    public void Empty_full_and_single_pixel_masks()
    {
        Assert.Empty(MaskContours.Extract(new bool[12], 3, 4));

        var full = MaskContours.Extract(Enumerable.Repeat(true, 12).ToArray(), 3, 4);
        Assert.Equal(12 - 0.5, Assert.Single(full).SignedArea, 12);   // four cut corners

        var one = new bool[9];
        one[4] = true;
        var diamond = Assert.Single(MaskContours.Extract(one, 3, 3));
        Assert.Equal(0.5, diamond.SignedArea, 12);
        Assert.Equal(5, diamond.Rows.Length);
        Assert.All(diamond.Rows.Zip(diamond.Columns), p => Assert.Equal(0.5, Math.Abs(p.First - 1) + Math.Abs(p.Second - 1), 12));
    }

    [Fact]
    public void Wrong_mask_length_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MaskContours.Extract(new bool[5], 2, 3));
    }

    private static int Components(int rows, int cols, Func<int, int, bool> member, bool diagonal, bool pad)
    {
        int lo = pad ? -1 : 0, hiR = pad ? rows : rows - 1, hiC = pad ? cols : cols - 1;
        var seen = new HashSet<(int, int)>();
        int count = 0;
        for (int r = lo; r <= hiR; r++)
            for (int c = lo; c <= hiC; c++)
            {
                if (!member(r, c) || !seen.Add((r, c))) continue;
                count++;
                var stack = new Stack<(int, int)>([(r, c)]);
                while (stack.Count > 0)
                {
                    var (pr, pc) = stack.Pop();
                    for (int dr = -1; dr <= 1; dr++)
                        for (int dc = -1; dc <= 1; dc++)
                        {
                            if ((dr == 0 && dc == 0) || (!diagonal && dr != 0 && dc != 0)) continue;
                            int qr = pr + dr, qc = pc + dc;
                            if (qr < lo || qc < lo || qr > hiR || qc > hiC || !member(qr, qc) || !seen.Add((qr, qc))) continue;
                            stack.Push((qr, qc));
                        }
                }
            }
        return count;
    }
}
