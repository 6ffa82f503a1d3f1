using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Models;
using BreastSeg.Samples;

namespace BreastSeg.Training;

/// <summary>
/// Everything a trained model depends on apart from the data: input maps and their options, the network grid size, the
/// network, the training options and the split. The defaults are the kit's single set of defaults (the quick preset),
/// used by `breastseg train`, `breastseg reproduce` and the notebooks alike.
/// </summary>
public sealed record Experiment
{
    /// <summary>Input maps stacked as channels, '+'-joined as <see cref="InputChoice"/> spells them ("bmode", "bmode+entropy").</summary>
    public string Input { get; init; } = "bmode";

    /// <summary>Options of the map computation (all of them count in the identity, as far as the input maps use them).</summary>
    public MapOptions Maps { get; init; } = new();

    /// <summary>Network grid size (pixels per side; a multiple of 2^(depth-1)). The study used 224.</summary>
    public int Size { get; init; } = 64;

    /// <summary>Network shape; <see cref="UNetConfig.InChannels"/> is ignored (taken from <see cref="Input"/>, see
    /// <see cref="Network"/>). 64 base filters in the reference; 8 keeps CPU training to minutes.</summary>
    public UNetConfig Model { get; init; } = new(BaseFilters: 8);

    /// <summary>Training hyper-parameters.</summary>
    public TrainingOptions Training { get; init; } = new();

    /// <summary>How cases are split.</summary>
    public SplitOptions Split { get; init; } = new();

    /// <summary>The quick preset (the defaults): 64-pixel inputs, 8 base filters, 12 epochs, minutes on a 2-core CPU.</summary>
    public static Experiment Quick { get; } = new();

    /// <summary>The paper preset: 128-pixel inputs, the reference width (64 base filters), 100 epochs with early stopping.</summary>
    public static Experiment Paper { get; } = new()
    {
        Size = 128, Model = new UNetConfig(BaseFilters: 64),
        Training = new TrainingOptions(Epochs: 100, Patience: 20, LearningRate: 1e-4, Deterministic: false),
    };

    /// <summary>A seconds-long preset for tests: 32-pixel inputs, 2 epochs, batches of 4.</summary>
    public static Experiment Tiny { get; } = new() { Size = 32, Training = new TrainingOptions(Epochs: 2, BatchSize: 4) };

    /// <summary>
    /// The busi preset, for image folders (BUSI): 128-pixel inputs, 16 base filters, 25 epochs at Adam 1e-3 (cosine),
    /// early stopping after 10 epochs without a better validation Dice, a 70/30 split (the published benchmark's) with
    /// 10 % of all cases for validation, grey-level entropy in 15 x 15-pixel windows. Measured at about 50 s CPU per
    /// epoch on this 2-core machine (one thread), so one model takes about 20 min and the three inputs about an hour.
    /// </summary>
    public static Experiment Busi { get; } = new()
    {
        Size = 128, Model = new UNetConfig(BaseFilters: 16),
        Maps = new MapOptions { Window = MapWindow.Pixels(15, 15) },
        Training = new TrainingOptions(Epochs: 25, Patience: 10, LearningRate: 1e-3),
        Split = new SplitOptions(TestFraction: 0.3),
    };

    /// <summary>The preset called <paramref name="name"/> (quick, paper, tiny or busi).</summary>
    public static Experiment ForPreset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "quick" => Quick,
        "paper" => Paper,
        "tiny" => Tiny,
        "busi" => Busi,
        _ => throw new BreastSegInputException("Preset", $"'{name}' is not one of quick, paper, tiny, busi"),
    };

    /// <summary>The input maps in channel order.</summary>
    public MapKind[] MapKinds => InputChoice.Parse(Input, nameof(Input));

    /// <summary>The network this experiment trains: <see cref="Model"/> with one input channel per map.</summary>
    public UNetConfig Network => Model with { InChannels = MapKinds.Length };

    /// <summary>This experiment with its input in canonical spelling (e.g. "B-mode+Entropy" -> "bmode+entropy").</summary>
    public Experiment Canonical() => this with { Input = InputChoice.Format(MapKinds) };

    /// <summary>Checks every value once, where the experiment enters; throws <see cref="BreastSegInputException"/> naming
    /// the parameter by its path in this record ("Training.LearningRate", "Maps.Bins", "Size", ...).</summary>
    public void Validate()
    {
        _ = MapKinds;
        var network = Network;
        network.Validate();
        if (Size % network.SizeMultiple != 0 || Size < 2 * network.SizeMultiple)
            throw new BreastSegInputException(nameof(Size), $"must be a multiple of {network.SizeMultiple} (network depth {network.Depth}) and at least {2 * network.SizeMultiple}, got {Size}");
        if (Maps.Bins < 2) throw new BreastSegInputException("Maps.Bins", $"must be at least 2, got {Maps.Bins}");
        if (Maps.Stride < 1) throw new BreastSegInputException("Maps.Stride", $"must be at least 1, got {Maps.Stride}");
        if (!(Maps.DynamicRangeDb > 0)) throw new BreastSegInputException("Maps.DynamicRangeDb", $"must be positive, got {Maps.DynamicRangeDb}");
        Training.Validate();
        Split.Validate();
    }
}
