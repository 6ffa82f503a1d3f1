using System.Runtime.InteropServices;

namespace BreastSeg.Torch;

/// <summary>
/// Caps oneDNN (libtorch's CPU convolution library) at AVX2 unless the user chose otherwise. With libtorch 2.10 on an
/// AVX-512 CPU (AMD EPYC here) convolution backward passes with few channels return NaN gradients (found by
/// torch.autograd.set_detect_anomaly: ConvolutionBackward0 returned nan); with ONEDNN_MAX_CPU_ISA=AVX2 they are correct.
/// oneDNN reads the variable once, at its first use, so this runs before any TorchSharp call.
/// </summary>
internal static partial class OneDnnIsaLimit
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }) return;
        // .NET keeps its own copy of the environment on Unix; native code sees only what libc's setenv writes.
        setenv(Variable, "AVX2", 0);
        Environment.SetEnvironmentVariable(Variable, "AVX2");
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
