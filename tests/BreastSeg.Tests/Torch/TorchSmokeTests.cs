using BreastSeg.Torch;
using static TorchSharp.torch;

namespace BreastSeg.Tests.Torch;

public class TorchSmokeTests
{
    [Fact]
    public void ConvForwardBackwardMatchesHandComputedGradient()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        manual_seed(1);
        var conv = TorchSharp.torch.nn.Conv2d(1, 1, 3, padding: 1, bias: false);
        var x = randn(1, 1, 5, 5, requires_grad: true);
        var y = conv.forward(x);
        Assert.Equal(new long[] { 1, 1, 5, 5 }, y.shape);
        y.sum().backward();
        // d(sum(conv(x)))/dw[k,l] = sum of x over the positions the kernel tap touches (zero padding).
        var w = conv.weight!.grad!;
        var xs = x.detach();
        var expected = zeros(3, 3);
        for (int k = 0; k < 3; k++)
        for (int l = 0; l < 3; l++)
        {
            int r0 = Math.Max(0, k - 1), r1 = Math.Min(5, 5 + k - 1);
            int c0 = Math.Max(0, l - 1), c1 = Math.Min(5, 5 + l - 1);
            expected[k, l] = xs[0, 0, TensorIndex.Slice(r0, r1), TensorIndex.Slice(c0, c1)].sum();
        }
        Assert.True(allclose(w[0, 0], expected, 1e-5, 1e-6));
        // d(sum)/dx is the sum of kernel taps that reach each input pixel: at the centre, all nine.
        Assert.Equal(conv.weight!.sum().item<float>(), x.grad![0, 0, 2, 2].item<float>(), 4);
    }
}
