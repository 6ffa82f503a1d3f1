using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Samples;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace BreastSeg.Models;

/// <summary>
/// Loading and saving network weights: PyTorch state dicts (.pt/.pth pickles or .safetensors, keys of
/// LeeJunHyun/Image_Segmentation) and the kit's model file (network shape plus PyTorch-format weights, written atomically).
/// </summary>
public static class ModelFile
{
    private const string ConfigSection = "config.json";
    private const string WeightsSection = "model.pt";
    private const string NormalizerSection = "normalizer.json";

    /// <summary>
    /// Loads a PyTorch state dict into <paramref name="net"/> (strict: every key must match in name and shape).
    /// Files ending in .safetensors are read as safetensors, others as torch.save pickles.
    /// </summary>
    public static void LoadPyTorchStateDict(UNetBase net, string path)
    {
        if (!File.Exists(path)) throw new BreastSegInputException(path, "state dict not found");
        bool safetensors = path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);
        try
        {
            CheckShapes(net, path, safetensors);
            if (safetensors) net.load_safetensors(path, strict: true);
            else net.load_py(path, strict: true);
        }
        catch (Exception e) when (e is not BreastSegInputException)
        {
            throw new BreastSegInputException(path, $"does not load into {Describe(net.Config)}: {FirstLine(e.Message)}");
        }
    }

    // PyBridge's strict load checks names only; a tensor of another shape would replace the parameter silently.
    private static void CheckShapes(UNetBase net, string path, bool safetensors)
    {
        using var scope = torch.NewDisposeScope();
        var expected = net.state_dict();
        var found = new Dictionary<string, long[]>();
        if (safetensors)
            foreach (var (key, tensor) in Safetensors.LoadStateDict(path)) found[key] = tensor.shape;
        else
            foreach (System.Collections.DictionaryEntry e in PyTorchUnpickler.UnpickleStateDict(path))
                found[(string)e.Key] = e.Value is Tensor t ? t.shape : [];
        string Shape(long[] s) => "[" + string.Join(", ", s) + "]";
        foreach (var (key, tensor) in expected)
        {
            if (!found.TryGetValue(key, out var shape)) throw new BreastSegInputException(path, $"key '{key}' missing for {Describe(net.Config)}");
            if (!shape.SequenceEqual(tensor.shape))
                throw new BreastSegInputException(path, $"'{key}' is {Shape(shape)}, {Describe(net.Config)} needs {Shape(tensor.shape)} (check the architecture, input channels, base filters and depth)");
        }
        foreach (string key in found.Keys)
            if (!expected.ContainsKey(key)) throw new BreastSegInputException(path, $"unexpected key '{key}' for {Describe(net.Config)}");
    }

    private static string Describe(UNetConfig c) => $"{UNetFactory.Name(c.Architecture)} (in {c.InChannels}, base filters {c.BaseFilters}, depth {c.Depth})";

    /// <summary>Writes <paramref name="net"/>'s state dict as a PyTorch pickle (torch.load reads it), atomically.</summary>
    public static void SavePyTorchStateDict(UNetBase net, string path) => AtomicFile.Write(path, s => net.save_py(s, leaveOpen: true));

    /// <summary>Saves the network's shape and weights (and the input normalisation it was trained with, if given) to a
    /// kit model file, atomically.</summary>
    public static void Save(UNetBase net, string path, ChannelNormalizer? normalizer = null)
    {
        var sections = new List<(string, byte[])> { (ConfigSection, JsonSerializer.SerializeToUtf8Bytes(net.Config)), (WeightsSection, WeightsToBytes(net)) };
        if (normalizer is not null) sections.Add((NormalizerSection, JsonSerializer.SerializeToUtf8Bytes(normalizer)));
        SectionArchive.Write(path, sections);
    }

    /// <summary>The input normalisation stored in a kit model file, or null when it has none (imported weights).</summary>
    public static ChannelNormalizer? LoadNormalizer(string path)
    {
        var sections = SectionArchive.Read(path, "model file");
        if (!sections.TryGetValue(NormalizerSection, out var bytes)) return null;
        try { return JsonSerializer.Deserialize<ChannelNormalizer>(bytes); }
        catch (JsonException e) { throw new BreastSegInputException(path, $"normalisation unreadable: {FirstLine(e.Message)}"); }
    }

    /// <summary>Reads a kit model file (from <see cref="Save"/> or a training run's best model) into a new network in
    /// evaluation mode.</summary>
    public static UNetBase Load(string path)
    {
        var sections = SectionArchive.Read(path, "model file");
        var config = ReadConfig(SectionArchive.Require(sections, ConfigSection, path), path);
        var net = UNetFactory.Create(config);
        WeightsFromBytes(net, SectionArchive.Require(sections, WeightsSection, path), path);
        net.eval();
        return net;
    }

    internal static byte[] WeightsToBytes(nn.Module net)
    {
        using var ms = new MemoryStream();
        net.save_py(ms, leaveOpen: true);
        return ms.ToArray();
    }

    internal static void WeightsFromBytes(nn.Module net, byte[] bytes, string origin)
    {
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            net.load_py(ms, strict: true, leaveOpen: true);
        }
        catch (Exception e) when (e is not BreastSegInputException)
        {
            throw new BreastSegInputException(origin, $"weights do not match the network: {FirstLine(e.Message)}");
        }
    }

    internal static UNetConfig ReadConfig(byte[] json, string origin)
    {
        UNetConfig? config;
        try { config = JsonSerializer.Deserialize<UNetConfig>(json); }
        catch (JsonException e) { throw new BreastSegInputException(origin, $"network description unreadable: {FirstLine(e.Message)}"); }
        if (config is null) throw new BreastSegInputException(origin, "network description empty");
        try { config.Validate(); }
        catch (BreastSegInputException e) { throw new BreastSegInputException(origin, $"network description invalid: {e.Message}"); }
        return config;
    }

    internal static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
}
