using System.CommandLine;
using BreastSeg.Models;
using BreastSeg.Training;

namespace BreastSeg.Cli.Options;

/// <summary>
/// The flags of an experiment, shared by `train` and `reproduce` so both spell and default them alike: every flag is
/// optional and overrides the preset's value (the presets are <see cref="Experiment.Quick"/>, Paper and Tiny).
/// </summary>
internal sealed class ExperimentFlags
{
    private static readonly Experiment Q = Experiment.Quick;

    public Option<int?> Size { get; } = new("--size") { Description = $"Network grid, pixels per side (multiple of 16; quick preset {Q.Size})" };
    public Option<string?> Arch { get; } = new("--arch") { Description = "attention-unet or unet (default attention-unet)" };
    public Option<int?> BaseFilters { get; } = new("--base-filters") { Description = $"Feature maps of the first level (quick preset {Q.Model.BaseFilters}; 64 in the reference)" };
    public Option<int?> Depth { get; } = new("--depth") { Description = $"Resolution levels, 2 to 5 (default {Q.Model.Depth})" };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = $"Maximum epochs (quick preset {Q.Training.Epochs})" };
    public Option<int?> Batch { get; } = new("--batch") { Description = $"Images per optimiser step (default {Q.Training.BatchSize})" };
    public Option<double?> Lr { get; } = new("--lr") { Description = $"Adam learning rate (quick preset {Q.Training.LearningRate})" };
    public Option<int?> Patience { get; } = new("--patience") { Description = $"Early stopping: epochs without better validation Dice, 0 = off (default {Q.Training.Patience})" };
    public Option<string?> Loss { get; } = new("--loss") { Description = "dice, bce or dice+bce (default dice+bce)" };
    public Option<bool> NoAugment { get; } = new("--no-augment") { Description = "Train without augmentation" };
    public Option<int?> TrainSeed { get; } = new("--train-seed") { Description = $"Seed of initial weights, shuffling and augmentation (default {Q.Training.Seed})" };
    public Option<int?> SplitSeed { get; } = new("--split-seed") { Description = $"Seed of the train/validation/test split by case (default {Q.Split.Seed})" };
    public Option<double?> TestFraction { get; } = new("--test-fraction") { Description = "Share of cases held out for testing (default 81/269, the study's)" };
    public Option<double?> ValidationFraction { get; } = new("--validation-fraction") { Description = $"Share of cases for validation (default {Q.Split.ValidationFraction})" };
    public Option<string?> Device { get; } = new("--device") { Description = "cpu, cuda or auto (default cpu)" };

    /// <summary>The map flags (window, bins, normalisation, ...), as `maps` spells them.</summary>
    public MapFlags Maps { get; } = new();

    /// <summary>Every flag, to add to a command.</summary>
    public IEnumerable<Option> All =>
    [
        Size, Arch, BaseFilters, Depth, Epochs, Batch, Lr, Patience, Loss, NoAugment, TrainSeed, SplitSeed, TestFraction,
        ValidationFraction, Device, .. Maps.All,
    ];

    /// <summary><paramref name="preset"/> with the flags given on the command line applied.</summary>
    public Experiment Apply(ParseResult p, Experiment preset)
    {
        var e = preset;
        var m = e.Model;
        m = m with
        {
            Architecture = p.GetValue(Arch) is { } arch ? UNetFactory.ParseArchitecture(arch, "Model.Architecture") : m.Architecture,
            BaseFilters = p.GetValue(BaseFilters) ?? m.BaseFilters,
            Depth = p.GetValue(Depth) ?? m.Depth,
        };
        var t = e.Training;
        t = t with
        {
            Epochs = p.GetValue(Epochs) ?? t.Epochs,
            BatchSize = p.GetValue(Batch) ?? t.BatchSize,
            LearningRate = p.GetValue(Lr) ?? t.LearningRate,
            Patience = p.GetValue(Patience) ?? t.Patience,
            Loss = p.GetValue(Loss) is { } loss ? SegmentationLoss.Parse(loss) : t.Loss,
            Augment = !p.GetValue(NoAugment) && t.Augment,
            Seed = p.GetValue(TrainSeed) ?? t.Seed,
            Device = p.GetValue(Device) ?? t.Device,
        };
        var s = e.Split;
        s = s with
        {
            Seed = p.GetValue(SplitSeed) ?? s.Seed,
            TestFraction = p.GetValue(TestFraction) ?? s.TestFraction,
            ValidationFraction = p.GetValue(ValidationFraction) ?? s.ValidationFraction,
        };
        var maps = Maps.Apply(p, e.Maps);
        return e with { Size = p.GetValue(Size) ?? e.Size, Model = m, Training = t, Split = s, Maps = maps };
    }
}
