using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Reproduce;

/// <summary>
/// Every parameter of a `breastseg reproduce` run: the data, the <see cref="Training.Experiment"/> shared by all models
/// (each model takes it with its own input), the inputs and the separability sweep. A preset fills them; each can be
/// overridden; the whole record is saved next to the results (config.json). None of the study's unknown settings is
/// claimed as "the paper's": the study reports only its data (269 masses, 81 test masses) and its Dice results.
/// </summary>
public sealed record ReproduceConfig
{
    /// <summary>Preset the values started from ("quick", "paper" or "tiny").</summary>
    public string Preset { get; init; } = "quick";

    /// <summary>Cohort file in the OASBUD layout, or null for the default simulated cohort.</summary>
    public string? Data { get; init; }

    /// <summary>Image folders only: whether normal (lesion-free) cases take part (split as a class of their own); the
    /// published BUSI tables use benign and malignant cases only, the default.</summary>
    public bool IncludeNormal { get; init; }

    /// <summary>Cases of the default simulated cohort (the study had 269 masses, OASBUD has 100). The quick preset uses
    /// 100 so that simulation, maps and three models fit in minutes on a 2-core CPU; the paper preset uses 269.</summary>
    public int CohortCases { get; init; } = 100;

    /// <summary>Seed of the default simulated cohort.</summary>
    public long CohortSeed { get; init; } = 1;

    /// <summary>Maps, grid size, network, training and split of every model (the input is set per model).</summary>
    public Experiment Experiment { get; init; } = Experiment.Quick;

    /// <summary>Models to train, by input ("bmode", "entropy", "nakagami", "bmode+entropy").</summary>
    public string[] Inputs { get; init; } = ["bmode", "entropy", "bmode+entropy"];

    /// <summary>Entropy window sides (pulse lengths) of the separability sweep.</summary>
    public double[] SweepWindows { get; init; } = [0.5, 1, 2, 3, 5];

    /// <summary>Bin counts of the separability sweep.</summary>
    public int[] SweepBins { get; init; } = [8, 16, 32, 64];

    /// <summary>Test-set cases used by the sweep (the first N test cases).</summary>
    public int SweepCases { get; init; } = 6;

    /// <summary>Seed of the bootstrap confidence intervals of the results table.</summary>
    public int BootstrapSeed { get; init; } = 1;

    /// <summary>The quick preset: a 2-core laptop, CPU only, a few minutes.</summary>
    public static ReproduceConfig Quick { get; } = new();

    /// <summary>The paper preset: the full 269-case cohort, 128-pixel inputs and the reference network width.
    /// Meant for a GPU or a long CPU run (see the README for the expected time).</summary>
    public static ReproduceConfig Paper { get; } = new() { Preset = "paper", CohortCases = 269, Experiment = Experiment.Paper, SweepCases = 20 };

    /// <summary>A seconds-long preset for tests: a handful of cases, two epochs.</summary>
    public static ReproduceConfig Tiny { get; } = new()
    {
        Preset = "tiny", CohortCases = 8, Experiment = Experiment.Tiny, SweepWindows = [1, 2], SweepBins = [16, 32], SweepCases = 2,
    };

    /// <summary>The busi preset, for image folders such as BUSI: <see cref="Experiment.Busi"/> (128 px, 16 base filters,
    /// 25 epochs, a 70/30 split with 10 % validation) for B-mode, grey-level entropy and both stacked.</summary>
    public static ReproduceConfig Busi { get; } = new() { Preset = "busi", Experiment = Experiment.Busi };

    /// <summary>The preset named <paramref name="name"/>.</summary>
    public static ReproduceConfig ForPreset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "quick" => Quick,
        "paper" => Paper,
        "tiny" => Tiny,
        "busi" => Busi,
        _ => throw new BreastSegInputException("Preset", $"'{name}' is not one of quick, paper, tiny, busi"),
    };

    /// <summary>The map options of every model.</summary>
    public MapOptions MapOptions() => Experiment.Maps;

    /// <summary>The experiment of the model for <paramref name="input"/>.</summary>
    public Experiment ExperimentFor(string input) => (Experiment with { Input = input }).Canonical();

    /// <summary>The maps every model of the run draws on, computed once per case and stacked as channels in this fixed
    /// order (the sample cache holds them all).</summary>
    public MapKind[] StackedMaps() => Inputs.SelectMany(i => InputChoice.Parse(i, nameof(Inputs))).Distinct().Order().ToArray();

    /// <summary>Indices into <see cref="StackedMaps"/> of the maps the model for <paramref name="input"/> sees.</summary>
    public int[] ChannelsOf(string input)
    {
        var stack = StackedMaps();
        return InputChoice.Parse(input, nameof(Inputs)).Select(k => Array.IndexOf(stack, k)).ToArray();
    }

    /// <summary>Checks every value; throws <see cref="BreastSegInputException"/> naming the parameter.</summary>
    public void Validate()
    {
        if (CohortCases < 4) throw new BreastSegInputException(nameof(CohortCases), $"the simulated cohort needs at least 4 cases, got {CohortCases}");
        if (Inputs.Length == 0) throw new BreastSegInputException(nameof(Inputs), "name at least one model input");
        foreach (string input in Inputs)
        {
            InputChoice.Parse(input, nameof(Inputs));
            ExperimentFor(input).Validate();
        }
        if (SweepCases < 0) throw new BreastSegInputException(nameof(SweepCases), $"must be >= 0, got {SweepCases}");
    }

    /// <summary>JSON options for saving configurations.</summary>
    public static JsonSerializerOptions Json => ExperimentJson.Options;

    /// <summary>The configuration as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
