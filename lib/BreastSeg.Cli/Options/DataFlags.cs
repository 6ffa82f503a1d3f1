using System.CommandLine;

namespace BreastSeg.Cli.Options;

/// <summary>The flags that choose cases of a data set, shared by the verbs that read one (`train`, `reproduce`).</summary>
internal sealed class DataFlags
{
    public Option<bool> IncludeNormal { get; } = new("--include-normal")
    {
        Description = "Image folders: let normal (lesion-free) cases take part, split as a class of their own (default: benign and malignant only, as the published BUSI tables)",
    };
}
