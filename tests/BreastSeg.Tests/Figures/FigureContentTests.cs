using System.Text.Json;
using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public class FigureContentTests
{
    [Fact]
    public void Dice_boxes_show_every_case_and_the_studys_mean_and_median_labelled_as_its_data()
    {
        var rng = new Random(4);
        var models = new[]
        {
            new ModelDice("B-mode", Enumerable.Range(0, 23).Select(_ => rng.NextDouble()).ToArray(), "B-mode"),
            new ModelDice("entropy", Enumerable.Range(0, 23).Select(_ => rng.NextDouble()).ToArray(), "entropy"),
            new ModelDice("B-mode + entropy", Enumerable.Range(0, 23).Select(_ => rng.NextDouble()).ToArray()),
        };
        var figure = FigureJson.Of(DiceDistributionFigure.Create(models, StudyResults.Byra2020));
        var traces = figure.Traces();

        var boxes = traces.Where(t => t.Type() == "box").ToArray();
        Assert.Equal(3, boxes.Length);
        for (int m = 0; m < 3; m++)
        {
            Assert.Equal(models[m].Dice, boxes[m].GetProperty("y").Doubles());
            Assert.Equal("all", boxes[m].GetProperty("boxpoints").GetString());
        }

        var markers = traces.Where(t => t.Type() == "scatter").ToArray();
        Assert.All(markers, t => Assert.StartsWith("study (its patient data)", t.GetProperty("name").GetString()));
        (string Category, double Y)[] Points(string kind) => markers
            .Where(t => t.GetProperty("name").GetString()!.EndsWith(kind))
            .Select(t => (t.GetProperty("x")[0].GetString()!, t.GetProperty("y")[0].GetDouble())).ToArray();
        Assert.Equal([(DiceDistributionFigure.Category(models[0]), 0.53), (DiceDistributionFigure.Category(models[1]), 0.60)], Points("mean"));
        Assert.Equal([(DiceDistributionFigure.Category(models[0]), 0.59), (DiceDistributionFigure.Category(models[1]), 0.71)], Points("median"));
        Assert.Contains("patient data", figure.Layout().GetProperty("annotations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void The_window_slider_shows_one_map_per_step_and_keeps_the_outline()
    {
        var g = new ImageGeometry(30, 20, 0.02, 0.07);
        var maps = new[] { 2.0, 0.5, 1.0 }.Select(w => new WindowMap(w, new MmImage(g, Enumerable.Repeat(w, 600).ToArray()))).ToList();
        var truth = new MmMask(g, Enumerable.Range(0, 600).Select(i => i % 30 is > 10 and < 20 && i / 30 is > 5 and < 15).ToArray());
        var figure = FigureJson.Of(EntropySweepFigure.WindowSlider(maps, truth));

        var traces = figure.Traces();
        Assert.Equal(4, traces.Length);
        var steps = figure.Layout().GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["0.5", "1", "2"], steps.Select(s => s.GetProperty("label").GetString()!).ToArray());
        for (int i = 0; i < steps.Length; i++)
        {
            bool[] visible = steps[i].GetProperty("args")[0].GetProperty("visible").EnumerateArray().Select(v => v.GetBoolean()).ToArray();
            Assert.Equal([i == 0, i == 1, i == 2, true], visible);
            // The heatmap a step shows is the map of that step's window, sorted ascending.
            double shown = traces[i].GetProperty("z")[0][0].GetDouble();
            Assert.Equal(double.Parse(steps[i].GetProperty("label").GetString()!, System.Globalization.CultureInfo.InvariantCulture), shown);
        }
    }

    [Fact]
    public void Sweep_lines_have_one_line_per_bin_count_in_window_order()
    {
        var points = new[] { new SweepPoint(2, 16, 0.4), new SweepPoint(1, 16, 0.9), new SweepPoint(1, 64, 1.1), new SweepPoint(2, 64, 0.7, 0.1) };
        var traces = FigureJson.Of(EntropySweepFigure.Lines(points)).Traces();
        Assert.Equal(["16 bins", "64 bins"], traces.Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Equal([1.0, 2.0], traces[0].GetProperty("x").Doubles());
        Assert.Equal([0.9, 0.4], traces[0].GetProperty("y").Doubles());
        Assert.Equal([0.0, 0.1], traces[1].GetProperty("error_y").GetProperty("array").Doubles());

        var heatmap = FigureJson.Of(EntropySweepFigure.Heatmap(points)).Traces().Single();
        Assert.Equal(0.7, heatmap.GetProperty("z")[1][1].GetDouble());   // 64 bins, window 2
    }

    [Fact]
    public void Training_curves_plot_loss_and_validation_dice_per_model()
    {
        var histories = new[] { "B-mode", "entropy" }.Select(m => new TrainingHistory(m,
            Enumerable.Range(1, 4).Select(e => new EpochMetrics(e, 1.0 / e, 1.1 / e, 0.2 * e)).ToList())).ToList();
        var traces = FigureJson.Of(TrainingCurvesFigure.Create(histories)).Traces();
        Assert.Equal(6, traces.Length);
        var dice = traces.Where(t => t.GetProperty("yaxis").GetString() == "y2").ToArray();
        Assert.Equal(2, dice.Length);
        Assert.Equal([0.2, 0.4, 0.6, 0.8], dice[0].GetProperty("y").Doubles(), new ToleranceComparer());
    }

    [Fact]
    public void Attention_maps_put_each_gate_on_its_own_panel_with_a_0_to_1_scale()
    {
        var g = new ImageGeometry(64, 64, 0.3, 0.3);
        var gates = new[] { 8, 16 }.Select(n => new AttentionGateMap($"gate {n}", new MmImage(g.Resampled(n, n), new double[n * n]))).ToList();
        var figure = FigureJson.Of(AttentionMapsFigure.Create([new AttentionCase("case 3", new MmImage(g, new double[4096]), "Entropy (bits)", gates)]));
        var heatmaps = figure.Traces().Where(t => t.Type() == "heatmap").ToArray();
        Assert.Equal(3, heatmaps.Length);
        Assert.Equal(["x", "x2", "x3"], heatmaps.Select(h => h.GetProperty("xaxis").GetString()!).ToArray());
        Assert.Equal(16, heatmaps[2].GetProperty("z").GetArrayLength());
        var scale = figure.Layout().GetProperty("coloraxis2");
        Assert.Equal(0, scale.GetProperty("cmin").GetDouble());
        Assert.Equal(1, scale.GetProperty("cmax").GetDouble());
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) < 1e-9;
        public int GetHashCode(double v) => 0;
    }
}
