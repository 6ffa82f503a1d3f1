using BreastSeg.IO;
using BreastSeg.Models;
using BreastSeg.Torch;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace BreastSeg.Tests.Models;

public sealed class StateDictTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-statedict-").FullName;

    public StateDictTests() => TorchRuntime.EnsureLoaded();

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A network with non-trivial weights and BatchNorm running statistics (a few training-mode passes), in eval mode.
    private static AttentionUNet Trained(int seed)
    {
        manual_seed(seed);
        var net = new AttentionUNet(2, 1, 4, 3);
        using (no_grad())
        {
            net.train();
            for (int i = 0; i < 3; i++) { using var s = NewDisposeScope(); net.forward(randn(2, 2, 16, 16) * 3 + 1); }
            foreach (var p in net.parameters()) p.add_(randn_like(p) * 0.1);
        }
        net.eval();
        return net;
    }

    [Fact]
    public void PyTorchPickleRoundTripGivesIdenticalOutputsAndBuffers()
    {
        using var scope = NewDisposeScope();
        using var original = Trained(1);
        string path = Path.Combine(_dir, "state_dict.pt");
        ModelFile.SavePyTorchStateDict(original, path);

        // The file is a PyTorch state dict: an unpickled hashtable keyed exactly as AttU_Net's state_dict().
        var pickled = PyTorchUnpickler.UnpickleStateDict(path);
        Assert.Equal(original.state_dict().Keys.Order(), pickled.Keys.Cast<string>().Order());
        Assert.Contains("Att2.psi.1.num_batches_tracked", pickled.Keys.Cast<string>());

        manual_seed(99);
        using var fresh = new AttentionUNet(2, 1, 4, 3);
        fresh.eval();
        var x = randn(3, 2, 16, 16);
        Assert.False(allclose(original.forward(x), fresh.forward(x)));
        ModelFile.LoadPyTorchStateDict(fresh, path);
        Assert.True(Same(original.forward(x), fresh.forward(x)));
        var a = original.state_dict();
        foreach (var (key, value) in fresh.state_dict()) Assert.True(Same(value, a[key]), key);
    }

    [Fact]
    public void SafetensorsLoadToo()
    {
        using var scope = NewDisposeScope();
        using var original = Trained(2);
        string path = Path.Combine(_dir, "model.safetensors");
        original.save_safetensors(path);
        using var fresh = new AttentionUNet(2, 1, 4, 3);
        fresh.eval();
        ModelFile.LoadPyTorchStateDict(fresh, path);
        var x = randn(1, 2, 16, 16);
        Assert.True(Same(original.forward(x), fresh.forward(x)));
    }

    [Fact]
    public void StateDictOfAnotherShapeIsRejectedWithOneLine()
    {
        using var original = Trained(3);
        string path = Path.Combine(_dir, "other.pt");
        ModelFile.SavePyTorchStateDict(original, path);
        using var wrong = new AttentionUNet(1, 1, 4, 3);
        var e = Assert.Throws<BreastSegInputException>(() => ModelFile.LoadPyTorchStateDict(wrong, path));
        Assert.StartsWith(path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        using var plain = new UNet(2, 1, 4, 3);
        Assert.Throws<BreastSegInputException>(() => ModelFile.LoadPyTorchStateDict(plain, path));
        Assert.Throws<BreastSegInputException>(() => ModelFile.LoadPyTorchStateDict(plain, Path.Combine(_dir, "missing.pt")));
    }

    [Fact]
    public void KitModelFileKeepsShapeAndWeights()
    {
        using var scope = NewDisposeScope();
        using var original = Trained(4);
        string path = Path.Combine(_dir, "best.bsm");
        ModelFile.Save(original, path);
        using var loaded = ModelFile.Load(path);
        Assert.IsType<AttentionUNet>(loaded);
        Assert.Equal(original.Config, loaded.Config);
        var x = randn(2, 2, 16, 16);
        Assert.True(Same(original.forward(x), loaded.forward(x)));

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);
        var e = Assert.Throws<BreastSegInputException>(() => ModelFile.Load(path));
        Assert.Contains("damaged", e.Message);
        File.WriteAllText(path, "not a model");
        Assert.Throws<BreastSegInputException>(() => ModelFile.Load(path));
    }
}
