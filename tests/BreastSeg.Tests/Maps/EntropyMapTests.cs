using BreastSeg.Maps;

namespace BreastSeg.Tests.Maps;

public class EntropyMapTests
{
    /// <summary>Random values with ties (rounded), a constant block and a few exact repeats of the extremes.</summary>
    internal static double[] Speckle(int samples, int lines, int seed, bool withConstantBlock = true)
    {
        var rng = new Random(seed);
        var v = new double[samples * lines];
        for (int k = 0; k < v.Length; k++) v[k] = rng.Next(3) == 0 ? Math.Round(rng.NextDouble() * 20) / 4 : rng.NextDouble() * 5;
        if (withConstantBlock)
            for (int j = 0; j < lines / 2; j++)
                for (int i = 0; i < samples / 3; i++) v[j * samples + i] = 2.5;
        return v;
    }

    public static TheoryData<int, int, int, int, int> Cases => new()
    {
        // samples, lines, window samples, window lines, bins
        { 40, 9, 9, 3, 32 },
        { 41, 10, 4, 6, 8 },
        { 17, 5, 17, 5, 32 },
        { 33, 12, 1, 1, 4 },
        { 64, 7, 23, 1, 16 },
        { 50, 1, 7, 1, 5 },
        { 1, 30, 1, 8, 3 },
        { 29, 13, 10, 13, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WindowNormalisationMatchesNaive(int samples, int lines, int h, int w, int bins)
    {
        var v = Speckle(samples, lines, seed: samples * 100 + lines);
        var fast = EntropyMap.Compute(v, samples, lines, new WindowSize(h, w), bins, EntropyNormalization.Window);
        NaiveReference.AssertClose(NaiveReference.EntropyWindow(v, samples, lines, h, w, bins), fast, 1e-9, samples);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GlobalNormalisationMatchesNaiveQuantiseThenCount(int samples, int lines, int h, int w, int bins)
    {
        var v = Speckle(samples, lines, seed: samples * 7 + lines);
        double lo = v.Min(), hi = v.Max();
        var levels = v.Select(x => Math.Min(bins - 1, (int)Math.Floor((x - lo) * bins / (hi - lo)))).ToArray();
        var fast = EntropyMap.Compute(v, samples, lines, new WindowSize(h, w), bins, EntropyNormalization.Global);
        NaiveReference.AssertClose(NaiveReference.RankEntropy(levels, samples, lines, h, w), fast, 1e-9, samples);
    }

    [Theory]
    [InlineData(37, 11, 5, 5, 256)]
    [InlineData(30, 8, 9, 3, 7)]
    [InlineData(25, 25, 6, 4, 40)]
    public void GlobalModeOnIntegerImageIsSkimageRankEntropy(int samples, int lines, int h, int w, int levels)
    {
        // skimage.filters.rank.entropy(image, footprint=np.ones((h, w))) with one bin per grey level.
        var rng = new Random(levels);
        var image = Enumerable.Range(0, samples * lines).Select(_ => 3 + rng.Next(levels)).ToArray();
        image[0] = 3;
        image[^1] = 3 + levels - 1;
        var expected = NaiveReference.RankEntropy(image, samples, lines, h, w);
        var asDouble = image.Select(x => (double)x).ToArray();
        var global = EntropyMap.Compute(asDouble, samples, lines, new WindowSize(h, w), bins: levels, EntropyNormalization.Global);
        NaiveReference.AssertClose(expected, global, 1e-9, samples);
        var fromLevels = EntropyMap.FromLevels(image.Select(x => x - 3).ToArray(), samples, lines, new WindowSize(h, w), levels);
        NaiveReference.AssertClose(expected, fromLevels, 1e-9, samples);
    }

    // scikit-image 0.19.3: skimage.filters.rank.entropy(img, np.ones(footprint)) flattened column-major, for the 7 x 6
    // uint8 image img[r, c] = (7 r + 3 c + r c) % 5.
    private static readonly double[] Skimage3x3 = [2.0, 2.2516291673878226, 1.584962500721156, 2.2516291673878226, 1.9182958340544896, 1.9182958340544896, 2.0, 1.9182958340544893, 2.1971597234241496, 2.1971597234241496, 2.197159723424149, 1.9749375012019272, 1.974937501201927, 1.9182958340544893, 1.9182958340544896, 1.657742726504889, 1.8799649487271113, 1.657742726504889, 2.197159723424149, 2.1971597234241496, 1.9182958340544896, 2.2516291673878226, 1.8799649487271113, 1.4355205042826666, 1.8799649487271113, 2.1971597234241496, 2.1971597234241496, 2.2516291673878226, 1.9182958340544896, 1.657742726504889, 1.8799649487271113, 1.657742726504889, 2.1971597234241496, 2.197159723424149, 1.9182958340544896, 1.5, 1.9182958340544896, 2.2516291673878226, 1.9182958340544896, 1.9182958340544893, 1.9182958340544896, 1.5];
    private static readonly double[] Skimage4x2 = [1.0, 1.584962500721156, 2.0, 2.0, 2.0, 2.0, 1.584962500721156, 2.0, 2.2516291673878226, 2.25, 2.25, 2.25, 2.0, 1.9182958340544896, 1.5, 1.9182958340544896, 2.25, 2.25, 2.25, 2.0, 1.9182958340544893, 1.5, 1.2516291673878228, 1.5487949406953985, 1.5487949406953985, 1.5487949406953985, 2.0, 1.792481250360578, 1.5, 1.2516291673878228, 1.5487949406953985, 1.5487949406953985, 1.5487949406953985, 2.0, 1.792481250360578, 1.5, 1.9182958340544896, 2.25, 2.25, 2.25, 2.0, 1.9182958340544896];

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    public void GlobalModeReproducesScikitImageValues(int h, int w)
    {
        var image = new int[7 * 6];
        for (int c = 0; c < 6; c++)
            for (int r = 0; r < 7; r++) image[c * 7 + r] = (7 * r + 3 * c + r * c) % 5;
        var expected = h == 3 ? Skimage3x3 : Skimage4x2;
        NaiveReference.AssertClose(expected, EntropyMap.FromLevels(image, 7, 6, new WindowSize(h, w), 5), 1e-12, 7);
        var global = EntropyMap.Compute(image.Select(x => (double)x).ToArray(), 7, 6, new WindowSize(h, w), 5, EntropyNormalization.Global);
        NaiveReference.AssertClose(expected, global, 1e-12, 7);
    }

    [Theory]
    [InlineData(EntropyNormalization.Window)]
    [InlineData(EntropyNormalization.Global)]
    public void ConstantFrameHasZeroEntropy(EntropyNormalization normalization)
    {
        var v = Enumerable.Repeat(3.25, 30 * 6).ToArray();
        var map = EntropyMap.Compute(v, 30, 6, new WindowSize(5, 3), 16, normalization);
        Assert.All(map, h => Assert.Equal(0.0, h));
    }

    [Theory]
    [InlineData(2, EntropyNormalization.Window)]
    [InlineData(5, EntropyNormalization.Window)]
    [InlineData(8, EntropyNormalization.Global)]
    [InlineData(13, EntropyNormalization.Global)]
    public void WindowsFillingKBinsEquallyGiveLog2K(int k, EntropyNormalization normalization)
    {
        // Levels cycle 0..k-1 down each line, so every full k x 3 window holds each level 3 times.
        int samples = 6 * k, lines = 5;
        var v = new double[samples * lines];
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++) v[j * samples + i] = (i + j) % k;
        var map = EntropyMap.Compute(v, samples, lines, new WindowSize(k, 3), bins: k, normalization);
        for (int j = 1; j < lines - 1; j++)
            for (int i = k / 2; i + k - 1 - k / 2 < samples; i++)
                Assert.Equal(Math.Log2(k), map[j * samples + i], 12);
    }

    [Theory]
    [InlineData(EntropyNormalization.Window, 64)]
    [InlineData(EntropyNormalization.Window, 4)]
    [InlineData(EntropyNormalization.Global, 64)]
    [InlineData(EntropyNormalization.Global, 3)]
    public void EntropyIsBoundedByLog2OfWindowSizeAndBins(EntropyNormalization normalization, int bins)
    {
        var v = Speckle(60, 20, seed: bins, withConstantBlock: false);
        var window = new WindowSize(5, 3);
        var map = EntropyMap.Compute(v, 60, 20, window, bins, normalization);
        for (int j = 0; j < 20; j++)
            for (int i = 0; i < 60; i++)
            {
                int n = NaiveReference.Window(v, 60, 20, i, j, 5, 3).Count;
                double h = map[j * 60 + i];
                Assert.InRange(h, 0, Math.Log2(Math.Min(n, bins)) + 1e-12);
            }
        Assert.Contains(map, h => h > 0.5 * Math.Log2(Math.Min(15, bins)));
    }

    [Theory]
    [InlineData(EntropyNormalization.Window)]
    [InlineData(EntropyNormalization.Global)]
    public void ThreadCountDoesNotChangeTheMap(EntropyNormalization normalization)
    {
        var v = Speckle(300, 41, seed: 3);
        var one = EntropyMap.Compute(v, 300, 41, new WindowSize(9, 3), 32, normalization, maxDegreeOfParallelism: 1);
        var all = EntropyMap.Compute(v, 300, 41, new WindowSize(9, 3), 32, normalization, maxDegreeOfParallelism: -1);
        Assert.Equal(one, all);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void StridedMapInterpolatesTheFullMapOnItsGrid(int stride)
    {
        int samples = 47, lines = 14;
        var v = Speckle(samples, lines, seed: 9);
        var window = new WindowSize(7, 3);
        var full = EntropyMap.Compute(v, samples, lines, window, 16);
        var strided = EntropyMap.Compute(v, samples, lines, window, 16, stride: stride);
        var rows = StrideGrid.Positions(samples, stride);
        var cols = StrideGrid.Positions(lines, stride);
        var coarse = cols.SelectMany(c => rows.Select(r => full[c * samples + r])).ToArray();
        Assert.Equal(StrideGrid.Interpolate(coarse, rows, cols, samples, lines), strided);
        foreach (int c in cols)
            foreach (int r in rows) Assert.Equal(full[c * samples + r], strided[c * samples + r]);
    }

    [Fact]
    public void BadParametersAreInputErrors()
    {
        var v = Speckle(20, 4, seed: 1);
        var e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => EntropyMap.Compute(v, 20, 4, new WindowSize(5, 3), bins: 1));
        Assert.Equal("bins", e.Origin);
        e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => EntropyMap.Compute(v, 20, 4, new WindowSize(21, 3)));
        Assert.Equal("window", e.Origin);
        e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => EntropyMap.Compute(v, 20, 4, new WindowSize(5, 3), stride: 0));
        Assert.Equal("stride", e.Origin);
        v[3] = double.NaN;
        Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => EntropyMap.Compute(v, 20, 4, new WindowSize(5, 3)));
        v[3] = -1e308;
        v[4] = 1e308;
        e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => EntropyMap.Compute(v, 20, 4, new WindowSize(5, 3)));
        Assert.Equal("values", e.Origin);
    }
}
