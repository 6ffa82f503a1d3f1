using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BreastSeg.Models;

/// <summary>
/// Nearest-neighbour upsampling by 2 followed by 3x3 convolution, batch normalisation and ReLU: `up_conv` of the
/// reference code, with its Sequential named <c>up</c> (keys <c>up.1.weight</c>, ...; index 0 is the parameter-free
/// upsampling).
/// </summary>
public sealed class UpConv : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Sequential up;
#pragma warning restore IDE1006

    /// <summary>Creates the block from <paramref name="channelsIn"/> to <paramref name="channelsOut"/> feature maps.</summary>
    public UpConv(long channelsIn, long channelsOut) : base("up_conv")
    {
        up = Sequential(
            Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Nearest),
            Conv2d(channelsIn, channelsOut, 3, stride: 1, padding: 1, bias: true),
            BatchNorm2d(channelsOut),
            ReLU(inplace: true));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) => up.forward(x);
}
