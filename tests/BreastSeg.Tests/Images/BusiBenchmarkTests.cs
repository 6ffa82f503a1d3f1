using BreastSeg.Evaluation;
using BreastSeg.Images;

namespace BreastSeg.Tests.Images;

public class BusiBenchmarkTests
{
    private static CaseResult Result(int i, bool malignant, double dice) => new(i, $"c{i}", 1, malignant, dice, dice, dice, dice, 1, 100, 100);

    [Fact]
    public void TableShowsOursPerClassWithIntervalsBesideThePublishedRowsLabelledAsTheirs()
    {
        var results = new List<CaseResult>();
        for (int i = 0; i < 20; i++) results.Add(Result(i, i % 2 == 1, i % 2 == 1 ? 0.8 : 0.6));
        results.Add(Result(99, false, double.NaN)); // an empty reference (normal case) is left out
        var md = BusiBenchmark.Markdown([("Attention U-Net, B-mode", results)], "our protocol");
        var ours = md.Split('\n').Single(l => l.StartsWith("| Attention U-Net, B-mode |"));
        Assert.Contains("| 20 |", ours);
        Assert.Contains("0.600 (0.600 to 0.600), n = 10", ours); // benign: constant, so the interval is the value
        Assert.Contains("0.800 (0.800 to 0.800), n = 10", ours);
        Assert.Contains("| 0.700 (", ours);
        var theirs = md.Split('\n').Single(l => l.StartsWith("| Attention U-Net | " + BusiBenchmark.Label));
        Assert.Contains("0.769 +/- 0.035", theirs);
        Assert.Contains("300 epochs", md);
        Assert.Contains("our protocol", md);
        Assert.Equal(0.7688, BusiBenchmark.AttentionUNetDice, 12);
    }
}
