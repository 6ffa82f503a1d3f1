using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Tests.Training;

public class DataPipelineTests
{
    [Theory]
    [InlineData(64, 16, 16, 16)]
    [InlineData(37, 11, 8, 8)]
    [InlineData(5, 7, 12, 9)]
    public void AreaResampleEqualsExactFootprintIntegral(int samples, int lines, int rows, int cols)
    {
        var random = new Random(samples * 31 + lines);
        var map = Enumerable.Range(0, samples * lines).Select(_ => random.NextDouble()).ToArray();
        var actual = GridResampler.AreaResample(map, samples, lines, rows, cols);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                // Naive: integrate over the output footprint in input coordinates, pixel by pixel in 2-D.
                double r0 = r * (double)samples / rows, r1 = (r + 1) * (double)samples / rows;
                double c0 = c * (double)lines / cols, c1 = (c + 1) * (double)lines / cols;
                double sum = 0;
                for (int i = 0; i < samples; i++)
                    for (int j = 0; j < lines; j++)
                    {
                        double oy = Math.Max(0, Math.Min(r1, i + 1) - Math.Max(r0, i));
                        double ox = Math.Max(0, Math.Min(c1, j + 1) - Math.Max(c0, j));
                        sum += oy * ox * map[j * samples + i];
                    }
                Assert.Equal(sum / ((r1 - r0) * (c1 - c0)), actual[r * cols + c], 5);
            }
    }

    [Fact]
    public void MaskResamplingFollowsTheMapFootprint()
    {
        // A lesion covering exactly rows 16..47 of 64 samples and lines 4..11 of 16 -> rows 4..11, cols 2..5 at 16 x 8.
        int samples = 64, lines = 16;
        var mask = new bool[samples * lines];
        for (int j = 4; j < 12; j++) for (int i = 16; i < 48; i++) mask[j * samples + i] = true;
        var small = GridResampler.AreaResampleMask(mask, samples, lines, 16, 8);
        for (int r = 0; r < 16; r++)
            for (int c = 0; c < 8; c++)
                Assert.Equal(r is >= 4 and < 12 && c is >= 2 and < 6, small[r * 8 + c]);
    }

    [Fact]
    public void BilinearBackToGridReproducesConstantsAndRamps()
    {
        int rows = 8, cols = 8, samples = 40, lines = 24;
        var ramp = new float[rows * cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) ramp[r * cols + c] = 2f * r + 3f * c;
        var grid = GridResampler.BilinearToGrid(ramp, rows, cols, samples, lines);
        for (int j = 0; j < lines; j++)
            for (int i = 0; i < samples; i++)
            {
                double sr = Math.Clamp((i + 0.5) * rows / samples - 0.5, 0, rows - 1);
                double sc = Math.Clamp((j + 0.5) * cols / lines - 0.5, 0, cols - 1);
                Assert.Equal(2 * sr + 3 * sc, grid[j * samples + i], 4);
            }
    }

    [Fact]
    public void SplitIsByCaseStratifiedSeededAndUsesStudyProportion()
    {
        var cases = Enumerable.Range(0, 269).Select(i => (i, i % 5 < 2)).ToList();
        var split = CaseSplit.Stratified(cases, seed: 7);
        Assert.Equal(81, split.Test.Length);
        Assert.Equal(269, split.Train.Length + split.Validation.Length + split.Test.Length);
        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Empty(split.Validation.Intersect(split.Test));
        double malignantAll = cases.Count(c => c.Item2) / 269.0;
        double malignantTest = split.Test.Count(i => i % 5 < 2) / (double)split.Test.Length;
        Assert.InRange(malignantTest, malignantAll - 0.02, malignantAll + 0.02);
        Assert.Equal(split.Test, CaseSplit.Stratified(cases, seed: 7).Test);
        Assert.NotEqual(split.Test, CaseSplit.Stratified(cases, seed: 8).Test);

        // Both views of a case land on the same side.
        var samples = SyntheticCohort.Samples(10, 1, 16);
        var s = CaseSplit.Stratified(samples.Select(x => (x.CaseIndex, x.Malignant)).Distinct().ToList(), 3, 0.3, 0.2);
        var test = samples.OfCases(s.Test);
        Assert.Equal(2 * s.Test.Length, test.Count);
        Assert.All(test, x => Assert.Contains(x.CaseIndex, s.Test));
    }

    [Fact]
    public void NormalisationUsesOnlyTheGivenSamples()
    {
        var samples = SyntheticCohort.Samples(4, 2, 16);
        var train = samples.Take(4).ToList();
        var norm = ChannelNormalizer.Fit(train);
        var all = train.SelectMany(s => s.Input).Select(v => (double)v).ToArray();
        double mean = all.Average();
        Assert.Equal(mean, norm.Mean[0], 6);
        Assert.Equal(Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / all.Length), norm.Std[0], 6);
        var z = train.SelectMany(norm.Apply).ToArray();
        Assert.Equal(0, z.Average(), 4);
        Assert.NotEqual(norm, ChannelNormalizer.Fit(samples));
    }

    [Fact]
    public void CohortSamplesStackChannelsAndKeepGridGeometry()
    {
        var c = SyntheticCohort.Cases(1, 3)[0];
        var samples = SampleBuilder.FromCase(c, 16, f => [f.Data, f.Data.Select(v => -v).ToArray()]).ToList();
        Assert.Equal(2, samples.Count);
        Assert.Equal(2, samples[0].Channels);
        Assert.Equal(-samples[0].Input[5], samples[0].Input[256 + 5], 6);
        Assert.Equal(96, samples[0].GridMask.Samples);
        Assert.Equal(0.075, samples[0].LateralSpacingMm, 9);
        Assert.Equal(1540.0 / 80e6 * 1e3, samples[0].AxialSpacingMm, 9);
        Assert.Equal([MapKind.BMode, MapKind.Entropy], InputChoice.Parse("bmode+entropy"));
        Assert.Throws<BreastSegInputException>(() => InputChoice.Parse("doppler"));
    }

    [Fact]
    public void AugmentationIsSeededAndNoneIsIdentity()
    {
        var s = SyntheticCohort.Samples(1, 4, 16)[0];
        var (x0, y0) = Augmentation.None.Apply(s.Input, s.Target, 16, new Random(1));
        Assert.Equal(s.Input, x0);
        Assert.Equal(s.Target, y0);
        var flip = new Augmentation(true, false, 0, 0, 0, 0, 0);
        var seedFlips = Enumerable.Range(0, 20).First(k => new Random(k).NextDouble() < 0.5);
        var (xf, yf) = flip.Apply(s.Input, s.Target, 16, new Random(seedFlips));
        for (int r = 0; r < 16; r++)
            for (int c = 0; c < 16; c++)
            {
                Assert.Equal(s.Input[r * 16 + 15 - c], xf[r * 16 + c], 5);
                Assert.Equal(s.Target[r * 16 + 15 - c], yf[r * 16 + c]);
            }
        var full = new Augmentation();
        Assert.Equal(full.Apply(s.Input, s.Target, 16, new Random(5)).Input, full.Apply(s.Input, s.Target, 16, new Random(5)).Input);
        Assert.NotEqual(full.Apply(s.Input, s.Target, 16, new Random(5)).Input, full.Apply(s.Input, s.Target, 16, new Random(6)).Input);
    }
}
