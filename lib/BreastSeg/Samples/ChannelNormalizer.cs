namespace BreastSeg.Samples;

/// <summary>
/// Per-channel standardisation (x - mean) / std with statistics computed over the training samples only, so nothing
/// about validation or test images leaks into training. Stored in the run so evaluation and prediction reuse it.
/// </summary>
/// <param name="Mean">Mean of each channel over every training pixel (map units).</param>
/// <param name="Std">Standard deviation of each channel (map units); 1 where a channel is constant.</param>
public sealed record ChannelNormalizer(double[] Mean, double[] Std)
{
    /// <summary>Statistics of <paramref name="training"/> (all pixels of all samples, per channel, two-pass).</summary>
    public static ChannelNormalizer Fit(IReadOnlyList<SegmentationSample> training)
    {
        if (training.Count == 0) throw new ArgumentException("no training samples to fit the normalisation on");
        int channels = training[0].Channels;
        var mean = new double[channels];
        var std = new double[channels];
        for (int ch = 0; ch < channels; ch++)
        {
            double sum = 0; long n = 0;
            foreach (var s in training) { var span = Channel(s, ch); foreach (float v in span) sum += v; n += span.Length; }
            double m = sum / n, ss = 0;
            foreach (var s in training) foreach (float v in Channel(s, ch)) ss += (v - m) * (v - m);
            mean[ch] = m;
            double sd = Math.Sqrt(ss / n);
            std[ch] = sd > 1e-12 ? sd : 1;
        }
        return new ChannelNormalizer(mean, std);
    }

    /// <summary>A normalised copy of a sample's input (channels x size x size).</summary>
    public float[] Apply(SegmentationSample sample)
    {
        if (sample.Channels != Mean.Length) throw new ArgumentException($"sample has {sample.Channels} channels, normalisation {Mean.Length}");
        int plane = sample.Size * sample.Size;
        var output = new float[sample.Input.Length];
        for (int ch = 0; ch < Mean.Length; ch++)
            for (int k = 0; k < plane; k++)
                output[ch * plane + k] = (float)((sample.Input[ch * plane + k] - Mean[ch]) / Std[ch]);
        return output;
    }

    private static ReadOnlySpan<float> Channel(SegmentationSample s, int ch)
    {
        int plane = s.Size * s.Size;
        return s.Input.AsSpan(ch * plane, plane);
    }
}
