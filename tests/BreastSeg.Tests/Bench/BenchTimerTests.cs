using BreastSeg.Benchmarks;

namespace BreastSeg.Tests.CoreBench;

/// <summary>The timing helper shared by `breastseg bench` and tests/BreastSeg.Benchmarks.</summary>
public class BenchTimerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(10)]
    public void MedianMatchesTheSortedDefinition(int n)
    {
        var rng = new Random(n);
        for (int trial = 0; trial < 20; trial++)
        {
            var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 100 - 50).ToArray();
            // Independent reference: the middle values are those with at most n/2 values below and at most n/2 above
            // (one for odd n, two for even n, whose mean is the median).
            var middle = values.Where(v => values.Count(w => w < v) <= n / 2 && values.Count(w => w > v) <= n / 2).ToArray();
            Assert.Equal(n % 2 == 1 ? 1 : 2, middle.Length);
            double expected = middle.Average();
            Assert.Equal(expected, BenchTimer.Median(values), 12);
        }
    }

    [Fact]
    public void MeasureRunsWarmupAndRepeatsAndReportsBestAndMedian()
    {
        int calls = 0;
        var r = BenchTimer.Measure("sleep", "1", 1, () =>
        {
            calls++;
            Thread.Sleep(calls == 2 ? 40 : 5);
            return calls;
        }, repeats: 3, warmup: 2);
        Assert.Equal(5, calls);
        Assert.Equal(("sleep", "1", 1), (r.Name, r.Size, r.Threads));
        Assert.True(r.BestMs >= 4.5, $"best {r.BestMs}"); // Thread.Sleep never returns early
        Assert.True(r.BestMs <= r.MedianMs);
        Assert.True(r.CpuMs >= 0);
    }

    [Fact]
    public void MeasureRejectsZeroRepeats() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchTimer.Measure("x", "1", 1, () => null, repeats: 0));
}
