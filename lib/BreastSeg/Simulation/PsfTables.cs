using System.Numerics;

namespace BreastSeg.Simulation;

/// <summary>
/// Tabulated point spread function of the scatterer-sum simulator. Axially a Gaussian-modulated cosine indexed by the
/// scatterer's sub-sample position (1/32 sample) and its downshifted centre frequency (0.05 MHz steps); laterally a
/// Gaussian indexed by sub-line position (1/32 line) and beam width (0.02-line steps). Splatting a scatterer is then
/// table look-ups and a few vector multiply-adds instead of exponentials and sines.
/// </summary>
internal sealed class PsfTables
{
    private const int Frac = 32;
    private const double FcStepMHz = 0.05, SigmaStepLines = 0.02;
    private readonly double[] axial, lateral;
    private readonly int axialLength, axialBefore, lateralLength, lateralBefore, fcBins, sigmaBins;
    private readonly double fcMin, fs, sigmaMin;

    public PsfTables(double sigmaSamples, double samplingMHz, double fcMinMHz, double fcMaxMHz, double sigmaLinesMin, double sigmaLinesMax, double support)
    {
        fs = samplingMHz;
        fcMin = fcMinMHz;
        fcBins = (int)Math.Ceiling((fcMaxMHz - fcMinMHz) / FcStepMHz) + 1;
        axialBefore = (int)Math.Ceiling(support * sigmaSamples);
        int width = 2 * axialBefore + 2;
        int vec = Vector<double>.Count;
        axialLength = (width + vec - 1) / vec * vec;
        axial = new double[fcBins * Frac * axialLength];
        for (int b = 0; b < fcBins; b++)
        {
            double w = 2 * Math.PI * (fcMin + b * FcStepMHz) / fs;
            // A probe passes no DC: subtract the Gaussian's DC term (as in an admissible Morlet wavelet). It matters
            // only for strongly downshifted pulses (0.24 of the peak at 5 MHz, 0.004 at 10 MHz).
            double dc = Math.Exp(-w * w * sigmaSamples * sigmaSamples / 2);
            for (int f = 0; f < Frac; f++)
            {
                var row = axial.AsSpan((b * Frac + f) * axialLength, axialLength);
                for (int k = 0; k < width; k++)
                {
                    double d = k - axialBefore - f / (double)Frac; // sample offset from the scatterer
                    if (Math.Abs(d) <= support * sigmaSamples) row[k] = Math.Exp(-d * d / (2 * sigmaSamples * sigmaSamples)) * (Math.Cos(w * d) - dc);
                }
            }
        }
        sigmaMin = sigmaLinesMin;
        sigmaBins = (int)Math.Ceiling((sigmaLinesMax - sigmaLinesMin) / SigmaStepLines) + 1;
        lateralBefore = (int)Math.Ceiling(support * sigmaLinesMax);
        lateralLength = 2 * lateralBefore + 2;
        lateral = new double[sigmaBins * Frac * lateralLength];
        for (int b = 0; b < sigmaBins; b++)
        {
            double s = sigmaMin + b * SigmaStepLines;
            for (int f = 0; f < Frac; f++)
            {
                var row = lateral.AsSpan((b * Frac + f) * lateralLength, lateralLength);
                for (int k = 0; k < lateralLength; k++)
                {
                    double d = k - lateralBefore - f / (double)Frac;
                    if (Math.Abs(d) <= support * s) row[k] = Math.Exp(-d * d / (2 * s * s));
                }
            }
        }
    }

    /// <summary>Adds a * PSF centred at (sample, line) (fractional indices) to the column-major frame.</summary>
    public void Splat(double[] rf, int n, int lines, double line, double sample, double a, double fcMHz, double sigmaLines)
    {
        long qs = (long)Math.Round(sample * Frac), ql = (long)Math.Round(line * Frac);
        int si = (int)Math.Floor(qs / (double)Frac), li = (int)Math.Floor(ql / (double)Frac);
        int sf = (int)(qs - (long)si * Frac), lf = (int)(ql - (long)li * Frac);
        int fb = Math.Clamp((int)Math.Round((fcMHz - fcMin) / FcStepMHz), 0, fcBins - 1);
        int sb = Math.Clamp((int)Math.Round((sigmaLines - sigmaMin) / SigmaStepLines), 0, sigmaBins - 1);
        var ker = axial.AsSpan((fb * Frac + sf) * axialLength, axialLength);
        var lat = lateral.AsSpan((sb * Frac + lf) * lateralLength, lateralLength);
        int i0 = si - axialBefore, j0 = li - lateralBefore;
        int kLo = Math.Max(0, -j0), kHi = Math.Min(lateralLength, lines - j0);
        bool inside = i0 >= 0 && i0 + axialLength <= n;
        for (int k = kLo; k < kHi; k++)
        {
            double w = a * lat[k];
            if (w == 0) continue;
            int start = (j0 + k) * n + i0;
            if (inside)
            {
                VectorOps.MultiplyAdd(ker, w, rf.AsSpan(start, axialLength));
            }
            else
            {
                int mLo = Math.Max(0, -i0), mHi = Math.Min(axialLength, n - i0);
                for (int m = mLo; m < mHi; m++) rf[start + m] += w * ker[m];
            }
        }
    }
}
