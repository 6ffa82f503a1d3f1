using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace BreastSeg.Notebooks.Display;

/// <summary>A one-line description of a tensor for notebooks: shape, dtype, device, min/max/mean (values never printed whole).</summary>
public static class TensorSummary
{
    /// <summary>For example "tensor [2, 1, 64, 64] Float32 cpu, min -1.2 max 3.4 mean 0.0123, requires grad".</summary>
    public static string Describe(Tensor t)
    {
        if (t.IsInvalid) return "tensor (disposed)";
        string head = FormattableString.Invariant($"tensor [{string.Join(", ", t.shape)}] {t.dtype} {t.device}");
        string grad = t.requires_grad ? ", requires grad" : "";
        if (t.numel() == 0) return head + ", empty" + grad;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = t.detach().to(ScalarType.Float64, CPU);
        double min = values.min().item<double>(), max = values.max().item<double>(), mean = values.mean().item<double>();
        return FormattableString.Invariant($"{head}, min {min:G4} max {max:G4} mean {mean:G4}{grad}");
    }
}
