using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Samples;
using BreastSeg.Simulation.Phantom;
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
    public double[] SweepWindows { get; init; } = [1, 2, 4, 8];

    /// <summary>Bin counts of the separability sweep.</summary>
    public int[] SweepBins { get; init; } = [16, 32, 64];

    /// <summary>Normalisations of the separability sweep ("window", "global", "robust").</summary>
    public EntropyNormalization[] SweepNormalizations { get; init; } = [EntropyNormalization.Window, EntropyNormalization.Global, EntropyNormalization.Robust];

    /// <summary>Training and validation cases the sweep scores (the first N of them; never test cases).</summary>
    public int SweepCases { get; init; } = 8;

    /// <summary>Control cohorts run beside the main one ("null", "statistics-only", "echogenicity-only"): the same
    /// simulator and experiment with masses that are invisible, or differ only in scatterer statistics or only in
    /// echogenicity. Only with the default simulated cohort (skipped, with a note, for given data).</summary>
    public MassContrast[] Controls { get; init; } = [MassContrast.Null, MassContrast.StatisticsOnly, MassContrast.EchogenicityOnly];

    /// <summary>Cases of each control cohort (fewer than the main cohort's to bound the run time: 60 cases give 18 test
    /// masses; 45, tried on cohort v3, gave 14 and controls too imprecise to separate from the null cohort).</summary>
    public int ControlCases { get; init; } = 60;

    /// <summary>Models trained on each control cohort.</summary>
    public string[] ControlInputs { get; init; } = ["bmode", "entropy"];

    /// <summary>k of k-fold cross-validation by mass, or 0 for one split (<see cref="Training.Experiment.Split"/>).</summary>
    public int Folds { get; init; }

    /// <summary>Seeds of repeated runs (each sets the split and training seed), or empty for the experiment's own seeds.
    /// Every input gets the same training budget (epochs, patience, threshold choice) under every seed and fold.</summary>
    public int[] Seeds { get; init; } = [];

    /// <summary>Probability threshold of every model's masks, or null (the default) to choose each model's on its
    /// validation masses (never test masses) by their mean per-mass Dice (<see cref="Evaluation.ThresholdSelection"/>).</summary>
    public double? Threshold { get; init; }

    /// <summary>Keep only the largest connected component of each predicted mask (in threshold choice and test).</summary>
    public bool LargestComponent { get; init; }

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
        SweepNormalizations = [EntropyNormalization.Robust], Controls = [], ControlCases = 8, ControlInputs = ["bmode"],
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
        if (Controls.Contains(MassContrast.Clinical)) throw new BreastSegInputException(nameof(Controls), "the clinical cohort is the main one, not a control");
        if (Controls.Distinct().Count() != Controls.Length) throw new BreastSegInputException(nameof(Controls), "each control once");
        if (Controls.Length > 0 && ControlCases < 4) throw new BreastSegInputException(nameof(ControlCases), $"a control cohort needs at least 4 cases, got {ControlCases}");
        foreach (string input in ControlInputs)
        {
            if (InputChoice.Parse(input, nameof(ControlInputs)).Except(StackedMaps()).Any())
                throw new BreastSegInputException(nameof(ControlInputs), $"'{input}' needs maps the main models do not use ({InputChoice.Format(StackedMaps())})");
        }
        if (Folds == 1 || Folds < 0) throw new BreastSegInputException(nameof(Folds), $"must be 0 (one split) or at least 2, got {Folds}");
        if (Seeds.Distinct().Count() != Seeds.Length) throw new BreastSegInputException(nameof(Seeds), "seeds must differ");
        if (Threshold is { } t && !(t > 0 && t < 1)) throw new BreastSegInputException(nameof(Threshold), $"must lie in (0, 1), got {t}");
    }

    /// <summary>JSON options for saving configurations.</summary>
    public static JsonSerializerOptions Json => ExperimentJson.Options;

    /// <summary>The configuration as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
