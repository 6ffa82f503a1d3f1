using BreastSeg.Maps;
using BreastSeg.Rf;

namespace BreastSeg.Tests.Maps;

public class WindowAndBModeTests
{
    [Fact]
    public void PulseLengthFollowsTheGaussianPulseEchoEnvelope()
    {
        // -6.02 dB (half amplitude): the axial FWHM 0.441 c / (B f0) = 97.1 um at 10 MHz, 70%, 1540 m/s.
        double fwhm = 2 * Math.Log(2) * 2 / Math.PI * 1540 / 2 / (0.7 * 10e6) * 1e3;
        Assert.Equal(fwhm, PulseLength.Mm(10e6, 0.7, 1540, 20 * Math.Log10(2)), 12);
        Assert.Equal(0.0971, fwhm, 4);
        // -20 dB (default): the duration scales with sqrt(ln 10 / ln 2).
        Assert.Equal(fwhm * Math.Sqrt(Math.Log(10) / Math.Log(2)), PulseLength.Mm(Acquisition.Oasbud), 12);
        Assert.Equal(0.1769, PulseLength.Mm(Acquisition.Oasbud), 4);
    }

    [Fact]
    public void OneAndThreePulseLengthsOnTheOasbudGrid()
    {
        // 0.1769 mm / 0.01925 mm = 9.2 samples -> 9; / (38 / 510) mm = 2.37 lines -> 3 (nearest odd).
        Assert.Equal(new WindowSize(9, 3), MapWindow.PulseLengths(1).Resolve(Acquisition.Oasbud, 510));
        Assert.Equal(new WindowSize(27, 7), MapWindow.PulseLengths(3).Resolve(Acquisition.Oasbud, 510));
        Assert.Equal(new WindowSize(27, 7), new MapOptions().NakagamiWindowSize(Acquisition.Oasbud, 510));
    }

    [Theory]
    [InlineData("1pl", "1pl")]
    [InlineData("0.5PL", "0.5pl")]
    [InlineData("0.5mm", "0.5mm")]
    [InlineData("0.5x1mm", "0.5x1mm")]
    [InlineData("23x6", "23x6")]
    public void WindowSpecificationsParse(string text, string canonical) => Assert.Equal(canonical, MapWindow.Parse(text).ToString());

    [Fact]
    public void MillimetreWindowRoundsToOddPixels()
    {
        // 0.5 mm: 25.97 samples -> 25; 0.5 / 0.0745 = 6.7 lines -> 7.
        Assert.Equal(new WindowSize(25, 7), MapWindow.Parse("0.5mm").Resolve(Acquisition.Oasbud, 510));
        Assert.Equal(new WindowSize(23, 6), MapWindow.Parse("23x6").Resolve(Acquisition.Oasbud, 510));
        Assert.Equal(1, MapWindow.NearestOdd(0.2));
        Assert.Equal(3, MapWindow.NearestOdd(2.0));
        Assert.Equal(5, MapWindow.NearestOdd(5.9));
    }

    [Fact]
    public void EvenWindowsFollowTheScikitImageCentre()
    {
        var w = new WindowSize(6, 4);
        Assert.Equal((3, 2, 2, 1), (w.Above, w.Below, w.Left, w.Right));
    }

    [Fact]
    public void BModeMatchesTheDefinition()
    {
        var env = NaiveReference.Random(50, 4, seed: 8, lo: 0, hi: 2);
        env[7] = 0;
        env[8] = 2.5;
        var image = BMode.Compute(env, 40);
        for (int k = 0; k < env.Length; k++)
        {
            double db = 20 * Math.Log10(env[k] / 2.5);
            double expected = Math.Clamp((db + 40) / 40, 0, 1);
            Assert.Equal(expected, image[k], 12);
        }
        Assert.Equal(1.0, image[8]);
        Assert.Equal(0.0, image[7]);
        Assert.All(BMode.Compute(new double[10]), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void ParametricMapsComposeTheParts()
    {
        var rf = NaiveReference.Random(300, 40, seed: 12, lo: -500, hi: 500);
        var frame = new RfFrame(300, 40, rf);
        var options = new MapOptions { Window = MapWindow.Pixels(9, 3), NakagamiWindow = MapWindow.Pixels(15, 5), Bins = 16, BinRule = EntropyBinRule.Fixed, Normalization = EntropyNormalization.Window, LogCompressed = true };
        var set = ParametricMaps.Compute(frame, options);
        var env = Envelope.Compute(frame);
        Assert.Equal(env, set.Envelope);
        var bmode = BMode.Compute(env);
        Assert.Equal(bmode, set.BMode);
        Assert.Equal(EntropyMap.Compute(bmode, 300, 40, new WindowSize(9, 3), 16), set.Entropy);
        Assert.Equal(NakagamiMap.Compute(env, 300, 40, new WindowSize(15, 5)), set.Nakagami);
        var only = ParametricMaps.Compute(frame, options, MapKind.Entropy);
        Assert.Null(only.Envelope);
        Assert.Null(only.BMode);
        Assert.Null(only.Nakagami);
        Assert.Equal(set.Entropy, only.Get(MapKind.Entropy));
    }

    [Fact]
    public void WindowLargerThanTheFrameIsAnInputError()
    {
        var frame = new RfFrame(6, 40, NaiveReference.Random(6, 40, seed: 1)); // 1 pulse length = 9 samples
        var e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => ParametricMaps.Compute(frame, new MapOptions(), MapKind.Entropy));
        Assert.Equal("window", e.Origin);
    }
}
