using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BreastSeg.Models;

/// <summary>
/// Two (3x3 convolution with bias, batch normalisation, ReLU) layers: `conv_block` of the reference PyTorch code
/// (LeeJunHyun/Image_Segmentation). The Sequential is named <c>conv</c> so state-dict keys read <c>conv.0.weight</c>, ...
/// </summary>
public sealed class ConvBlock : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // PyTorch field names make state-dict keys match the reference.
    private readonly Sequential conv;
#pragma warning restore IDE1006

    /// <summary>Creates a block from <paramref name="channelsIn"/> to <paramref name="channelsOut"/> feature maps.</summary>
    public ConvBlock(long channelsIn, long channelsOut) : base("conv_block")
    {
        conv = Sequential(
            Conv2d(channelsIn, channelsOut, 3, stride: 1, padding: 1, bias: true),
            BatchNorm2d(channelsOut),
            ReLU(inplace: true),
            Conv2d(channelsOut, channelsOut, 3, stride: 1, padding: 1, bias: true),
            BatchNorm2d(channelsOut),
            ReLU(inplace: true));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) => conv.forward(x);
}
