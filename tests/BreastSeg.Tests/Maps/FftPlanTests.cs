using System.Numerics;
using BreastSeg.Maps;

namespace BreastSeg.Tests.Maps;

public class FftPlanTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(128)]
    [InlineData(1024)]
    public void ForwardAndInverseMatchTheNaiveDft(int n)
    {
        var plan = new FftPlan(n);
        CheckAgainstNaiveDft(n, (re, im) => plan.Forward(re, im), (re, im) => plan.Inverse(re, im), 1e-11);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(100)]
    [InlineData(1041)]
    [InlineData(2167)]
    public void BluesteinForwardAndInverseMatchTheNaiveDftForAnyLength(int n)
    {
        var plan = new BluesteinPlan(n);
        var sr = new double[plan.ScratchLength];
        var si = new double[plan.ScratchLength];
        CheckAgainstNaiveDft(n, (re, im) => plan.Forward(re, im, sr, si), (re, im) => plan.Inverse(re, im, sr, si), 1e-9);
    }

    private static void CheckAgainstNaiveDft(int n, Action<double[], double[]> forward, Action<double[], double[]> inverse, double tolerance)
    {
        var rng = new Random(n);
        var re = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var expected = new Complex[n];
        for (int k = 0; k < n; k++)
            for (int t = 0; t < n; t++)
                expected[k] += new Complex(re[t], im[t]) * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)k * t % n) / n);
        var (fr, fi) = ((double[])re.Clone(), (double[])im.Clone());
        forward(fr, fi);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(expected[k].Real, fr[k], tolerance);
            Assert.Equal(expected[k].Imaginary, fi[k], tolerance);
        }
        inverse(fr, fi);
        for (int t = 0; t < n; t++)
        {
            Assert.Equal(re[t], fr[t], 1e-12);
            Assert.Equal(im[t], fi[t], 1e-12);
        }
    }
}
