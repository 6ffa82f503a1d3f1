using System.Globalization;

namespace BreastSeg.Evaluation;

/// <summary>A named subset of the test masses.</summary>
/// <param name="Grouping">What the masses are grouped by ("class", "size").</param>
/// <param name="Label">The group ("benign", "10-20 mm", ...).</param>
/// <param name="Includes">Membership test.</param>
public sealed record MassSubgroup(string Grouping, string Label, Func<MassResult, bool> Includes);

/// <summary>
/// Subgroups of masses for Dice per class and per size. Size is the equivalent diameter of the reference lesion
/// (2 sqrt(A / pi), A the mask area on the RF grid in mm², averaged over the views), binned at fixed edges in mm
/// (default 10 and 20 mm: the T1a-b / T1c / T2+ boundaries of TNM staging), so that bins mean the same thing on
/// every cohort and run; the edges used are printed with each bin.
/// </summary>
public static class MassSubgroups
{
    /// <summary>Default size-bin edges (mm of equivalent diameter).</summary>
    public static readonly IReadOnlyList<double> DefaultSizeEdgesMm = [10, 20];

    /// <summary>Benign, then malignant.</summary>
    public static IReadOnlyList<MassSubgroup> ByClass() =>
    [
        new("class", "benign", m => !m.Malignant),
        new("class", "malignant", m => m.Malignant),
    ];

    /// <summary>Size bins [0, e1), [e1, e2), ..., [ek, inf) of the equivalent diameter in mm.</summary>
    public static IReadOnlyList<MassSubgroup> BySize(IReadOnlyList<double>? edgesMm = null)
    {
        var edges = (edgesMm ?? DefaultSizeEdgesMm).ToArray();
        if (edges.Length == 0 || edges.Any(e => !(e > 0)) || edges.Zip(edges.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("size edges must be positive and increasing (mm)", nameof(edgesMm));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var groups = new List<MassSubgroup>();
        for (int i = 0; i <= edges.Length; i++)
        {
            double lo = i == 0 ? 0 : edges[i - 1], hi = i == edges.Length ? double.PositiveInfinity : edges[i];
            string label = i == 0 ? $"< {F(hi)} mm" : i == edges.Length ? $">= {F(lo)} mm" : $"{F(lo)}-{F(hi)} mm";
            groups.Add(new MassSubgroup("size", label, m => m.EquivalentDiameterMm >= lo && m.EquivalentDiameterMm < hi));
        }
        return groups;
    }

    /// <summary>Class groups, then size groups.</summary>
    public static IReadOnlyList<MassSubgroup> Standard(IReadOnlyList<double>? sizeEdgesMm = null) => [.. ByClass(), .. BySize(sizeEdgesMm)];
}
