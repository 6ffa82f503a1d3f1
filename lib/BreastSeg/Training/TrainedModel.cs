using BreastSeg.Models;

namespace BreastSeg.Training;

/// <summary>A trained (or reused) run folder.</summary>
/// <param name="Folder">The run folder.</param>
/// <param name="Manifest">What it was trained on.</param>
/// <param name="Result">Its training history and best epoch.</param>
/// <param name="Reused">Whether it was finished already (nothing was trained in this call).</param>
public sealed record TrainedModel(string Folder, RunManifest Manifest, TrainingResult Result, bool Reused)
{
    /// <summary>The best model's file.</summary>
    public string ModelPath => Path.Combine(Folder, Trainer.BestModelFileName);

    /// <summary>Loads the best model (evaluation mode); dispose it when done.</summary>
    public UNetBase LoadNetwork() => ModelFile.Load(ModelPath);
}
