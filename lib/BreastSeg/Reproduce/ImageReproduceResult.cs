using BreastSeg.Evaluation;
using BreastSeg.Samples;

namespace BreastSeg.Reproduce;

/// <summary>Outcome of an image-folder reproduce run (<see cref="ImageReproducePipeline"/>).</summary>
/// <param name="OutFolder">The results folder.</param>
/// <param name="ReportPath">The Markdown report.</param>
/// <param name="Models">Each trained and evaluated model (input name, run folder, history, per-case test results).</param>
/// <param name="Summaries">Test Dice per model and class (and over all lesion cases), bootstrap 95 % CIs over cases.</param>
/// <param name="Differences">Paired differences between every two models, per class and over all lesion cases.</param>
/// <param name="Normals">Normal (lesion-free) test cases per model, where they took part.</param>
/// <param name="Training">Per model: epochs run, best epoch and its validation Dice, mean epoch time.</param>
/// <param name="NearDuplicates">Near-duplicate image pairs among the cases taken part, with their split parts.</param>
/// <param name="Split">The split every model drew.</param>
/// <param name="Duration">Wall time of this invocation.</param>
public sealed record ImageReproduceResult(string OutFolder, string ReportPath, IReadOnlyList<ModelRun> Models,
    IReadOnlyList<ImageClassSummary> Summaries, IReadOnlyList<ImageModelDifference> Differences, IReadOnlyList<NormalCaseSummary> Normals,
    IReadOnlyList<ImageTrainingSummary> Training, IReadOnlyList<NearDuplicatePair> NearDuplicates, CaseSplit Split, TimeSpan Duration)
{
    /// <summary>The class name of the summaries over every lesion (benign and malignant) test case.</summary>
    public const string AllLesions = "all";

    /// <summary>The summary of <paramref name="model"/> (input name) over <paramref name="className"/>.</summary>
    public ImageClassSummary Summary(string model, string className = AllLesions) =>
        Summaries.Single(s => s.Model == model && s.Class == className);
}

/// <summary>Test Dice of one model over one class of test cases (each case is one image and one mass).</summary>
/// <param name="Model">Input name ("bmode", "entropy", "bmode+entropy").</param>
/// <param name="Class">"benign", "malignant" or <see cref="ImageReproduceResult.AllLesions"/>.</param>
/// <param name="Dice">Mean, median and percentile-bootstrap 95 % CI of the per-case Dice (cases resampled).</param>
public sealed record ImageClassSummary(string Model, string Class, MetricSummary Dice);

/// <summary>A paired difference (B - A) between two models on the same test cases of one class.</summary>
/// <param name="Class">"benign", "malignant" or <see cref="ImageReproduceResult.AllLesions"/>.</param>
/// <param name="Difference">Mean difference with its bootstrap CI, Hodges-Lehmann shift and Wilcoxon signed-rank test.</param>
public sealed record ImageModelDifference(string Class, PairedDifference Difference);

/// <summary>What a model predicts on normal (lesion-free) test images, where Dice is undefined.</summary>
/// <param name="Model">Input name.</param>
/// <param name="Cases">Normal test images.</param>
/// <param name="WithPrediction">Images with any predicted lesion pixel (false positives).</param>
/// <param name="MeanPredictedPixels">Mean predicted lesion area (pixels).</param>
public sealed record NormalCaseSummary(string Model, int Cases, int WithPrediction, double MeanPredictedPixels);

/// <summary>Training of one model, for the report.</summary>
/// <param name="Model">Input name.</param>
/// <param name="Epochs">Epochs run (early stopping may end before the maximum).</param>
/// <param name="BestEpoch">Epoch of the best validation Dice (the model evaluated on test).</param>
/// <param name="BestValidationDice">Its validation Dice (network grid).</param>
/// <param name="MeanEpochSeconds">Mean wall time per epoch (s), training and validation.</param>
public sealed record ImageTrainingSummary(string Model, int Epochs, int BestEpoch, double BestValidationDice, double MeanEpochSeconds);

/// <summary>Two images whose difference hashes are within the near-duplicate distance.</summary>
/// <param name="First">Id of the first image.</param>
/// <param name="Second">Id of the second image.</param>
/// <param name="Distance">Differing hash bits (of 256).</param>
/// <param name="FirstPart">Split part of the first ("train", "validation", "test").</param>
/// <param name="SecondPart">Split part of the second.</param>
public sealed record NearDuplicatePair(string First, string Second, int Distance, string FirstPart, string SecondPart)
{
    /// <summary>Whether one image is a test case and the other is not (a possible leak from training into testing).</summary>
    public bool CrossesTest => (FirstPart == "test") != (SecondPart == "test");
}
