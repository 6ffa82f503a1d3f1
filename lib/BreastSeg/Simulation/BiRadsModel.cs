using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>
/// BI-RADS categories of biopsied masses given their pathology. The per-class distributions are chosen so that, at the
/// default 52% malignancy, the malignancy rate in each category falls in the ACR BI-RADS 5th-edition ranges
/// (3: at most 2%; 4a: 2-10%; 4b: 10-50%; 4c: 50-95%; 5: at least 95%). Biopsied cohorts such as OASBUD hold no
/// category 2 masses, so cysts here are complicated cysts (3 or 4a).
/// </summary>
public static class BiRadsModel
{
    /// <summary>Categories in order.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["3", "4a", "4b", "4c", "5"];

    /// <summary>Probability of each category for a malignant mass.</summary>
    public static IReadOnlyList<double> Malignant { get; } = [0.005, 0.03, 0.07, 0.35, 0.545];

    /// <summary>Probability of each category for a benign solid mass.</summary>
    public static IReadOnlyList<double> Benign { get; } = [0.49, 0.36, 0.11, 0.04, 0];

    /// <summary>Probability of each category for a (complicated) cyst.</summary>
    public static IReadOnlyList<double> Cyst { get; } = [0.6, 0.4, 0, 0, 0];

    /// <summary>Draws a category for a mass of class <paramref name="c"/>.</summary>
    public static string Draw(Random r, MassClass c) =>
        Categories[r.Pick(c switch { MassClass.Malignant => Malignant, MassClass.Cyst => Cyst, _ => Benign })];
}
