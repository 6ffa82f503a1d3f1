using BreastSeg.Torch;
using BreastSeg.Samples;
using BreastSeg.Training;
using static TorchSharp.torch;

namespace BreastSeg.Tests.Training;

public class LossTests
{
    public LossTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void SoftDiceFollowsMonaiFormulaPerImageAndPerBatch()
    {
        using var scope = NewDisposeScope();
        var random = new Random(2);
        float[] lg = Enumerable.Range(0, 2 * 9).Select(_ => (float)(4 * random.NextDouble() - 2)).ToArray();
        float[] tg = Enumerable.Range(0, 2 * 9).Select(_ => random.NextDouble() < 0.4 ? 1f : 0f).ToArray();
        var logits = tensor(lg, [2, 1, 3, 3]);
        var target = tensor(tg, [2, 1, 3, 3]);
        double Dice(IEnumerable<int> idx)
        {
            double inter = 0, p = 0, t = 0;
            foreach (int k in idx)
            {
                double s = 1 / (1 + Math.Exp(-lg[k]));
                inter += s * tg[k]; p += s; t += tg[k];
            }
            return 1 - (2 * inter + 1e-5) / (p + t + 1e-5);
        }
        double perImage = (Dice(Enumerable.Range(0, 9)) + Dice(Enumerable.Range(9, 9))) / 2;
        Assert.Equal(perImage, SegmentationLoss.SoftDice(logits, target).item<float>(), 5);
        Assert.Equal(Dice(Enumerable.Range(0, 18)), SegmentationLoss.SoftDice(logits, target, batch: true).item<float>(), 5);

        double bce = Enumerable.Range(0, 18).Average(k => Math.Max(lg[k], 0) - lg[k] * tg[k] + Math.Log(1 + Math.Exp(-Math.Abs(lg[k]))));
        Assert.Equal(bce, SegmentationLoss.Bce(logits, target).item<float>(), 5);
        Assert.Equal(perImage + bce, SegmentationLoss.Compute(LossKind.DiceBce, logits, target).item<float>(), 5);
    }

    [Fact]
    public void EmptyTargetAndEmptyPredictionGiveAlmostZeroDiceLoss()
    {
        // MONAI: with both empty, (0 + 1e-5) / (sum(p) + 1e-5) -> close to 1 only when p is near 0 everywhere.
        using var scope = NewDisposeScope();
        var logits = full(1, 1, 4, 4, -30f);
        var target = zeros(1, 1, 4, 4);
        Assert.InRange(SegmentationLoss.SoftDice(logits, target).item<float>(), 0, 1e-3);
    }
}
