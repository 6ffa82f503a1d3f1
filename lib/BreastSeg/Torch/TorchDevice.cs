using BreastSeg.IO;
using static TorchSharp.torch;

namespace BreastSeg.Torch;

/// <summary>Chooses the TorchSharp device.</summary>
public static class TorchDevice
{
    /// <summary>"cpu", "cuda" (fails when unavailable) or "auto" (CUDA when TorchSharp reports it, else CPU).</summary>
    public static Device Resolve(string name)
    {
        Torch.TorchRuntime.EnsureLoaded();
        return name.ToLowerInvariant() switch
        {
            "cpu" => CPU,
            "auto" => cuda.is_available() ? CUDA : CPU,
            "cuda" => cuda.is_available() ? CUDA : throw new BreastSegInputException("--device", "CUDA requested but TorchSharp reports no CUDA device (the libtorch served here is CPU-only)"),
            _ => throw new BreastSegInputException("--device", $"unknown device '{name}' (use cpu, cuda or auto)"),
        };
    }
}
