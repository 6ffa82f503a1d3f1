using BreastSeg.Figures;
using BreastSeg.Rf;

namespace BreastSeg.Tests.Figures;

public class GeometryTests
{
    private static ImageGeometry Oasbud(int samples) => new(samples, 510, 0.01925, 38.0 / 510);

    [Fact]
    public void Extents_of_an_oasbud_frame_are_its_depth_and_aperture()
    {
        var g = ImageGeometry.Of(new RfFrame(2000, 510, new double[2000 * 510]));
        Assert.Equal(0.01925, g.AxialSpacingMm, 12);
        Assert.Equal(38.0 / 510, g.LateralSpacingMm, 12);
        var (left, right) = g.LateralExtentMm;
        Assert.Equal(-19, left, 9);
        Assert.Equal(19, right, 9);
        var (top, bottom) = g.DepthExtentMm;
        Assert.Equal(2000 * 0.01925, bottom - top, 9);
        Assert.Equal(0, g.DepthMm(0), 12);
        Assert.Equal(1999 * 0.01925, g.DepthMm(1999), 9);
    }

    [Theory]
    [InlineData(2000, 128, 128)]
    [InlineData(1040, 256, 96)]
    [InlineData(2864, 7, 3)]
    public void A_resampled_grid_covers_the_same_area(int samples, int rows, int cols)
    {
        var g = Oasbud(samples) with { FirstDepthMm = 3.2, LateralCentreMm = -1.5 };
        var r = g.Resampled(rows, cols);
        Assert.Equal(g.DepthExtentMm.Top, r.DepthExtentMm.Top, 9);
        Assert.Equal(g.DepthExtentMm.Bottom, r.DepthExtentMm.Bottom, 9);
        Assert.Equal(g.LateralExtentMm.Left, r.LateralExtentMm.Left, 9);
        Assert.Equal(g.LateralExtentMm.Right, r.LateralExtentMm.Right, 9);
    }

    [Fact]
    public void Display_downsampling_is_the_block_mean_over_the_same_area()
    {
        var rng = new Random(3);
        var g = new ImageGeometry(60, 40, 0.02, 0.07, 1.0, 0.5);
        var image = new MmImage(g, Enumerable.Range(0, 2400).Select(_ => rng.NextDouble()).ToArray());
        var shown = image.ForDisplay(20, 10);   // blocks of 3 x 4
        Assert.Equal(20, shown.Geometry.Samples);
        Assert.Equal(10, shown.Geometry.Lines);
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 10; c++)
            {
                double sum = 0;
                for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) sum += image[3 * r + i, 4 * c + j];
                Assert.Equal(sum / 12, shown[r, c], 12);
            }
        Assert.Equal(g.DepthExtentMm.Top, shown.Geometry.DepthExtentMm.Top, 9);
        Assert.Equal(g.DepthExtentMm.Bottom, shown.Geometry.DepthExtentMm.Bottom, 9);
        Assert.Equal(g.LateralExtentMm.Left, shown.Geometry.LateralExtentMm.Left, 9);
        Assert.Equal(g.LateralExtentMm.Right, shown.Geometry.LateralExtentMm.Right, 9);
        Assert.Same(image, image.ForDisplay(60, 40));
    }

    [Fact]
    public void The_common_colour_range_spans_every_finite_value_of_every_image()
    {
        var rng = new Random(8);
        var g = new ImageGeometry(6, 5, 0.1, 0.1);
        var images = Enumerable.Range(0, 4).Select(_ => new MmImage(g, Enumerable.Range(0, 30)
            .Select(_ => rng.NextDouble() < 0.1 ? double.NaN : rng.NextDouble() < 0.05 ? double.NegativeInfinity : 10 * rng.NextDouble() - 5).ToArray())).ToList();
        var finite = images.SelectMany(i => i.Values).Where(double.IsFinite).ToList();
        Assert.Equal((finite.Min(), finite.Max()), MmImage.CommonRange(images));
        Assert.Equal((0.0, 1.0), MmImage.CommonRange([new MmImage(g, Enumerable.Repeat(double.NaN, 30).ToArray())]));
        Assert.Equal((2.0, 3.0), MmImage.CommonRange([new MmImage(g, Enumerable.Repeat(2.0, 30).ToArray())]));
    }

    [Fact]
    public void Mask_outlines_map_to_mm_through_the_grid()
    {
        var g = new ImageGeometry(5, 4, 0.5, 2.0, 10, 0);
        var inside = new bool[20];
        inside[2 * 5 + 3] = true;   // row 3, column 2
        var contour = Assert.Single(new MmMask(g, inside).ContoursMm());
        Assert.Equal(g.DepthMm(2.5), contour.DepthMm.Min(), 12);
        Assert.Equal(g.DepthMm(3.5), contour.DepthMm.Max(), 12);
        Assert.Equal(g.LateralMm(1.5), contour.LateralMm.Min(), 12);
        Assert.Equal(g.LateralMm(2.5), contour.LateralMm.Max(), 12);
    }

    [Fact]
    public void Example_case_heatmaps_and_axes_span_the_images_mm_extent()
    {
        var g = Oasbud(1200);
        var bmode = new MmImage(g, new double[g.Samples * g.Lines]);
        var entropyGeometry = g.Resampled(150, 100);
        var entropy = new MmImage(entropyGeometry, Enumerable.Range(0, 15000).Select(i => 3 + i % 7 * 0.1).ToArray());
        var truth = new MmMask(g, Enumerable.Range(0, g.Samples * g.Lines).Select(i => i % g.Samples is > 400 and < 700 && i / g.Samples is > 200 and < 300).ToArray());
        var prediction = new MmMask(g.Resampled(64, 64), Enumerable.Range(0, 4096).Select(i => i % 64 is > 20 and < 40 && i / 64 is > 25 and < 37).ToArray());
        var chart = ExampleCasesFigure.Create([new ExampleCase("median", "case 1", bmode, entropy, truth, [new ModelMask("entropy", prediction, 0.5)])]);

        var figure = FigureJson.Of(chart);
        var heatmaps = figure.Traces().Where(t => t.Type() == "heatmap").ToArray();
        Assert.Equal(2, heatmaps.Length);
        foreach (var (heatmap, geometry, axis) in new[] { (heatmaps[0], g, ""), (heatmaps[1], entropyGeometry, "2") })
        {
            double[] x = heatmap.GetProperty("x").Doubles(), y = heatmap.GetProperty("y").Doubles();
            double dx = x[1] - x[0], dy = y[1] - y[0];
            // Cells are centred on x/y, so the drawn image spans half a cell beyond the first and last centres.
            Assert.Equal(geometry.LateralExtentMm.Left, x[0] - dx / 2, 3);
            Assert.Equal(geometry.LateralExtentMm.Right, x[^1] + dx / 2, 3);
            Assert.Equal(geometry.DepthExtentMm.Top, y[0] - dy / 2, 3);
            Assert.Equal(geometry.DepthExtentMm.Bottom, y[^1] + dy / 2, 3);

            var layout = figure.Layout();
            double[] xr = layout.GetProperty("xaxis" + axis).GetProperty("range").Doubles();
            double[] yr = layout.GetProperty("yaxis" + axis).GetProperty("range").Doubles();
            Assert.Equal([geometry.LateralExtentMm.Left, geometry.LateralExtentMm.Right], xr);
            Assert.Equal([geometry.DepthExtentMm.Bottom, geometry.DepthExtentMm.Top], yr);   // depth grows downwards
            Assert.Equal("x" + axis, layout.GetProperty("yaxis" + axis).GetProperty("scaleanchor").GetString());
            Assert.Equal(1, layout.GetProperty("yaxis" + axis).GetProperty("scaleratio").GetDouble());
        }
        var layoutText = figure.Layout().ToString();
        Assert.Contains("B-mode (dB)", layoutText);
        Assert.Contains("Entropy (bits)", layoutText);
        Assert.Contains("Lateral (mm)", layoutText);
        Assert.Contains("Depth (mm)", layoutText);
    }
}
