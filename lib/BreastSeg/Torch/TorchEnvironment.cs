using System.Runtime.InteropServices;

namespace BreastSeg.Torch;

/// <summary>
/// Caps libtorch's CPU kernels at AVX2 unless the user chose otherwise. With libtorch 2.10 on an AVX-512 CPU (AMD EPYC
/// here) convolution backward passes returned NaN gradients now and then (torch.autograd.set_detect_anomaly:
/// "ConvolutionBackward0 returned nan values"), more often on one thread and with few channels; with oneDNN and ATen
/// both held at AVX2 (ONEDNN_MAX_CPU_ISA=AVX2, ATEN_CPU_CAPABILITY=avx2) the same runs are finite and reproducible.
/// The libraries read the variables once, at first use, so this runs before any TorchSharp call; a value the user set wins.
/// </summary>
internal static partial class TorchEnvironment
{
    private static readonly (string Name, string Value)[] Limits = [("ONEDNN_MAX_CPU_ISA", "AVX2"), ("ATEN_CPU_CAPABILITY", "avx2")];

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (var (name, value) in Limits)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 }) continue;
            // .NET keeps its own copy of the environment on Unix; native code sees only what libc's setenv writes.
            setenv(name, value, 0);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
