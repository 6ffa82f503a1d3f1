using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BreastSeg.Models;

/// <summary>
/// Re-draws a network's weights with PyTorch's default initialisation (Conv2d: Kaiming-uniform weights with a = sqrt(5),
/// biases uniform in +/- 1/sqrt(fan_in); BatchNorm: ones and zeros) from a private generator, so the initial weights
/// depend on the seed alone, not on whatever else used torch's global generator (other threads, notebooks, tests).
/// </summary>
public static class SeededInit
{
    /// <summary>Initialises every layer of <paramref name="net"/> from <paramref name="seed"/>.</summary>
    public static void Apply(nn.Module net, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var _ = no_grad();
        foreach (var (_, module) in net.named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                {
                    // Kaiming-uniform with a = sqrt(5): bound = sqrt(3) * sqrt(2 / (1 + 5)) / sqrt(fan_in) = 1 / sqrt(fan_in).
                    var w = conv.weight!;
                    double bound = 1 / Math.Sqrt(w.shape[1] * w.shape[2] * w.shape[3]);
                    w.uniform_(-bound, bound, generator: generator);
                    conv.bias?.uniform_(-bound, bound, generator: generator);
                    break;
                }
                case BatchNorm2d bn:
                    bn.reset_parameters();
                    break;
            }
        }
    }
}
