using System.Globalization;
using BreastSeg.IO;
using Deedle;

namespace BreastSeg.Evaluation;

/// <summary>Reads per-view results back from the CSV that <see cref="EvaluationTable.SaveCsv"/> writes.</summary>
public static class EvaluationCsv
{
    /// <summary>The results in <paramref name="path"/>.</summary>
    public static List<CaseResult> Read(string path)
    {
        if (!File.Exists(path)) throw new BreastSegInputException(path, "evaluation CSV not found");
        Frame<int, string> frame;
        try { frame = Frame.ReadCsv(path, hasHeaders: true, inferTypes: false, culture: "en-US"); }
        catch (Exception e) when (e is not BreastSegInputException) { throw new BreastSegInputException(path, $"unreadable CSV: {e.Message.Split('\n')[0]}"); }
        string[] needed = ["CaseIndex", "CaseId", "View", "Malignant", "Dice", "IoU", "Precision", "Recall", "Hd95Mm", "ReferenceAreaMm2", "PredictedAreaMm2"];
        foreach (string c in needed)
            if (!frame.ColumnKeys.Contains(c)) throw new BreastSegInputException(path, $"column '{c}' missing");
        var results = new List<CaseResult>();
        foreach (var row in frame.Rows.Values)
        {
            string S(string c) => row.GetAs<string>(c);
            double D(string c) => double.Parse(S(c), CultureInfo.InvariantCulture);
            results.Add(new CaseResult(int.Parse(S("CaseIndex"), CultureInfo.InvariantCulture), S("CaseId"), int.Parse(S("View"), CultureInfo.InvariantCulture),
                bool.Parse(S("Malignant")), D("Dice"), D("IoU"), D("Precision"), D("Recall"), D("Hd95Mm"), D("ReferenceAreaMm2"), D("PredictedAreaMm2")));
        }
        return results;
    }
}
