using System.Text.Json;
using System.Text.Json.Serialization;
using BreastSeg.IO;
using BreastSeg.Maps;

namespace BreastSeg.Reproduce;

/// <summary>
/// Every parameter of a `breastseg reproduce` run. A preset fills them; each can be overridden; the whole record is
/// saved next to the results (config.json). None of the study's unknown settings is claimed as "the paper's":
/// the study reports only its data (269 masses, 81 test masses) and its Dice results.
/// </summary>
public sealed record ReproduceConfig
{
    /// <summary>Preset the values started from ("quick", "paper" or "tiny").</summary>
    public string Preset { get; init; } = "quick";

    /// <summary>Cohort file in the OASBUD layout, or null for the default simulated cohort.</summary>
    public string? Data { get; init; }

    /// <summary>Cases of the default simulated cohort (the study had 269 masses, OASBUD has 100). The quick preset uses
    /// 100 so that simulation, maps and three models fit in minutes on a 2-core CPU; the paper preset uses 269.</summary>
    public int CohortCases { get; init; } = 100;

    /// <summary>Seed of the default simulated cohort.</summary>
    public long CohortSeed { get; init; } = 1;

    /// <summary>Seed of the split, weights, shuffling and augmentation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>B-mode dynamic range (dB).</summary>
    public double DynamicRangeDb { get; init; } = 50;

    /// <summary>Entropy window side (pulse lengths; Tsui's SL).</summary>
    public double EntropyWindowPulseLengths { get; init; } = 1;

    /// <summary>Entropy histogram bins.</summary>
    public int EntropyBins { get; init; } = 32;

    /// <summary>Entropy normalisation: "window" or "global".</summary>
    public string EntropyNormalization { get; init; } = "window";

    /// <summary>Network input size (pixels per side; a multiple of 16).</summary>
    public int Size { get; init; } = 64;

    /// <summary>Network architecture: "attention-unet" or "unet".</summary>
    public string Architecture { get; init; } = "attention-unet";

    /// <summary>Base filters of the network (64 in the reference implementation).</summary>
    public int BaseFilters { get; init; } = 8;

    /// <summary>Maximum epochs per model.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Images per optimiser step.</summary>
    public int Batch { get; init; } = 8;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Early-stopping patience in epochs (0: off).</summary>
    public int Patience { get; init; } = 0;

    /// <summary>Models to train, by input ("bmode", "entropy", "nakagami", "bmode+entropy").</summary>
    public string[] Inputs { get; init; } = ["bmode", "entropy", "bmode+entropy"];

    /// <summary>Entropy window sides (pulse lengths) of the separability sweep.</summary>
    public double[] SweepWindows { get; init; } = [0.5, 1, 2, 3, 5];

    /// <summary>Bin counts of the separability sweep.</summary>
    public int[] SweepBins { get; init; } = [8, 16, 32, 64];

    /// <summary>Test-set cases used by the sweep (the first N test cases).</summary>
    public int SweepCases { get; init; } = 6;

    /// <summary>Training threads of libtorch; 1 gives bit-identical runs on the CPU.</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>The quick preset: a 2-core laptop, CPU only, a few minutes.</summary>
    public static ReproduceConfig Quick { get; } = new();

    /// <summary>The paper preset: the full 269-case cohort, 128-pixel inputs and the reference network width.
    /// Meant for a GPU or a long CPU run (see the README for the expected time).</summary>
    public static ReproduceConfig Paper { get; } = new()
    {
        Preset = "paper", CohortCases = 269, Size = 128, BaseFilters = 64, Epochs = 100, Patience = 20, LearningRate = 1e-4, Batch = 8,
        SweepCases = 20, Deterministic = false,
    };

    /// <summary>A seconds-long preset for tests: a handful of cases, one or two epochs.</summary>
    public static ReproduceConfig Tiny { get; } = new()
    {
        Preset = "tiny", CohortCases = 8, Size = 32, BaseFilters = 8, Epochs = 2, Batch = 4,
        SweepWindows = [1, 2], SweepBins = [16, 32], SweepCases = 2,
    };

    /// <summary>The preset named <paramref name="name"/>.</summary>
    public static ReproduceConfig ForPreset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "quick" => Quick,
        "paper" => Paper,
        "tiny" => Tiny,
        _ => throw new BreastSegInputException("--preset", $"'{name}' is not one of quick, paper, tiny"),
    };

    /// <summary>The map options this configuration implies.</summary>
    public MapOptions MapOptions() => new()
    {
        DynamicRangeDb = DynamicRangeDb,
        Window = MapWindow.PulseLengths(EntropyWindowPulseLengths),
        Bins = EntropyBins,
        Normalization = EntropyNormalization.Trim().ToLowerInvariant() switch
        {
            "window" => Maps.EntropyNormalization.Window,
            "global" => Maps.EntropyNormalization.Global,
            var other => throw new BreastSegInputException("--normalization", $"'{other}' is not one of window, global"),
        },
    };

    /// <summary>The maps every model of the run draws on, computed once and stacked as channels in this fixed order
    /// (the map cache holds them all).</summary>
    public MapKind[] StackedMaps() => Inputs.SelectMany(i => Training.InputChoice.Parse(i, "--inputs")).Distinct().OrderBy(k => k).ToArray();

    /// <summary>Indices into <see cref="StackedMaps"/> of the maps the model for <paramref name="input"/> sees.</summary>
    public int[] ChannelsOf(string input)
    {
        var stack = StackedMaps();
        return Training.InputChoice.Parse(input, "--inputs").Select(k => Array.IndexOf(stack, k)).ToArray();
    }

    /// <summary>Checks every value; throws <see cref="BreastSegInputException"/> naming the option.</summary>
    public void Validate()
    {
        if (CohortCases < 4) throw new BreastSegInputException("--cases", $"the simulated cohort needs at least 4 cases, got {CohortCases}");
        if (Size < 16 || Size % 16 != 0) throw new BreastSegInputException("--size", $"must be a multiple of 16, got {Size}");
        if (BaseFilters < 1) throw new BreastSegInputException("--base-filters", $"must be at least 1, got {BaseFilters}");
        if (Epochs < 1) throw new BreastSegInputException("--epochs", $"must be at least 1, got {Epochs}");
        if (Batch < 1) throw new BreastSegInputException("--batch", $"must be at least 1, got {Batch}");
        if (EntropyBins < 2) throw new BreastSegInputException("--bins", $"must be at least 2, got {EntropyBins}");
        if (!(EntropyWindowPulseLengths > 0)) throw new BreastSegInputException("--window", $"must be positive, got {EntropyWindowPulseLengths}");
        if (Inputs.Length == 0) throw new BreastSegInputException("--inputs", "name at least one model input");
        foreach (string input in Inputs) Training.InputChoice.Parse(input, "--inputs");
        Models.UNetFactory.ParseArchitecture(Architecture);
        MapOptions();
    }

    /// <summary>JSON options for saving and hashing configurations.</summary>
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The configuration as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
