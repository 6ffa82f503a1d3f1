namespace BreastSeg.Cli.Options;

/// <summary>
/// The one table from the library's parameter names (paths in <see cref="Training.Experiment"/>,
/// <see cref="Reproduce.ReproduceConfig"/> and the maps' option names) to the CLI's flags. Library errors name
/// parameters; the CLI reports them by flag.
/// </summary>
internal static class ParameterFlags
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["Data"] = "--data",
        ["Preset"] = "--preset",
        ["IncludeNormal"] = "--include-normal",
        ["Input"] = "--input",
        ["Inputs"] = "--inputs",
        ["Size"] = "--size",
        ["Model.Architecture"] = "--arch",
        ["Model.BaseFilters"] = "--base-filters",
        ["Model.Depth"] = "--depth",
        ["Model.InChannels"] = "--in-channels",
        ["Training.Epochs"] = "--epochs",
        ["Training.BatchSize"] = "--batch",
        ["Training.LearningRate"] = "--lr",
        ["Training.Patience"] = "--patience",
        ["Training.Loss"] = "--loss",
        ["Training.Augment"] = "--no-augment",
        ["Training.Seed"] = "--train-seed",
        ["Training.Device"] = "--device",
        ["Split.Seed"] = "--split-seed",
        ["Split.TestFraction"] = "--test-fraction",
        ["Split.ValidationFraction"] = "--validation-fraction",
        ["Split.Cases"] = "--split-seed",
        ["Maps.Window"] = "--window",
        ["window"] = "--window",
        ["Maps.Bins"] = "--bins",
        ["bins"] = "--bins",
        ["Maps.BinRule"] = "--bins",
        ["Maps.MillerMadow"] = "--miller-madow",
        ["Maps.RobustLowPercentile"] = "--normalization",
        ["Maps.RobustHighPercentile"] = "--normalization",
        ["Maps.Normalization"] = "--normalization",
        ["Maps.DynamicRangeDb"] = "--dynamic-range",
        ["Maps.LogCompressed"] = "--log",
        ["Maps.Stride"] = "--stride",
        ["stride"] = "--stride",
        ["Maps.NakagamiWindow"] = "--nakagami-window",
        ["nakagami-window"] = "--nakagami-window",
        ["CohortCases"] = "--cases",
        ["CohortSeed"] = "--cohort-seed",
        ["SweepCases"] = "--sweep-cases",
        ["Controls"] = "--controls",
        ["ControlCases"] = "--control-cases",
        ["ControlInputs"] = "--control-inputs",
        ["Folds"] = "--folds",
        ["Split.Folds"] = "--folds",
        ["Split.Fold"] = "--folds",
        ["Seeds"] = "--seeds",
        ["Threshold"] = "--threshold",
        ["LargestComponent"] = "--largest-component",
        ["split"] = "--split",
        ["threshold"] = "--threshold",
    };

    /// <summary>The flag of a library parameter, or null when the CLI has none (then the parameter is named as is).</summary>
    public static string? FlagOf(string parameter)
    {
        if (Table.TryGetValue(parameter, out var flag)) return flag;
        // "Maps.BandPass.LowHz" -> the flag of "Maps.BandPass", if any.
        int dot = parameter.LastIndexOf('.');
        return dot > 0 ? FlagOf(parameter[..dot]) : null;
    }

    /// <summary>The flag of <paramref name="parameter"/>, or the parameter itself.</summary>
    public static string Name(string parameter) => FlagOf(parameter) ?? parameter;
}
