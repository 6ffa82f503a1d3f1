using BreastSeg.Maps;

namespace BreastSeg.Tests.Maps;

public class NakagamiMapTests
{
    [Theory]
    [InlineData(40, 9, 9, 3)]
    [InlineData(41, 10, 4, 6)]
    [InlineData(17, 5, 17, 5)]
    [InlineData(33, 12, 1, 2)]
    [InlineData(64, 7, 23, 1)]
    [InlineData(1, 30, 1, 8)]
    [InlineData(29, 13, 10, 13)]
    public void MatchesNaiveOnRandomEnvelopesWithConstantRegions(int samples, int lines, int h, int w)
    {
        var v = EntropyMapTests.Speckle(samples, lines, seed: samples + 13 * lines);
        var fast = NakagamiMap.Compute(v, samples, lines, new WindowSize(h, w));
        NaiveReference.AssertClose(NaiveReference.Nakagami(v, samples, lines, h, w), fast, 1e-9, samples);
    }

    [Fact]
    public void BrightReflectorLeavesNoCancellationError()
    {
        // A 1e6 reflector next to unit speckle: running sums of I and I^2 would keep ~1e24 * 1e-16 of error.
        int samples = 80, lines = 6;
        var v = EntropyMapTests.Speckle(samples, lines, seed: 21, withConstantBlock: false);
        for (int j = 0; j < lines; j++)
            for (int i = 10; i < 14; i++) v[j * samples + i] = 1e6 + i;
        var fast = NakagamiMap.Compute(v, samples, lines, new WindowSize(7, 3));
        NaiveReference.AssertClose(NaiveReference.Nakagami(v, samples, lines, 7, 3), fast, 1e-9, samples);
    }

    [Fact]
    public void ConstantWindowIsInfiniteAndZeroWindowIsNaN()
    {
        var v = new double[20 * 4];
        Array.Fill(v, 2.0, 0, 40);
        var m = NakagamiMap.Compute(v, 20, 4, new WindowSize(3, 1));
        Assert.Equal(double.PositiveInfinity, m[5]);
        Assert.True(double.IsNaN(m[65]));
    }

    [Fact]
    public void RayleighSpeckleHasMNearOne()
    {
        // R = |X + iY| with Gaussian X, Y is Rayleigh: m = 1 exactly in the limit; 24,000 samples give about +/- 0.01.
        int samples = 400, lines = 60;
        var rng = new Random(2024);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var r = Enumerable.Range(0, samples * lines).Select(_ => Math.Sqrt(Math.Pow(Gauss(), 2) + Math.Pow(Gauss(), 2))).ToArray();
        var m = NakagamiMap.Compute(r, samples, lines, new WindowSize(samples, lines));
        Assert.InRange(m[(lines / 2) * samples + samples / 2], 0.95, 1.05);
        // Pre-Rayleigh (a product of Rayleigh and a sparse mask-like amplitude) must come out clearly below 1.
        var sparse = r.Select((x, k) => k % 5 == 0 ? 4 * x : 0.2 * x).ToArray();
        var ms = NakagamiMap.Compute(sparse, samples, lines, new WindowSize(samples, lines));
        Assert.True(ms[(lines / 2) * samples + samples / 2] < 0.5);
    }

    [Fact]
    public void ThreadCountAndStrideBehave()
    {
        var v = EntropyMapTests.Speckle(200, 31, seed: 4);
        var one = NakagamiMap.Compute(v, 200, 31, new WindowSize(9, 5), maxDegreeOfParallelism: 1);
        var all = NakagamiMap.Compute(v, 200, 31, new WindowSize(9, 5));
        Assert.Equal(one, all);
        var strided = NakagamiMap.Compute(v, 200, 31, new WindowSize(9, 5), stride: 3);
        foreach (int c in StrideGrid.Positions(31, 3))
            foreach (int r in StrideGrid.Positions(200, 3)) Assert.Equal(one[c * 200 + r], strided[c * 200 + r]);
    }
}
