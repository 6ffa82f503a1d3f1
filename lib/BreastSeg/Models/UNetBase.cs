using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BreastSeg.Models;

/// <summary>
/// The 2-D U-Net of LeeJunHyun/Image_Segmentation (`U_Net` / `AttU_Net`), generalised to a base filter count, a depth
/// and input channels. Fields carry the reference's names (Maxpool, Conv1..Conv5, Up5..Up2, Att5..Att2,
/// Up_conv5..Up_conv2, Conv_1x1), so the state-dict keys equal PyTorch's and a PyTorch state dict loads unchanged.
/// Levels deeper than <see cref="UNetConfig.Depth"/> and gates of the plain U-Net are null and not registered.
/// Output: logits (apply a sigmoid for lesion probabilities).
/// </summary>
public abstract class UNetBase : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Reference (PyTorch) names: they are the state-dict keys.
    /// <summary>2x2 max pooling between encoder levels.</summary>
    protected readonly MaxPool2d Maxpool;
    /// <summary>Encoder blocks, level 1 (full resolution) to 5 (bottleneck).</summary>
    protected readonly ConvBlock? Conv1, Conv2, Conv3, Conv4, Conv5;
    /// <summary>Decoder at level 4 (from the bottleneck): upsampling, gate, convolutions.</summary>
    protected readonly UpConv? Up5;
    /// <summary>Attention gate on the level-4 skip connection.</summary>
    protected readonly AttentionBlock? Att5;
    /// <summary>Decoder convolutions at level 4.</summary>
    protected readonly ConvBlock? Up_conv5;
    /// <summary>Decoder at level 3.</summary>
    protected readonly UpConv? Up4;
    /// <summary>Attention gate on the level-3 skip connection.</summary>
    protected readonly AttentionBlock? Att4;
    /// <summary>Decoder convolutions at level 3.</summary>
    protected readonly ConvBlock? Up_conv4;
    /// <summary>Decoder at level 2.</summary>
    protected readonly UpConv? Up3;
    /// <summary>Attention gate on the level-2 skip connection.</summary>
    protected readonly AttentionBlock? Att3;
    /// <summary>Decoder convolutions at level 2.</summary>
    protected readonly ConvBlock? Up_conv3;
    /// <summary>Decoder at level 1 (full resolution).</summary>
    protected readonly UpConv? Up2;
    /// <summary>Attention gate on the level-1 skip connection.</summary>
    protected readonly AttentionBlock? Att2;
    /// <summary>Decoder convolutions at level 1.</summary>
    protected readonly ConvBlock? Up_conv2;
    /// <summary>1x1 convolution to the output logits.</summary>
    protected readonly Conv2d Conv_1x1;
#pragma warning restore IDE1006

    private readonly ConvBlock[] _encoder;
    private readonly (UpConv Up, AttentionBlock? Gate, ConvBlock Conv, string GateName)[] _decoder;

    /// <summary>Builds the network; <paramref name="config"/> is validated.</summary>
    private protected UNetBase(string name, UNetConfig config) : base(name)
    {
        config.Validate();
        Config = config;
        int depth = config.Depth;
        bool gates = config.Architecture == UNetArchitecture.AttentionUNet;

        Maxpool = MaxPool2d(kernel_size: 2, stride: 2);
        ConvBlock Encoder(int level) => new(level == 1 ? config.InChannels : config.Filters(level - 1), config.Filters(level));
        Conv1 = Encoder(1);
        Conv2 = Encoder(2);
        if (depth >= 3) Conv3 = Encoder(3);
        if (depth >= 4) Conv4 = Encoder(4);
        if (depth >= 5) Conv5 = Encoder(5);

        // Decoder level k takes level-k features up to level k-1 (F = filters of level k-1), gates the level-(k-1)
        // skip with F_int = F/2 as the reference does (256, 128, 64, 32 for 64 base filters).
        UpConv Up(int k) => new(config.Filters(k), config.Filters(k - 1));
        AttentionBlock? Gate(int k) => gates ? new(config.Filters(k - 1), config.Filters(k - 1), config.Filters(k - 1) / 2) : null;
        ConvBlock Dec(int k) => new(2 * config.Filters(k - 1), config.Filters(k - 1));
        if (depth >= 5) { Up5 = Up(5); Att5 = Gate(5); Up_conv5 = Dec(5); }
        if (depth >= 4) { Up4 = Up(4); Att4 = Gate(4); Up_conv4 = Dec(4); }
        if (depth >= 3) { Up3 = Up(3); Att3 = Gate(3); Up_conv3 = Dec(3); }
        Up2 = Up(2); Att2 = Gate(2); Up_conv2 = Dec(2);
        Conv_1x1 = Conv2d(config.BaseFilters, config.OutChannels, 1, stride: 1, padding: 0L);

        _encoder = new[] { Conv1, Conv2, Conv3, Conv4, Conv5 }.Take(depth).Select(b => b!).ToArray();
        var ups = new[] { (Up5, Att5, Up_conv5, "Att5"), (Up4, Att4, Up_conv4, "Att4"), (Up3, Att3, Up_conv3, "Att3"), (Up2, Att2, Up_conv2, "Att2") };
        _decoder = ups.Skip(UNetConfig.MaxDepth - depth).Select(t => (t.Item1!, t.Item2, t.Item3!, t.Item4)).ToArray();
        RegisterComponents();
    }

    /// <summary>The shape this network was built with.</summary>
    public UNetConfig Config { get; }

    /// <summary>Logits, N x OutChannels x H x W, for input N x InChannels x H x W (H, W multiples of
    /// <see cref="UNetConfig.SizeMultiple"/>).</summary>
    public override Tensor forward(Tensor x) => Run(x, null);

    /// <summary>
    /// Logits and the attention coefficients psi of every gate, keyed by gate name ("Att5" deepest ... "Att2" full
    /// resolution), each N x 1 x h x w in [0, 1] at its level's resolution. Empty for the plain U-Net.
    /// </summary>
    public (Tensor Logits, IReadOnlyDictionary<string, Tensor> Attention) ForwardWithAttention(Tensor x)
    {
        var maps = new Dictionary<string, Tensor>();
        var logits = Run(x, maps);
        return (logits, maps);
    }

    private Tensor Run(Tensor x, Dictionary<string, Tensor>? attention)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();
        var skips = new Tensor[_encoder.Length];
        var h = x;
        for (int level = 0; level < _encoder.Length; level++)
        {
            if (level > 0) h = Maxpool.forward(h);
            h = _encoder[level].forward(h);
            skips[level] = h;
        }
        for (int i = 0; i < _decoder.Length; i++)
        {
            var (up, gate, conv, gateName) = _decoder[i];
            var d = up.forward(h);
            var skip = skips[_encoder.Length - 2 - i];
            if (gate is not null)
            {
                var (gated, psi) = gate.Gate(d, skip);
                skip = gated;
                if (attention is not null) attention[gateName] = psi.detach().MoveToOuterDisposeScope();
            }
            h = conv.forward(cat([skip, d], dim: 1));
        }
        return Conv_1x1.forward(h).MoveToOuterDisposeScope();
    }

    private void CheckInput(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != Config.InChannels)
            throw new BreastSeg.IO.BreastSegInputException("network input", $"expected N x {Config.InChannels} x H x W, got [{string.Join(", ", x.shape)}]");
        int m = Config.SizeMultiple;
        if (x.shape[2] % m != 0 || x.shape[3] % m != 0)
            throw new BreastSeg.IO.BreastSegInputException("network input", $"height and width must be multiples of {m} for depth {Config.Depth}, got {x.shape[2]} x {x.shape[3]}");
    }
}

/// <summary>The attention-gated U-Net (`AttU_Net` of LeeJunHyun/Image_Segmentation; 2-D form of Oktay et al. 2018).</summary>
public sealed class AttentionUNet : UNetBase
{
    /// <summary>Builds an attention U-Net: <paramref name="inChannels"/> inputs, <paramref name="outChannels"/> logits,
    /// <paramref name="baseFilters"/> first-level feature maps, <paramref name="depth"/> levels.</summary>
    public AttentionUNet(int inChannels = 1, int outChannels = 1, int baseFilters = 64, int depth = 5)
        : base("AttU_Net", new UNetConfig(UNetArchitecture.AttentionUNet, inChannels, outChannels, baseFilters, depth)) { }
}

/// <summary>The plain U-Net baseline (`U_Net` of LeeJunHyun/Image_Segmentation): same layers without gates.</summary>
public sealed class UNet : UNetBase
{
    /// <summary>Builds a plain U-Net with the same options as <see cref="AttentionUNet"/>.</summary>
    public UNet(int inChannels = 1, int outChannels = 1, int baseFilters = 64, int depth = 5)
        : base("U_Net", new UNetConfig(UNetArchitecture.UNet, inChannels, outChannels, baseFilters, depth)) { }
}
