namespace BreastSeg.Tests;

/// <summary>Runs its classes alone: libtorch's thread count is process-wide, and the trainer's bit-identical runs
/// (resume = uninterrupted) need no other test changing it meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTorchCollection
{
    /// <summary>Collection name.</summary>
    public const string Name = "process-wide torch threads";
}
