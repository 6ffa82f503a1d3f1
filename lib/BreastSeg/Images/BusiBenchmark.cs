using System.Globalization;
using System.Text;
using BreastSeg.Evaluation;

namespace BreastSeg.Images;

/// <summary>A published segmentation result on BUSI (always shown as theirs, with their protocol).</summary>
/// <param name="Model">Network.</param>
/// <param name="DicePercent">Reported mean Dice (%).</param>
/// <param name="DiceSdPercent">Reported spread of the mean over repeated splits (%), where given.</param>
/// <param name="IoUPercent">Reported mean IoU (%), where given.</param>
public sealed record PublishedBusiResult(string Model, double DicePercent, double? DiceSdPercent, double? IoUPercent);

/// <summary>
/// The published BUSI table the kit compares with, and its protocol, next to ours: per class and overall mean Dice with
/// bootstrap 95 % confidence intervals over test cases (the mass is the unit), Dice computed at each image's own size.
/// </summary>
public static class BusiBenchmark
{
    /// <summary>Label of the published rows wherever they appear next to the kit's.</summary>
    public const string Label = "published (their split and protocol)";

    /// <summary>Where the published numbers come from.</summary>
    public const string Source = "the public Medical-Image-Segmentation-Benchmarks table on BUSI";

    /// <summary>Their protocol, as published.</summary>
    public const string Protocol = "benign + malignant, 647 images, 256 x 256 inputs, random 70/30 split repeated 3 times, rotation/flip augmentation, 300 epochs, batch 8";

    /// <summary>Their rows (Dice and IoU in %).</summary>
    public static IReadOnlyList<PublishedBusiResult> Results { get; } =
    [
        new("U-Net", 76.97, 3.10, 68.61),
        new("Attention U-Net", 76.88, 3.50, 68.55),
        new("TransUNet", 79.85, null, null),
    ];

    /// <summary>The published Attention U-Net mean Dice (0.7688), the kit's target.</summary>
    public static double AttentionUNetDice => Results.Single(r => r.Model == "Attention U-Net").DicePercent / 100;

    /// <summary>
    /// A markdown table: for each of our models (name -> per-case results on the test split) the mean Dice with its
    /// bootstrap 95 % CI for benign, malignant and all test cases, then the published rows, labelled as theirs, and both
    /// protocols.
    /// </summary>
    public static string Markdown(IReadOnlyList<(string Model, IReadOnlyList<CaseResult> Results)> ours, string ourProtocol, int seed = 1)
    {
        var md = new StringBuilder();
        md.AppendLine("| Model | Source | Test cases | Mean Dice benign (95% CI) | Mean Dice malignant (95% CI) | Mean Dice all (95% CI) | Median Dice all |");
        md.AppendLine("|---|---|---:|---|---|---|---:|");
        foreach (var (model, results) in ours)
        {
            var valid = results.Where(r => double.IsFinite(r.Dice)).ToList();
            string Cell(IEnumerable<CaseResult> rs)
            {
                var d = rs.Select(r => r.Dice).ToList();
                if (d.Count == 0) return "n/a";
                var s = BootstrapInterval.Summarize("dice", d, seed);
                return $"{F(s.Mean)} ({F(s.CiLow)} to {F(s.CiHigh)}), n = {s.N}";
            }
            var all = valid.Count == 0 ? null : BootstrapInterval.Summarize("dice", valid.Select(r => r.Dice), seed);
            md.AppendLine($"| {model} | this kit | {valid.Count} | {Cell(valid.Where(r => !r.Malignant))} | {Cell(valid.Where(r => r.Malignant))} | {Cell(valid)} | {(all is null ? "n/a" : F(all.Median))} |");
        }
        foreach (var r in Results)
            md.AppendLine($"| {r.Model} | {Label} | 194 (30 % of 647) | not reported | not reported | {F(r.DicePercent / 100)}{(r.DiceSdPercent is { } sd ? $" +/- {F(sd / 100)} over 3 splits" : "")} | not reported |");
        md.AppendLine();
        md.AppendLine($"Published rows: {Source}; their protocol: {Protocol}. Ours: {ourProtocol}. The published numbers are theirs, on their split; ours are on our test split of this copy of BUSI, selected on a validation split (not on the test split).");
        return md.ToString();
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
