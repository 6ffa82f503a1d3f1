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
    /// <summary>Untimed steps at least, whatever warm-up is asked for: the first steps at a thread count are slow
    /// (libtorch's oneDNN primitives and allocator caches fill, .NET tiers up the module code); on an idle 2-core machine
    /// two threads took 955, 441, 418, ... ms and settled near 240 ms only after about 10 steps (1 thread: 2-3 steps).
    /// The peer benchmark warms PyTorch up by the same count.</summary>
    public const int MinimumWarmupSteps = 10;

    /// <summary>Times training steps on a fixed random batch.</summary>
    /// <param name="name">Result name.</param>
    /// <param name="baseFilters">Feature maps of the first level.</param>
    /// <param name="imageSize">Input height and width (pixels; a multiple of 16).</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="threads">libtorch intra-op threads (restored afterwards).</param>
    /// <param name="repeats">Timed steps.</param>
    /// <param name="warmup">Untimed steps first (at least <see cref="MinimumWarmupSteps"/>).</param>
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
            }, repeats, Math.Max(warmup, MinimumWarmupSteps));
        }
        finally
        {
            set_num_threads(previous);
        }
    }
}
