using BreastSeg.Models;
using BreastSeg.Training;
using static TorchSharp.torch;

namespace BreastSeg.Benchmarks;

/// <summary>
/// One optimiser step of the attention U-Net on the CPU as <see cref="Trainer"/> takes it: zero the gradients, forward,
/// Dice + BCE loss, backward, Adam step, all inside a dispose scope.
/// </summary>
public static class TrainStepBenchmark
{
    /// <summary>Times training steps on a fixed random batch.</summary>
    /// <param name="name">Result name.</param>
    /// <param name="baseFilters">Feature maps of the first level.</param>
    /// <param name="imageSize">Input height and width (pixels; a multiple of 16).</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="threads">libtorch intra-op threads (restored afterwards).</param>
    /// <param name="repeats">Timed steps.</param>
    /// <param name="warmup">Untimed steps first (see <see cref="CoreBenchOptions.Warmup"/>).</param>
    public static BenchResult Measure(string name, int baseFilters, int imageSize, int batchSize, int threads, int repeats, int warmup)
    {
        Torch.TorchRuntime.EnsureLoaded();
        int previous = get_num_threads();
        set_num_threads(threads);
        try
        {
            manual_seed(1);
            using var net = UNetFactory.Create(new UNetConfig(UNetArchitecture.AttentionUNet, 1, 1, baseFilters));
            net.train();
            using var optimizer = optim.Adam(net.parameters(), lr: 1e-3);
            using var data = NewDisposeScope();
            var x = randn(batchSize, 1, imageSize, imageSize);
            var y = (rand(batchSize, 1, imageSize, imageSize) > 0.7).to_type(ScalarType.Float32);
            return BenchTimer.Measure(name, $"{batchSize}x1x{imageSize}x{imageSize}", threads, () =>
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = SegmentationLoss.Compute(LossKind.DiceBce, net.forward(x), y);
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            }, repeats, warmup);
        }
        finally
        {
            set_num_threads(previous);
        }
    }
}
