namespace BreastSeg.Maps;

/// <summary>
/// Size of a speckle cell: the full width at half maximum of the envelope's normalised autocovariance along depth
/// (samples) and across scan lines (lines), averaged over the frame. A window of A pixels holds about
/// A / (AxialSamples x Lines) independent speckle cells, the sample size that governs the entropy estimator's bias.
/// </summary>
/// <param name="AxialSamples">Axial FWHM (samples).</param>
/// <param name="Lines">Lateral FWHM (scan lines).</param>
public readonly record struct SpeckleCell(double AxialSamples, double Lines)
{
    /// <summary>Largest lag examined (pixels); a wider cell is reported as this.</summary>
    public const int MaxLag = 64;

    /// <summary>Axial segment over which the local mean is taken (samples).</summary>
    public const int Segment = 256;

    /// <summary>
    /// Measures the speckle cell of a column-major envelope (samples x lines). Brightness trends (depth gain, tissue
    /// layers) would widen the autocovariance, so axial lags use deviations from each line's mean over
    /// <see cref="Segment"/>-sample segments and lateral lags deviations from each segment's mean across lines.
    /// </summary>
    public static SpeckleCell Measure(double[] envelope, int samples, int lines)
    {
        int segments = (samples + Segment - 1) / Segment;
        var lineMean = new double[segments * lines];
        var rowMean = new double[segments];
        for (int j = 0; j < lines; j++)
            for (int g = 0; g < segments; g++)
            {
                int i0 = g * Segment, i1 = Math.Min(samples, i0 + Segment);
                double s = 0;
                for (int i = i0; i < i1; i++) s += envelope[j * samples + i];
                lineMean[j * segments + g] = s / (i1 - i0);
                rowMean[g] += s / (i1 - i0) / lines;
            }
        double Axial(int lag)
        {
            double s = 0;
            for (int j = 0; j < lines; j += 4)
                for (int g = 0; g < segments; g++)
                {
                    double m = lineMean[j * segments + g];
                    int i0 = g * Segment, i1 = Math.Min(samples, i0 + Segment);
                    for (int i = i0, k = j * samples + i0; i + lag < i1; i++, k++) s += (envelope[k] - m) * (envelope[k + lag] - m);
                }
            return s;
        }
        double Lateral(int lag)
        {
            double s = 0;
            for (int j = 0; j + lag < lines; j++)
                for (int i = 0, k = j * samples; i < samples; i += 8, k += 8)
                {
                    double m = rowMean[i / Segment];
                    s += (envelope[k] - m) * (envelope[k + lag * samples] - m);
                }
            return s;
        }
        double axialPairs(int lag) => Enumerable.Range(0, segments).Sum(g => Math.Max(0, Math.Min(samples, (g + 1) * Segment) - g * Segment - lag));
        return new SpeckleCell(Fwhm(lag => Axial(lag) / axialPairs(lag)), Fwhm(lag => Lateral(lag) / (lines - lag)));
    }

    // 2 x the (linearly interpolated) lag where the autocovariance (mean per pair) falls to half its lag-0 value.
    private static double Fwhm(Func<int, double> covariance)
    {
        double c0 = covariance(0);
        if (!(c0 > 0)) return 1;
        double previous = 1;
        for (int lag = 1; lag < MaxLag; lag++)
        {
            double r = covariance(lag) / c0;
            if (r <= 0.5) return 2 * (lag - 1 + (previous - 0.5) / (previous - r));
            previous = r;
        }
        return 2 * MaxLag;
    }
}
