using BreastSeg.Maps;
using BreastSeg.Notebooks;
using BreastSeg.Notebooks.Display;
using BreastSeg.Rf;

namespace BreastSeg.Tests.Notebooks;

/// <summary>What notebook 02 and the image formatters compute, against naive references.</summary>
public class NotebookFigureTests
{
    [Theory]
    [InlineData(EntropyNormalization.Window)]
    [InlineData(EntropyNormalization.Global)]
    public void TheWindowHistogramGivesTheEntropyMapsValueAtItsPixel(EntropyNormalization normalization)
    {
        // The histogram is counted naively from the window's values; the map comes from the running-histogram kernel.
        var rng = new Random(11);
        int samples = 40, lines = 12;
        var values = Enumerable.Range(0, samples * lines).Select(_ => Math.Exp(rng.NextDouble() * 3)).ToArray();
        var window = new WindowSize(7, 3);
        var map = EntropyMap.Compute(values, samples, lines, window, 16, normalization);
        foreach (var (i, j) in new[] { (0, 0), (20, 5), (39, 11), (3, 10) })
        {
            var h = WindowHistogram.Of(values, samples, lines, window, 16, normalization, i, j);
            Assert.Equal(map[j * samples + i], h.EntropyBits, 9);
            int inWindow = (Math.Min(samples - 1, i + 3) - Math.Max(0, i - 3) + 1) * (Math.Min(lines - 1, j + 1) - Math.Max(0, j - 1) + 1);
            Assert.Equal(inWindow, h.Counts.Sum());
        }
    }

    [Fact]
    public void ThumbnailsAverageTheMapPixelsTheyCover()
    {
        var rng = new Random(5);
        int samples = 60, lines = 20, w = 7, h = 9;
        var values = Enumerable.Range(0, samples * lines).Select(_ => rng.NextDouble()).ToArray();
        values[17] = double.NaN;
        var image = new MapImage(values, samples, lines, 0.02, 0.07);
        var thumb = image.BoxAverage(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                // Naive: the mean of every finite map pixel whose index maps into display pixel (x, y).
                var covered = new List<double>();
                for (int j = 0; j < lines; j++)
                    for (int i = 0; i < samples; i++)
                        if (j * w / lines == x && i * h / samples == y && double.IsFinite(values[j * samples + i])) covered.Add(values[j * samples + i]);
                Assert.Equal(covered.Average(), thumb[y * w + x], 12);
            }
    }

    [Fact]
    public void ColourLimitsArePercentilesUnlessSetAndAZoomKeepsTheLesionOnMmAxes()
    {
        int samples = 100, lines = 50;
        var values = Enumerable.Range(0, samples * lines).Select(k => (double)(k % 1000)).ToArray();
        values[0] = 1e9; // one outlier must not stretch the scale
        var image = new MapImage(values, samples, lines, 0.02, 0.1);
        var (lo, hi) = image.Limits();
        var sorted = values.Order().ToArray();
        Assert.Equal(sorted[(int)Math.Floor(0.01 * (sorted.Length - 1))], lo);
        Assert.Equal(sorted[(int)Math.Floor(0.99 * (sorted.Length - 1))], hi);
        Assert.Equal((2.0, 3.0), (image with { Min = 2, Max = 3 }).Limits());

        var mask = new bool[samples * lines];
        for (int j = 20; j <= 24; j++) for (int i = 40; i <= 59; i++) mask[j * samples + i] = true;
        var zoom = image.ZoomTo(new LesionMask(samples, lines, mask), marginMm: 0.19);
        Assert.Equal((20 + 2 * 10, 5 + 2 * 2), (zoom.Samples, zoom.Lines));  // 0.19 mm: 10 samples and 2 lines each side
        Assert.Equal(30 * 0.02, zoom.DepthOffsetMm, 12);
        Assert.Equal(-2.5 + 18 * 0.1, zoom.LateralOffsetMm!.Value, 12);
        Assert.Equal(values[18 * samples + 30], zoom.Values[0]);
        Assert.Equal(100, zoom.Mask!.Area);
        Assert.Equal((lo, hi), zoom.Limits()); // the overview's colour scale
        Assert.Contains("lesion zoom", zoom.ToHtml());
    }

    [Fact]
    public void ParametersRoundTripDefaultWhenAbsentAndRejectBadFiles()
    {
        string folder = Directory.CreateTempSubdirectory("bs-params").FullName;
        try
        {
            string path = Path.Combine(folder, "parameters.json");
            Assert.Equal(NotebookParameters.Defaults, NotebookParameters.Load(path));
            var defaults = new MapOptions();
            Assert.Equal((((MapWindow.InPulseLengths)defaults.Window).SideLength, defaults.Bins, defaults.Normalization),
                (NotebookParameters.Defaults.WindowPulseLengths, NotebookParameters.Defaults.Bins, NotebookParameters.Defaults.Normalization));
            Assert.Equal(defaults, NotebookParameters.Defaults.MapOptions());
            var chosen = new NotebookParameters(2.5, 64, EntropyNormalization.Global);
            chosen.Save(path);
            var loaded = NotebookParameters.Load(path);
            Assert.Equal(chosen, loaded);
            Assert.Contains(path, loaded.Source);
            var config = loaded.ApplyTo(NotebookData.Config(folder, quick: true));
            var maps = config.Experiment.Maps;
            Assert.Equal((MapWindow.PulseLengths(2.5), 64, EntropyBinRule.Fixed, EntropyNormalization.Global), (maps.Window, maps.Bins, maps.BinRule, maps.Normalization));

            File.WriteAllText(path, "{\"windowPulseLengths\": -1, \"bins\": 32, \"normalization\": \"window\"}");
            var bad = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => NotebookParameters.Load(path));
            Assert.Contains("windowPulseLengths", bad.Message);
            File.WriteAllText(path, "not json");
            Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => NotebookParameters.Load(path));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void ChartHtmlNeverLoadsPlotlyJsItselfAndWaitsForTheSetupCellsCopy()
    {
        var chart = BreastSeg.Figures.EntropySweepFigure.Lines([new(1, 32, 0.5), new(2, 32, 0.7)]);
        string html = new NotebookChart(chart, "gd.setAttribute('data-after', '1');").ToHtml();
        Assert.Contains(NotebookChart.Marker, html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html);
        Assert.Contains("\"y\":[0.5,0.7]", html);
        Assert.Contains("typeof window.Plotly === 'undefined'", html);
        Assert.Contains("data-after", html);
        // The setup cell's copy: the whole bundle, forced to window.Plotly, safe inside one script element.
        string script = BreastSeg.Figures.PlotlyJs.GlobalScript;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(script, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.True(script.Length > 3_000_000);
        Assert.Equal("2.28.0", BreastSeg.Figures.PlotlyJs.Version);
    }
}
