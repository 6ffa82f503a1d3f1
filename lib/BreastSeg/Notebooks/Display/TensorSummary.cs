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

    /// <summary>
    /// The same line for a tensor of another copy of TorchSharp (notebook code can get its own copy: see
    /// NotebookKernel.Setup), read through late binding since its types are not the kit's.
    /// </summary>
    internal static string DescribeForeign(object tensor)
    {
        dynamic t = tensor;
        if ((bool)t.IsInvalid) return "tensor (disposed)";
        long[] shape = t.shape;
        string head = FormattableString.Invariant($"tensor [{string.Join(", ", shape)}] {t.dtype} {t.device}");
        string grad = (bool)t.requires_grad ? ", requires grad" : "";
        if ((long)t.numel() == 0) return head + ", empty" + grad;
        object float64 = Enum.Parse(((object)t.dtype).GetType(), nameof(ScalarType.Float64));
        using dynamic values = t.detach().cpu().to_type((dynamic)float64);
        using dynamic min = values.min(), max = values.max(), mean = values.mean();
        double lo = min.item<double>(), hi = max.item<double>(), avg = mean.item<double>();
        return FormattableString.Invariant($"{head}, min {lo:G4} max {hi:G4} mean {avg:G4}{grad}");
    }
}
