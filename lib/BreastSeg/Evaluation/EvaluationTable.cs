using System.Globalization;
using BreastSeg.IO;
using Deedle;

namespace BreastSeg.Evaluation;

/// <summary>Per-view results as a Deedle frame (one row per view, columns named as the <see cref="CaseResult"/>
/// properties), its CSV form, and the summary of each score.</summary>
public static class EvaluationTable
{
    /// <summary>Scores summarised by <see cref="Summarize"/>, with their column names.</summary>
    public static readonly IReadOnlyList<(string Name, Func<CaseResult, double> Value)> Scores =
    [
        ("Dice", r => r.Dice), ("IoU", r => r.IoU), ("Precision", r => r.Precision), ("Recall", r => r.Recall), ("Hd95Mm", r => r.Hd95Mm),
    ];

    /// <summary>A frame with one row per result (row keys 0..n-1).</summary>
    public static Frame<int, string> ToFrame(IEnumerable<CaseResult> results) => Frame.FromRecords(results);

    /// <summary>Writes the frame as CSV (invariant culture, no row keys), atomically.</summary>
    public static void SaveCsv(Frame<int, string> frame, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            frame.SaveCsv(writer, includeRowKeys: false, culture: CultureInfo.InvariantCulture);
        });

    /// <summary>Mean, median and bootstrap 95% CI of every score (seeded).</summary>
    public static List<MetricSummary> Summarize(IReadOnlyList<CaseResult> results, int seed = 1, int resamples = BootstrapInterval.DefaultResamples) =>
        Scores.Select(s => BootstrapInterval.Summarize(s.Name, results.Select(s.Value), seed, resamples)).ToList();

    /// <summary>Pairs two result sets on the same views (by case index and view) and tests a score with the paired
    /// Wilcoxon signed-rank test.</summary>
    public static WilcoxonResult Compare(IReadOnlyList<CaseResult> a, IReadOnlyList<CaseResult> b, Func<CaseResult, double> score)
    {
        var byKey = b.ToDictionary(r => (r.CaseIndex, r.View));
        var pairs = a.Where(r => byKey.ContainsKey((r.CaseIndex, r.View))).Select(r => (score(r), score(byKey[(r.CaseIndex, r.View)]))).ToList();
        if (pairs.Count != a.Count || pairs.Count != b.Count)
            throw new BreastSegInputException("comparison", $"the two evaluations cover different views ({a.Count} vs {b.Count}, {pairs.Count} shared)");
        return WilcoxonSignedRank.Test(pairs.Select(p => p.Item1).ToList(), pairs.Select(p => p.Item2).ToList());
    }
}
