namespace BreastSeg.IO;

/// <summary>Reports synchronously on the calling thread, in order (System.Progress posts to the thread pool, so
/// reports can arrive late and out of order).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
