using static TorchSharp.torch;

namespace BreastSeg.Models;

/// <summary>Stacks normalised samples into N x C x H x W input and N x 1 x H x W target tensors.</summary>
public static class SegmentationBatch
{
    /// <summary>Input and target tensors (float32) on <paramref name="device"/> for the given items.</summary>
    public static (Tensor Input, Tensor Target) Make(IReadOnlyList<(float[] Input, bool[] Target)> items, int channels, int size, Device device)
    {
        int plane = size * size;
        var x = new float[items.Count * channels * plane];
        var y = new float[items.Count * plane];
        for (int n = 0; n < items.Count; n++)
        {
            items[n].Input.CopyTo(x, n * channels * plane);
            for (int k = 0; k < plane; k++) y[n * plane + k] = items[n].Target[k] ? 1f : 0f;
        }
        var input = tensor(x, [items.Count, channels, size, size]).to(device);
        var target = tensor(y, [items.Count, 1, size, size]).to(device);
        return (input, target);
    }
}
