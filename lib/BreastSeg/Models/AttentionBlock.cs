using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BreastSeg.Models;

/// <summary>
/// Additive attention gate (Oktay et al. 2018, 2-D form of the reference `Attention_block`): the gating signal g (the
/// upsampled decoder features) and the skip features x, at the same resolution, are projected by 1x1 convolutions with
/// batch normalisation to <c>F_int</c> channels, summed, passed through ReLU, and reduced by a 1x1 convolution, batch
/// normalisation and sigmoid to one coefficient per pixel, psi in [0, 1]; the output is x * psi.
/// </summary>
public sealed class AttentionBlock : Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Sequential W_g;
    private readonly Sequential W_x;
    private readonly Sequential psi;
    private readonly ReLU relu;
#pragma warning restore IDE1006

    /// <summary>Creates a gate for <paramref name="gatingChannels"/> (F_g) gating channels, <paramref name="skipChannels"/>
    /// (F_l) skip channels and <paramref name="intermediateChannels"/> (F_int) channels inside the gate.</summary>
    public AttentionBlock(long gatingChannels, long skipChannels, long intermediateChannels) : base("Attention_block")
    {
        W_g = Sequential(Conv2d(gatingChannels, intermediateChannels, 1, stride: 1, padding: 0L, bias: true), BatchNorm2d(intermediateChannels));
        W_x = Sequential(Conv2d(skipChannels, intermediateChannels, 1, stride: 1, padding: 0L, bias: true), BatchNorm2d(intermediateChannels));
        psi = Sequential(Conv2d(intermediateChannels, 1, 1, stride: 1, padding: 0L, bias: true), BatchNorm2d(1), Sigmoid());
        relu = ReLU(inplace: true);
        RegisterComponents();
    }

    /// <summary>The gated skip features x * psi (same shape as <paramref name="x"/>).</summary>
    public override Tensor forward(Tensor g, Tensor x) => Gate(g, x).Gated;

    /// <summary>The gated skip features and the attention coefficients psi (N x 1 x H x W, in [0, 1]).</summary>
    public (Tensor Gated, Tensor Coefficients) Gate(Tensor g, Tensor x)
    {
        using var scope = NewDisposeScope();
        var coefficients = psi.forward(relu.forward(W_g.forward(g) + W_x.forward(x)));
        var gated = x * coefficients;
        return (gated.MoveToOuterDisposeScope(), coefficients.MoveToOuterDisposeScope());
    }
}
