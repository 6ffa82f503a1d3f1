using System.Globalization;
using System.Text;
using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.Images;
using BreastSeg.Samples;

namespace BreastSeg.Reproduce;

/// <summary>
/// The report of an image-folder reproduce run (Markdown): what was run, the data and near-duplicates, both protocols
/// side by side, test Dice per class with CIs next to the published BUSI table (labelled as theirs), paired
/// differences, and training (epochs, best epoch, epoch time).
/// </summary>
public static class ImageReproduceReport
{
    /// <summary>How the image entropy is named wherever it appears: it is not the study's RF entropy.</summary>
    public const string EntropyLabel = "grey-level entropy (of the B-mode image, not RF entropy)";

    /// <summary>The report's name of a model input ("bmode" -> "B-mode", "entropy" -> <see cref="EntropyLabel"/>, ...).</summary>
    public static string ModelLabel(string input) =>
        string.Join(" + ", InputChoice.Parse(input).Select(k => k == Maps.MapKind.Entropy ? EntropyLabel : ImageSampleOptions.Label([k])));

    /// <summary>The report as Markdown.</summary>
    public static string Markdown(ImageReproduceResult result, ReproduceConfig config, ImageSegmentationDataset images, string runName,
        string commandLine, DateTimeOffset started, TimeSpan duration)
    {
        var e = config.Experiment;
        var sb = new StringBuilder();
        sb.Append($"# BreastSeg run `{runName}`: B-mode images with masks\n\n");
        sb.Append("The question of Byra et al. 2020 (does an entropy map help an attention U-Net segment breast masses?) asked of B-mode images: ");
        sb.Append($"one attention U-Net per input (B-mode; {EntropyLabel}; both stacked), the same split, tuning budget and test cases for all.\n\n");

        sb.Append("## What was run\n\n");
        sb.Append($"- Command: `{commandLine}`\n");
        sb.Append($"- Started: {started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; time taken by this invocation: {ReportWriter.FormatDuration(duration)}\n\n");

        sb.Append("## Data\n\n");
        var counts = images.Cases.GroupBy(c => c.ClassName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        sb.Append($"- Folder: `{images.Location}` ({(images.Folder.Layout == ImageFolderLayout.Busi ? "BUSI layout" : "images/ + masks/")}); cases taken part: {images.Cases.Count} ({string.Join(", ", counts)})");
        sb.Append(images.IncludeNormal ? "; normal cases included (split as a class of their own)\n" : "; normal cases left out, as in the published tables\n");
        sb.Append($"- Split by case, stratified by class, seed {e.Split.Seed}: {Parts(result.Split, images)}\n");
        sb.Append("- B-mode images only: no RF and no pixel spacing, so areas and distances (the HD95 column of test-cases.csv) are in pixels. ");
        sb.Append($"The entropy is the {EntropyLabel}: the kit's Shannon entropy map of the 8-bit grey levels in a sliding window, not the study's entropy of the RF envelope.\n");
        var crossing = result.NearDuplicates.Count(p => p.CrossesTest);
        sb.Append($"- Near-duplicate images (difference hash within {NearDuplicates.DefaultMaxDistance} of 256 bits): {result.NearDuplicates.Count} pairs, ");
        sb.Append($"{crossing} of them with one image in test and the other not (near-duplicates.csv). The split is by case number, as the data gives no patient ids.\n");
        foreach (var p in result.NearDuplicates.Take(10))
            sb.Append($"  - `{p.First}` ({p.FirstPart}) and `{p.Second}` ({p.SecondPart}): {p.Distance} bits\n");
        if (result.NearDuplicates.Count > 10) sb.Append($"  - ... {result.NearDuplicates.Count - 10} more\n");
        sb.Append('\n');

        sb.Append("## Protocols\n\n| | Published (theirs) | This run (ours) |\n|---|---|---|\n");
        var lesionCases = images.Cases.Count(c => c.ClassName != ImageCase.Normal);
        sb.Append($"| Source | {BusiBenchmark.Source} | this kit |\n");
        sb.Append($"| Images | 647 benign + malignant images of the full BUSI (780) | {lesionCases} benign + malignant images of this folder{(images.IncludeNormal ? " (and its normal images)" : "")} |\n");
        sb.Append($"| Input size | 256 x 256 | {e.Size} x {e.Size} (whole image area-resampled); Dice at each image's own size, predictions resampled back bilinearly |\n");
        sb.Append($"| Network | U-Net, Attention U-Net, TransUNet (their implementations) | {e.Model.Architecture}, {e.Model.BaseFilters} base filters, depth {e.Model.Depth} |\n");
        sb.Append($"| Epochs | 300 | at most {e.Training.Epochs}, early stopping after {e.Training.Patience} epochs without a better validation Dice |\n");
        sb.Append($"| Batch | 8 | {e.Training.BatchSize} |\n");
        sb.Append($"| Optimiser | not given in the table | Adam, learning rate {F(e.Training.LearningRate)} ({e.Training.Schedule}), loss {e.Training.Loss} |\n");
        sb.Append($"| Augmentation | rotation / flip | {(e.Training.Augment ? "lateral flip, rotation, scale, shift, gain, contrast" : "none")} |\n");
        sb.Append($"| Split | random 70/30, repeated 3 times (mean +/- SD over the 3) | one split, {Percent(1 - e.Split.TestFraction - e.Split.ValidationFraction)} train / {Percent(e.Split.ValidationFraction)} validation / {Percent(e.Split.TestFraction)} test of the cases, by case, stratified by class, seed {e.Split.Seed} |\n");
        sb.Append("| Model selection | not stated (many BUSI papers pick the best epoch on the test split) | the epoch of best validation Dice; the test split is used once, at the end |\n");
        sb.Append($"| Inputs | B-mode | B-mode; {EntropyLabel}; both stacked (window {ImageSampleOptions.From([Maps.MapKind.Entropy], e.Maps, e.Size).Window} pixels, {e.Maps.Bins} bins) |\n\n");

        sb.Append("## Test Dice per class\n\n");
        sb.Append("| Model | Source | Test cases | Benign (95% CI) | Malignant (95% CI) | All (95% CI) | Median all |\n|---|---|---:|---|---|---|---:|\n");
        foreach (var m in result.Models)
        {
            var all = result.Summary(m.Name);
            sb.Append($"| {ModelLabel(m.Name)} | this run | {all.Dice.N} | {Cell(result, m.Name, ImageCase.Benign)} | {Cell(result, m.Name, ImageCase.Malignant)} | {Cell(result, m.Name, ImageReproduceResult.AllLesions)} | {D(all.Dice.Median)} |\n");
        }
        foreach (var r in BusiBenchmark.Results)
            sb.Append($"| {r.Model} | {BusiBenchmark.Label} | 194 (30 % of 647) | not reported | not reported | {D(r.DicePercent / 100)}{(r.DiceSdPercent is { } sd ? $" +/- {D(sd / 100)} (SD over 3 splits)" : "")} | not reported |\n");
        sb.Append('\n');
        sb.Append("Each test case is one image and one mass (the union of its masks); CIs are percentile bootstraps over test cases " +
                  $"({BootstrapInterval.DefaultResamples:N0} resamples, seed {config.BootstrapSeed}). The published rows are theirs, on their splits of the full BUSI " +
                  "with their protocol; ours are one split of this copy, selected on validation: side by side for reference, not a like-for-like comparison.\n\n");
        foreach (var n in result.Normals)
            sb.Append($"- {ModelLabel(n.Model)} on {n.Cases} normal test images (Dice undefined): a lesion predicted in {n.WithPrediction}, mean predicted area {F(n.MeanPredictedPixels)} pixels.\n");
        if (result.Normals.Count > 0) sb.Append('\n');

        if (result.Differences.Count > 0)
        {
            sb.Append("## Paired differences (B - A, same test cases)\n\n");
            sb.Append("| Class | B - A | Cases | Mean difference (95% CI) | Hodges-Lehmann | Wilcoxon p |\n|---|---|---:|---|---:|---:|\n");
            foreach (var d in result.Differences)
            {
                var p = d.Difference;
                sb.Append($"| {d.Class} | {ModelLabel(p.ModelB)} - {ModelLabel(p.ModelA)} | {p.Masses} | {S(p.MeanDifference)} ({S(p.CiLow)} to {S(p.CiHigh)}) | {S(p.HodgesLehmann)} | {P(p.Wilcoxon.PValue)} |\n");
            }
            sb.Append("\nWilcoxon signed-rank tests on the per-case differences, not adjusted for the number of comparisons.\n\n");
        }

        sb.Append("## Training\n\n| Model | Epochs run | Best epoch | Validation Dice (network grid) | Mean epoch time |\n|---|---:|---:|---:|---:|\n");
        foreach (var t in result.Training)
            sb.Append($"| {ModelLabel(t.Model)} | {t.Epochs} | {t.BestEpoch} | {D(t.BestValidationDice)} | {t.MeanEpochSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s |\n");
        sb.Append("\nEpoch times are wall times on the machine and load of the run. Each model's folder (models/INPUT) is a `breastseg train` run: `breastseg evaluate --run` works on it.\n");
        return sb.ToString();
    }

    private static string Parts(CaseSplit split, ImageSegmentationDataset images)
    {
        string Part(string name, int[] cases) => $"{cases.Length} {name} (" + string.Join(", ",
            cases.GroupBy(i => images.Cases[i].ClassName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")) + ")";
        return $"{Part("train", split.Train)}, {Part("validation", split.Validation)}, {Part("test", split.Test)}";
    }

    private static string Cell(ImageReproduceResult result, string model, string className)
    {
        var s = result.Summaries.FirstOrDefault(x => x.Model == model && x.Class == className);
        return s is null || s.Dice.N == 0 ? "n/a" : $"{D(s.Dice.Mean)} ({D(s.Dice.CiLow)} to {D(s.Dice.CiHigh)}), n = {s.Dice.N}";
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";

    private static string Percent(double fraction) => (100 * fraction).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string D(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string S(double v) => double.IsFinite(v) ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string P(double p) => double.IsFinite(p) ? (p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture)) : "n/a";
}
