namespace BreastSeg.Evaluation;

/// <summary>
/// Scores of one mass (lesion), the unit of every statistic in the kit: its views' scores averaged.
/// </summary>
/// <param name="CaseIndex">Row of the case (mass) in the cohort (0-based).</param>
/// <param name="CaseId">Cohort id label.</param>
/// <param name="Malignant">Pathology class.</param>
/// <param name="Dice">Mean Dice of the mass's scored views; NaN when no view could be scored (see <see cref="MassResults"/>).</param>
/// <param name="ScoredViews">Views whose Dice is finite (entered the mean).</param>
/// <param name="Views">Views of the mass in the evaluation.</param>
/// <param name="ReferenceAreaMm2">Mean reference lesion area (mm²) over the views with a non-empty reference (0 when none).</param>
/// <param name="ViewDice">Every view's Dice in view order (NaN kept), for hover text and checks.</param>
public sealed record MassResult(int CaseIndex, string CaseId, bool Malignant, double Dice, int ScoredViews, int Views,
    double ReferenceAreaMm2, IReadOnlyList<double> ViewDice)
{
    /// <summary>Equivalent diameter (mm) of <see cref="ReferenceAreaMm2"/>: the diameter of a disc of that area, 2 sqrt(A / pi).</summary>
    public double EquivalentDiameterMm => 2 * Math.Sqrt(ReferenceAreaMm2 / Math.PI);
}

/// <summary>
/// Views to masses. A mass's Dice is the mean of its views' Dice. A view whose Dice is NaN (MONAI ignore_empty: an
/// empty reference mask) is left out of that mean; a view with a non-empty reference and an empty prediction has
/// Dice 0 and counts. A mass with no finite view has Dice NaN: it is kept in the list, counted as excluded by
/// summaries and left out of every statistic.
/// </summary>
public static class MassResults
{
    /// <summary>One result per mass (ordered by case index) from per-view results.</summary>
    public static List<MassResult> FromViews(IEnumerable<CaseResult> views) =>
        views.GroupBy(v => v.CaseIndex).OrderBy(g => g.Key).Select(g =>
        {
            var ordered = g.OrderBy(v => v.View).ToList();
            if (ordered.Select(v => v.View).Distinct().Count() != ordered.Count)
                throw new ArgumentException($"case {g.Key} lists a view twice", nameof(views));
            var finite = ordered.Where(v => double.IsFinite(v.Dice)).ToList();
            var withLesion = ordered.Where(v => v.ReferenceAreaMm2 > 0).ToList();
            return new MassResult(g.Key, ordered[0].CaseId, ordered[0].Malignant,
                finite.Count > 0 ? finite.Average(v => v.Dice) : double.NaN, finite.Count, ordered.Count,
                withLesion.Count > 0 ? withLesion.Average(v => v.ReferenceAreaMm2) : 0, ordered.Select(v => v.Dice).ToList());
        }).ToList();

    /// <summary>The finite per-mass Dice values, in case order.</summary>
    public static double[] Dice(IEnumerable<MassResult> masses) => masses.Select(m => m.Dice).Where(double.IsFinite).ToArray();

    /// <summary>
    /// The masses both result sets scored (finite Dice), paired by case index, in case order. Throws
    /// <see cref="ArgumentException"/> when the two cover different masses: a paired comparison on different test
    /// sets would not be paired.
    /// </summary>
    public static List<(MassResult A, MassResult B)> Pair(IReadOnlyList<MassResult> a, IReadOnlyList<MassResult> b)
    {
        var byIndex = b.ToDictionary(m => m.CaseIndex);
        if (a.Count != b.Count || a.Any(m => !byIndex.ContainsKey(m.CaseIndex)))
            throw new ArgumentException($"the two evaluations cover different masses ({a.Count} vs {b.Count})");
        return a.OrderBy(m => m.CaseIndex).Select(m => (m, byIndex[m.CaseIndex]))
            .Where(p => double.IsFinite(p.m.Dice) && double.IsFinite(p.Item2.Dice)).ToList();
    }
}
