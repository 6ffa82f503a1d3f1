using BreastSeg.Models;
using BreastSeg.Torch;
using static TorchSharp.torch;

namespace BreastSeg.Tests.Models;

public class UNetShapeTests
{
    public UNetShapeTests() => TorchRuntime.EnsureLoaded();

    private static long Count(UNetBase net) => net.parameters().Sum(p => p.numel());

    [Fact]
    public void AttentionUNetWithReferenceShapeHasPublishedParameterCount()
    {
        using var net = new AttentionUNet(inChannels: 1, outChannels: 1, baseFilters: 64);
        Assert.Equal(34_877_421L, Count(net));
        using var net3 = new AttentionUNet(inChannels: 3, outChannels: 1, baseFilters: 64);
        Assert.Equal(34_878_573L, Count(net3));
    }

    [Theory]
    [InlineData(1, 64, 5)]
    [InlineData(2, 16, 5)]
    [InlineData(1, 8, 3)]
    [InlineData(3, 4, 2)]
    public void ParameterCountMatchesClosedForm(int inChannels, int f, int depth)
    {
        // Independent count from the layer list: conv k x k with bias = k*k*in*out + out, BN = 2*out.
        static long Conv(long i, long o, int k) => k * k * i * o + o;
        static long Bn(long c) => 2 * c;
        static long Block(long i, long o) => Conv(i, o, 3) + Bn(o) + Conv(o, o, 3) + Bn(o);
        long F(int level) => (long)f << (level - 1);
        long plain = 0, gates = 0;
        for (int l = 1; l <= depth; l++) plain += Block(l == 1 ? inChannels : F(l - 1), F(l));
        for (int k = depth; k >= 2; k--)
        {
            long c = F(k - 1);
            plain += Conv(F(k), c, 3) + Bn(c) + Block(2 * c, c);
            gates += 2 * (Conv(c, c / 2, 1) + Bn(c / 2)) + Conv(c / 2, 1, 1) + Bn(1);
        }
        plain += Conv(f, 1, 1);
        using var att = new AttentionUNet(inChannels, 1, f, depth);
        using var unet = new UNet(inChannels, 1, f, depth);
        Assert.Equal(plain + gates, Count(att));
        Assert.Equal(plain, Count(unet));
    }

    [Fact]
    public void StateDictKeysFollowTheReferenceNames()
    {
        using var net = new AttentionUNet(1, 1, 4, 5);
        var keys = net.state_dict().Keys.ToHashSet();
        foreach (string k in new[]
                 {
                     "Conv1.conv.0.weight", "Conv1.conv.1.running_mean", "Conv1.conv.4.bias", "Conv5.conv.3.weight",
                     "Up5.up.1.weight", "Up5.up.2.running_var", "Att5.W_g.0.weight", "Att5.W_x.1.weight", "Att2.psi.0.bias",
                     "Att2.psi.1.running_mean", "Up_conv2.conv.0.weight", "Conv_1x1.weight", "Conv_1x1.bias",
                 })
            Assert.Contains(k, keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("_") || k.Contains("Maxpool"));
        using var plain = new UNet(1, 1, 4, 5);
        Assert.DoesNotContain(plain.state_dict().Keys, k => k.StartsWith("Att"));
    }

    [Fact]
    public void GateCoefficientsHaveOneChannelAtEachSkipResolutionAndLieInUnitInterval()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var net = new AttentionUNet(2, 1, 4, 4);
        net.eval();
        var x = randn(2, 2, 32, 48);
        var (logits, maps) = net.ForwardWithAttention(x);
        Assert.Equal(new long[] { 2, 1, 32, 48 }, logits.shape);
        Assert.Equal(new[] { "Att2", "Att3", "Att4" }, maps.Keys.Order());
        Assert.Equal(new long[] { 2, 1, 32, 48 }, maps["Att2"].shape);
        Assert.Equal(new long[] { 2, 1, 16, 24 }, maps["Att3"].shape);
        Assert.Equal(new long[] { 2, 1, 8, 12 }, maps["Att4"].shape);
        foreach (var psi in maps.Values)
            Assert.True(psi.min().item<float>() >= 0 && psi.max().item<float>() <= 1);
        Assert.True(allclose(logits, net.forward(x)));
    }

    [Fact]
    public void GateOutputIsSkipTimesPsiComputedByHand()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var gate = new AttentionBlock(3, 2, 4);
        gate.eval();
        var g = randn(1, 3, 5, 6);
        var x = randn(1, 2, 5, 6);
        var (gated, psi) = gate.Gate(g, x);
        // By hand from the parameters (eval: BN uses running stats 0/1, so BN(z) = z / sqrt(1 + eps) * w + b).
        var p = gate.state_dict();
        Tensor Bn(Tensor z, string prefix) => (z - p[prefix + ".running_mean"].view(1, -1, 1, 1)) / (p[prefix + ".running_var"].view(1, -1, 1, 1) + 1e-5).sqrt() * p[prefix + ".weight"].view(1, -1, 1, 1) + p[prefix + ".bias"].view(1, -1, 1, 1);
        Tensor Conv1x1(Tensor z, string prefix) => einsum("oi,nihw->nohw", p[prefix + ".weight"].view(p[prefix + ".weight"].shape[0], -1), z) + p[prefix + ".bias"].view(1, -1, 1, 1);
        var s = nn.functional.relu(Bn(Conv1x1(g, "W_g.0"), "W_g.1") + Bn(Conv1x1(x, "W_x.0"), "W_x.1"));
        var expectedPsi = sigmoid(Bn(Conv1x1(s, "psi.0"), "psi.1"));
        Assert.Equal(new long[] { 1, 1, 5, 6 }, psi.shape);
        Assert.True(allclose(psi, expectedPsi, 1e-5, 1e-6));
        Assert.True(allclose(gated, x * expectedPsi, 1e-5, 1e-6));
    }

    [Fact]
    public void InputOfWrongSizeIsRejectedWithOneLine()
    {
        using var net = new UNet(1, 1, 4, 3);
        using var x = zeros(1, 1, 30, 32);
        var e = Assert.Throws<BreastSeg.IO.BreastSegInputException>(() => net.forward(x));
        Assert.Contains("multiples of 4", e.Message);
    }

    [Fact]
    public void SeededInitDependsOnTheSeedOnlyAndFollowsPyTorchBounds()
    {
        using var a = new AttentionUNet(1, 1, 4, 3);
        using var b = new AttentionUNet(1, 1, 4, 3);
        SeededInit.Apply(a, 7);
        manual_seed(123);
        using (var noise = randn(1000)) { }
        SeededInit.Apply(b, 7);
        var sb = b.state_dict();
        foreach (var (key, value) in a.state_dict())
            Assert.True(value.eq(sb[key]).all().item<bool>(), key);
        // Conv1.conv.3: 4 x 4 x 3 x 3 weights, fan_in 36, uniform in +/- 1/6; BatchNorm back to ones and zeros.
        var w = a.state_dict()["Conv1.conv.3.weight"];
        Assert.True(w.abs().max().item<float>() <= 1 / 6.0 + 1e-7);
        Assert.True(a.state_dict()["Conv1.conv.1.weight"].eq(1).all().item<bool>());
        using var c = new AttentionUNet(1, 1, 4, 3);
        SeededInit.Apply(c, 8);
        Assert.False(c.state_dict()["Conv1.conv.3.weight"].eq(w).all().item<bool>());
    }
}
