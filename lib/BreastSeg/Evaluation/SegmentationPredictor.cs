using BreastSeg.Models;
using BreastSeg.Samples;
using TorchSharp;
using static TorchSharp.torch;

namespace BreastSeg.Evaluation;

/// <summary>Lesion probabilities from a trained network (evaluation mode, no gradients, one dispose scope per batch).</summary>
public static class SegmentationPredictor
{
    /// <summary>Sigmoid probabilities, one row-major size x size array per normalised input (channels x size x size).</summary>
    public static List<float[]> Probabilities(UNetBase net, IReadOnlyList<float[]> inputs, int size, int batchSize = 8, Device? device = null)
    {
        device ??= CPU;
        net.to(device);
        net.eval();
        var result = new List<float[]>();
        int plane = size * size;
        using var _ = no_grad();
        for (int start = 0; start < inputs.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = inputs.Skip(start).Take(batchSize).Select(x => (x, new bool[plane])).ToList();
            var (x, _) = SegmentationBatch.Make(batch, net.Config.InChannels, size, device);
            var p = sigmoid(net.forward(x)).cpu().data<float>().ToArray();
            for (int n = 0; n < batch.Count; n++) result.Add(p.AsSpan(n * plane, plane).ToArray());
        }
        return result;
    }
}
