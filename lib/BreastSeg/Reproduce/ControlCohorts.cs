using BreastSeg.IO;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Reproduce;

/// <summary>Names of the control cohorts of a reproduce run (the simulator's <see cref="MassContrast"/> values other
/// than the clinical one): how the report labels them and the folder their results live in.</summary>
public static class ControlCohorts
{
    /// <summary>The report's label of a control cohort.</summary>
    public static string Label(MassContrast contrast) => contrast switch
    {
        MassContrast.Null => "null (invisible masses)",
        MassContrast.StatisticsOnly => "statistics-only (log-iso-echoic)",
        MassContrast.EchogenicityOnly => "echogenicity-only",
        _ => "clinical",
    };

    /// <summary>Folder and file-name part of a control cohort ("null", "statistics-only", "echogenicity-only").</summary>
    public static string Name(MassContrast contrast) => contrast switch
    {
        MassContrast.Null => "null",
        MassContrast.StatisticsOnly => "statistics-only",
        MassContrast.EchogenicityOnly => "echogenicity-only",
        _ => "clinical",
    };

    /// <summary>The contrast named <paramref name="text"/> ("clinical", "null", "statistics-only",
    /// "echogenicity-only"); throws <see cref="BreastSegInputException"/> naming <paramref name="parameter"/>.</summary>
    public static MassContrast Parse(string text, string parameter)
    {
        string t = text.Trim().ToLowerInvariant();
        foreach (var c in Enum.GetValues<MassContrast>())
            if (Name(c) == t) return c;
        throw new BreastSegInputException(parameter, $"'{text}' is not one of clinical, null, statistics-only, echogenicity-only");
    }
}
