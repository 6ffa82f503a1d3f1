namespace BreastSeg.Models;

/// <summary>Network families the kit builds (both from LeeJunHyun/Image_Segmentation, 2-D).</summary>
public enum UNetArchitecture
{
    /// <summary>`AttU_Net`: U-Net with additive attention gates on every skip connection.</summary>
    AttentionUNet,
    /// <summary>`U_Net`: the same U-Net without gates (baseline).</summary>
    UNet,
}

/// <summary>Shape of a U-Net.</summary>
/// <param name="Architecture">With or without attention gates.</param>
/// <param name="InChannels">Input channels (stacked maps: 1 for B-mode or entropy, 2 for B-mode + entropy).</param>
/// <param name="OutChannels">Output channels (1: lesion logit).</param>
/// <param name="BaseFilters">Feature maps of the first level (64 in the reference); level k has BaseFilters * 2^(k-1).</param>
/// <param name="Depth">Resolution levels including the bottleneck (5 in the reference: Conv1..Conv5); 2 to 5.
/// Input height and width must be multiples of 2^(Depth-1).</param>
public sealed record UNetConfig(
    UNetArchitecture Architecture = UNetArchitecture.AttentionUNet,
    int InChannels = 1,
    int OutChannels = 1,
    int BaseFilters = 64,
    int Depth = 5)
{
    /// <summary>Deepest supported depth: the reference names stop at Conv5 / Up5 / Att5.</summary>
    public const int MaxDepth = 5;

    /// <summary>Throws <see cref="IO.BreastSegInputException"/> naming the option when the shape is impossible.</summary>
    public void Validate()
    {
        if (InChannels < 1) throw new IO.BreastSegInputException("Model.InChannels", $"must be at least 1, got {InChannels}");
        if (OutChannels < 1) throw new IO.BreastSegInputException("Model.OutChannels", $"must be at least 1, got {OutChannels}");
        if (BaseFilters < 2 || BaseFilters % 2 != 0)
            throw new IO.BreastSegInputException("Model.BaseFilters", $"must be an even number >= 2 (the gates use half of it), got {BaseFilters}");
        if (Depth < 2 || Depth > MaxDepth) throw new IO.BreastSegInputException("Model.Depth", $"must be 2 to {MaxDepth}, got {Depth}");
    }

    /// <summary>Feature maps at level <paramref name="level"/> (1-based).</summary>
    public long Filters(int level) => (long)BaseFilters << (level - 1);

    /// <summary>Height and width must be multiples of this (one halving per level below the first).</summary>
    public int SizeMultiple => 1 << (Depth - 1);
}

/// <summary>Builds networks from a <see cref="UNetConfig"/>.</summary>
public static class UNetFactory
{
    /// <summary>A new network of the configured architecture (weights from TorchSharp's default initialisation,
    /// seeded by torch.manual_seed).</summary>
    public static UNetBase Create(UNetConfig config)
    {
        Torch.TorchRuntime.EnsureLoaded();
        return config.Architecture switch
        {
            UNetArchitecture.AttentionUNet => new AttentionUNet(config.InChannels, config.OutChannels, config.BaseFilters, config.Depth),
            _ => new UNet(config.InChannels, config.OutChannels, config.BaseFilters, config.Depth),
        };
    }

    /// <summary>Parses "attention-unet" or "unet" (CLI spelling).</summary>
    public static UNetArchitecture ParseArchitecture(string text, string origin = "Model.Architecture") => text.Trim().ToLowerInvariant() switch
    {
        "attention-unet" or "attunet" or "attu_net" => UNetArchitecture.AttentionUNet,
        "unet" or "u_net" => UNetArchitecture.UNet,
        _ => throw new IO.BreastSegInputException(origin, $"unknown architecture '{text}' (use attention-unet or unet)"),
    };

    /// <summary>CLI spelling of an architecture.</summary>
    public static string Name(UNetArchitecture architecture) => architecture == UNetArchitecture.AttentionUNet ? "attention-unet" : "unet";
}
