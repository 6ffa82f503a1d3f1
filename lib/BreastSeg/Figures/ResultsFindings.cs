namespace BreastSeg.Figures;

/// <summary>
/// The report's plain-language findings, worded from the confidence intervals and p-values, never written by hand:
/// a difference is called a difference only when the 95% CI of the mean per-mass difference excludes 0 <b>and</b> the
/// Wilcoxon p is below alpha; when the two disagree the sentence says the evidence is inconclusive; otherwise that the
/// models do not differ detectably. A model is called best only when it beats every other model in that sense.
/// </summary>
public static class ResultsFindings
{
    /// <summary>Significance level the wording uses (matches the 95% intervals).</summary>
    public const double Alpha = 0.05;

    /// <summary>Below this many masses the report says the intervals are descriptive only.</summary>
    public const int MinMassesForIntervals = 10;

    /// <summary>How a paired comparison reads.</summary>
    public enum Verdict
    {
        /// <summary>No mass was scored by both models.</summary>
        NotCompared,

        /// <summary>CI includes 0 and p &gt;= alpha.</summary>
        NoDetectableDifference,

        /// <summary>CI and test disagree.</summary>
        Inconclusive,

        /// <summary>B scores higher (CI above 0, p &lt; alpha).</summary>
        BHigher,

        /// <summary>A scores higher (CI below 0, p &lt; alpha).</summary>
        AHigher,
    }

    /// <summary>The verdict on a comparison (difference B - A).</summary>
    public static Verdict Judge(PairedComparison c)
    {
        if (c.Pairs == 0 || !double.IsFinite(c.MeanDifference)) return Verdict.NotCompared;
        bool ciAbove = c.CiLow > 0, ciBelow = c.CiHigh < 0;
        bool significant = c.PValue < Alpha;
        if (!ciAbove && !ciBelow && !significant) return Verdict.NoDetectableDifference;
        if (significant && ciAbove && c.MeanDifference > 0) return Verdict.BHigher;
        if (significant && ciBelow && c.MeanDifference < 0) return Verdict.AHigher;
        return Verdict.Inconclusive;
    }

    /// <summary>One sentence on a comparison, e.g. "B-mode and entropy do not differ detectably (difference entropy -
    /// B-mode +0.030, 95% CI -0.020 to +0.080, Wilcoxon p = 0.21, n = 30 masses)."</summary>
    public static string Sentence(PairedComparison c, string unit = "masses")
    {
        string a = c.ModelA, b = c.ModelB;
        string numbers = $"difference {b} - {a} {ResultsTable.Signed(c.MeanDifference)}, 95% CI {ResultsTable.Signed(c.CiLow)} to " +
                         $"{ResultsTable.Signed(c.CiHigh)}, Hodges-Lehmann {ResultsTable.Signed(c.HodgesLehmann)}, Wilcoxon p = {ResultsTable.P(c.PValue)}, n = {c.Pairs} {unit}";
        return Judge(c) switch
        {
            Verdict.NotCompared => $"{a} and {b} could not be compared: no test mass was scored by both.",
            Verdict.NoDetectableDifference => $"{a} and {b} do not differ detectably ({numbers}).",
            Verdict.BHigher => $"{b} scores higher than {a} ({numbers}).",
            Verdict.AHigher => $"{a} scores higher than {b} ({numbers}).",
            _ => $"Whether {b} and {a} differ is inconclusive: the confidence interval and the signed-rank test disagree ({numbers}).",
        };
    }

    /// <summary>
    /// What the run shows: one sentence per comparison (the primary one first) and, with three or more models, whether
    /// one model is shown to be better than all others.
    /// </summary>
    public static IReadOnlyList<string> Shows(ResultsTable table)
    {
        var lines = new List<string>();
        var all = table.AllComparisons.ToList();
        foreach (var c in all) lines.Add((c == table.Comparison && all.Count > 1 ? "Primary comparison: " : "") + Sentence(c));
        if (table.Models.Count >= 3 && all.Count > 0)
        {
            string? best = null;
            foreach (var m in table.Models.Select(m => m.Model))
            {
                var involving = all.Where(c => c.ModelA == m || c.ModelB == m).ToList();
                bool beatsAll = involving.Count == table.Models.Count - 1 && involving.All(c =>
                    Judge(c) == (c.ModelB == m ? Verdict.BHigher : Verdict.AHigher));
                if (beatsAll) best = m;
            }
            lines.Add(best is not null
                ? $"{best} scores higher than every other model of this run (each paired 95% CI excludes 0 and p < {Alpha}; not adjusted for the {all.Count} comparisons)."
                : "No model is shown to be better than every other model of this run.");
        }
        return lines;
    }

    /// <summary>What the run cannot show, worded from its data source, design and precision.</summary>
    public static IReadOnlyList<string> CannotShow(ResultsTable table, DataSource source)
    {
        var lines = new List<string>();
        if (source == DataSource.Simulated)
            lines.Add("These are simulated masses: the run says nothing about Dice on patients, nor whether the study's patient-data numbers hold.");
        else if (source == DataSource.Oasbud)
            lines.Add("OASBUD is not the study's test set: agreement or disagreement with the study's numbers is not a replication test.");
        if (table.Study is not null)
            lines.Add($"The study's numbers (rows marked \"{StudyResults.Label}\") come from other masses and are not compared statistically with this run.");
        if (table.Comparison is { Pairs: > 0 } c && double.IsFinite(c.CiLow))
        {
            lines.Add($"With n = {c.Pairs} test masses the 95% CI of the {c.ModelB} - {c.ModelA} difference spans " +
                      $"{ResultsTable.Dice(c.CiHigh - c.CiLow)} in Dice: differences smaller than about half of that are not resolved.");
            if (c.Pairs < MinMassesForIntervals)
                lines.Add($"With fewer than {MinMassesForIntervals} masses the percentile bootstrap understates the uncertainty and the " +
                          "signed-rank test has little power (below 6 pairs no two-sided p can fall below 0.05): read these numbers as descriptive.");
        }
        lines.Add(table.Pooled
            ? "Folds share training masses and the per-mass results are pooled over splits and seeds; the CIs treat masses as independent and do not include the spread between seeds (shown separately)."
            : "One split and one training seed: the CIs cover the choice of test masses, not the variation between training runs or splits (cross-validation and several seeds measure that).");
        int small = table.Subgroups.Where(s => s.Summary.Cases is > 0 and < 10).Select(s => s.Group).Distinct().Count();
        if (table.Subgroups.Count > 0)
            lines.Add("Differences between subgroups are not tested" + (small > 0 ? $"; {small} subgroup(s) have fewer than 10 masses and wide intervals." : "."));
        if (table.OtherComparisons.Count > 0)
            lines.Add("The p-values are not adjusted for multiple comparisons; the B-mode vs entropy comparison is the primary one.");
        return lines;
    }
}
