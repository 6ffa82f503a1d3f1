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
        var rng = new Random(n);
        var re = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var expected = new Complex[n];
        for (int k = 0; k < n; k++)
            for (int t = 0; t < n; t++)
                expected[k] += new Complex(re[t], im[t]) * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)k * t % n) / n);
        var (fr, fi) = ((double[])re.Clone(), (double[])im.Clone());
        var plan = new FftPlan(n);
        plan.Forward(fr, fi);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(expected[k].Real, fr[k], 1e-11);
            Assert.Equal(expected[k].Imaginary, fi[k], 1e-11);
        }
        plan.Inverse(fr, fi);
        for (int t = 0; t < n; t++)
        {
            Assert.Equal(re[t], fr[t], 1e-13);
            Assert.Equal(im[t], fi[t], 1e-13);
        }
    }
}
