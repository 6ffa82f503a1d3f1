using BreastSeg.Models;
using BreastSeg.Notebooks;
using BreastSeg.Notebooks.Display;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Tests.Notebooks;

/// <summary>The library helpers the notebooks call instead of repeating code: data/preset choice, live training
/// curves, line progress, run-folder preparation.</summary>
public class NotebookHelperTests
{
    [Fact]
    public void ConfigIsTheTinyPresetOnTheSmallCohortInQuickModeAndTheCliDefaultOtherwise()
    {
        string folder = Directory.CreateTempSubdirectory("bs-nbdata").FullName;
        try
        {
            var quick = NotebookData.Config(folder, quick: true);
            Assert.Equal("tiny", quick.Preset);
            Assert.Equal((NotebookData.QuickCases, NotebookData.QuickSeed), (quick.CohortCases, quick.CohortSeed));
            Assert.Null(quick.Data);
            var full = NotebookData.Config(folder, quick: false);
            Assert.Equal(BreastSeg.Reproduce.ReproduceConfig.Quick, full);

            string oasbud = Path.Combine(folder, "OASBUD.mat");
            File.WriteAllBytes(oasbud, [0]);
            Assert.Equal(Path.GetFullPath(oasbud), NotebookData.Config(folder, quick: true).Data);
            // OASBUD wins over simulating anything, in both modes.
            Assert.Equal(Path.GetFullPath(oasbud), NotebookData.DefaultCohort(folder, quick: true, log: _ => Assert.Fail("simulated")));
            Assert.Equal(Path.GetFullPath(oasbud), NotebookData.DefaultCohort(folder, quick: false, log: _ => Assert.Fail("simulated")));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void LiveTrainingCurvesRedrawEveryEpochThrottleBatchesAndShowAFinishedRun()
    {
        var shown = new List<object>();
        var live = new LiveTrainingCurves("Entropy", shown.Add, TimeSpan.FromHours(1));
        live.Report(new TrainingProgress(1, 3, 1, 2, 0.9, null));                         // first batch: drawn
        live.Report(new TrainingProgress(1, 3, 2, 2, 0.85, null));                        // within the interval: not drawn
        live.Report(new TrainingProgress(1, 3, 2, 2, 0.8, new EpochReport(1, 0.8, 0.7, 0.25, 1e-3, 1, true, 10)));
        live.Report(new TrainingProgress(2, 3, 2, 2, 0.6, new EpochReport(2, 0.6, 0.65, 0.4, 1e-3, 1, true, 10)));
        Assert.Equal(3, shown.Count);
        Assert.All(shown, s => Assert.IsAssignableFrom<Plotly.NET.GenericChart>(s));
        Assert.Equal([1, 2], live.History.Select(e => e.Epoch));
        Assert.Equal("Entropy: epoch 2/3 done: training loss 0.600, validation loss 0.650, validation Dice 0.400", live.Status);
        string html = NotebookChart.Html((Plotly.NET.GenericChart)shown[^1]);
        Assert.Contains("epoch 2/3 done", html);   // the status is the chart's title
        Assert.Contains("[0.8,0.6]", html);        // the training losses per epoch
        Assert.Contains("[0.25,0.4]", html);       // the validation Dice per epoch

        // A finished checkpoint trains no epoch and reports nothing: Show still draws its whole history.
        var resumed = new LiveTrainingCurves("B-mode", shown.Add);
        resumed.Show(new TrainingResult([new EpochReport(1, 0.5, 0.5, 0.3, 1e-3, 1, true, 0), new EpochReport(2, 0.4, 0.45, 0.5, 1e-3, 1, true, 0)], 2, 0.5, false, 2));
        Assert.Equal(2, resumed.History.Count);
        Assert.Equal("B-mode: 2 epochs (resumed after epoch 2), best validation Dice 0.500 (epoch 2)", resumed.Status);
    }

    [Fact]
    public void LineProgressWritesStartsNewDescriptionsNotesAndCompletion()
    {
        var lines = new List<string>();
        var progress = new LineProgress(lines.Add);
        var task = progress.Begin("training bmode", 2);
        task.Report(1, "training bmode: epoch 1/2");
        task.Report(1, "training bmode: epoch 1/2"); // unchanged: not repeated
        task.Report(2);
        progress.Note("data: reusing x");
        task.Complete();
        Assert.Equal(["training bmode...", "  training bmode: epoch 1/2", "data: reusing x"], lines.Take(3));
        Assert.StartsWith("  done in ", lines[3]);
        Assert.Equal(4, lines.Count);
    }
}
