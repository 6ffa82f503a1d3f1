namespace BreastSeg.Samples;

/// <summary>Selections from lists of samples (by case, by channel).</summary>
public static class SampleLists
{
    /// <summary>The samples whose case is in <paramref name="caseIndices"/>, in their order.</summary>
    public static List<SegmentationSample> OfCases(this IEnumerable<SegmentationSample> samples, IEnumerable<int> caseIndices)
    {
        var set = caseIndices.ToHashSet();
        return samples.Where(s => set.Contains(s.CaseIndex)).ToList();
    }

    /// <summary>The samples with only the channels <paramref name="channels"/> (indices into their stack), in that order.</summary>
    public static List<SegmentationSample> WithChannels(this IEnumerable<SegmentationSample> samples, IReadOnlyList<int> channels) =>
        samples.Select(s => s.WithChannels(channels)).ToList();
}
