using System.Numerics;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf;
using MathNet.Numerics.IntegralTransforms;

namespace BreastSeg.Calibration;

/// <summary>
/// Speckle statistics of an RF frame in regions of homogeneous speckle, measured the same way on real and simulated
/// frames so that the simulator can be calibrated against the scanner: envelope SNR, Nakagami m, entropy map mean and
/// spread, the envelope autocovariance width (axial and lateral resolution of the speckle) and the RF spectrum's peak
/// and centroid. Regions: see <see cref="SpeckleStatisticsOptions"/> (depth bands cut into blocks; blocks with
/// specular reflectors or off-level mean intensity rejected).
/// <para>Definitions, per block: the envelope is the kit's (<see cref="Envelope"/>, scipy.signal.hilbert along depth);
/// SNR = mean(R) / std(R) (population std); m = E[I]^2 / Var(I), I = R^2; the autocovariance of R - mean(R) is
/// averaged over the block's lines (axial) or samples (lateral) at lags up to half the block, normalised by lag 0, and
/// its FWHM is twice the lag where it crosses 0.5, found by interpolating ln(rho) linearly in lag^2 between the two
/// lags around the crossing (exact for a Gaussian-shaped autocovariance); the spectrum is the mean over the block's
/// lines of |FFT|^2 of the RF segment (mean removed, Hann window, zero-padded to at least 4x its length), its peak
/// the vertex of a Gaussian fitted to the bins within 6 dB of the maximum, its centroid sum(f P) / sum(P) over bins in
/// (0, fs/2).</para>
/// </summary>
public static partial class SpeckleStatistics
{
    /// <summary>Measures <paramref name="frame"/> (its acquisition gives the mm grid).</summary>
    public static SpeckleStatisticsResult Measure(RfFrame frame, SpeckleStatisticsOptions? options = null)
    {
        options ??= new SpeckleStatisticsOptions();
        options.Validate();
        var maps = options.Maps;
        var acq = frame.Acquisition;
        int n = frame.Samples, lines = frame.Lines;
        double dz = acq.AxialSpacingMm, pitch = frame.LinePitchMm;

        int bandSamples = (int)Math.Round(options.BandHeightMm / dz);
        int blockLines = (int)Math.Round(options.BlockWidthMm / pitch);
        int first = (int)Math.Round(options.MinDepthMm / dz);
        int last = Math.Min(n, (int)Math.Round(options.MaxDepthMm / dz));
        int bands = bandSamples < 4 ? 0 : (last - first) / bandSamples;
        int blocksPerBand = blockLines < 4 ? 0 : lines / blockLines;
        if (bands < 1 || blocksPerBand < 1)
            throw new BreastSegInputException("speckle regions",
                $"a frame of {n} samples x {lines} lines ({n * dz:0.#} x {lines * pitch:0.#} mm) holds no {options.BandHeightMm} x {options.BlockWidthMm} mm block between {options.MinDepthMm} and {options.MaxDepthMm} mm");

        var envelope = Envelope.Compute(frame, maps.BandPass, maps.MaxDegreeOfParallelism);
        var entropyInput = maps.LogCompressed ? BMode.Compute(envelope, maps.DynamicRangeDb, maps.MaxDegreeOfParallelism) : envelope;
        var entropyMaps = options.EntropyWindows.Select(w =>
        {
            var size = w.Resolve(acq, lines, maps.PulseLevelDb);
            size.Validate("entropy window", n, lines);
            return (Name: w.ToString(), Size: size, Map: (maps with { Stride = 1 }).Entropy(entropyInput, n, lines, size));
        }).ToList();
        var nakagamiWindow = maps.NakagamiWindowSize(acq, lines);
        nakagamiWindow.Validate("nakagami window", n, lines);
        var nakagami = NakagamiMap.Compute(envelope, n, lines, nakagamiWindow, 1, maps.MaxDegreeOfParallelism);

        int lineOffset = (lines - blocksPerBand * blockLines) / 2;
        var blocks = new List<SpeckleBlock>();
        var bandList = new List<SpeckleBand>();
        double factor = options.SpecularFactor;
        for (int b = 0; b < bands; b++)
        {
            int i0 = first + b * bandSamples;
            var candidates = new List<(int J0, double MeanIntensity, bool Specular)>();
            for (int k = 0; k < blocksPerBand; k++)
            {
                int j0 = lineOffset + k * blockLines;
                var intensity = Block(envelope, n, i0, bandSamples, j0, blockLines).Select(r => r * r).ToArray();
                double mean = intensity.Average();
                double median = Median(intensity);
                candidates.Add((j0, mean, intensity.Max() > factor * median));
            }
            double bandMedian = Median(candidates.Select(c => c.MeanIntensity).ToArray());
            var kept = new List<SpeckleMeasures>();
            foreach (var (j0, meanIntensity, specular) in candidates)
            {
                double levelDb = 10 * Math.Log10(meanIntensity / bandMedian);
                string? rejection = specular ? "specular" : Math.Abs(levelDb) > options.MaxLevelDeviationDb ? "level" : null;
                var measures = MeasureBlock(frame, envelope, entropyMaps, nakagami, i0, bandSamples, j0, blockLines);
                var block = new SpeckleBlock(b, i0, bandSamples, j0, blockLines,
                    (i0 + bandSamples / 2.0) * dz, (j0 + blockLines / 2.0 - lines / 2.0) * pitch, levelDb, rejection, measures);
                blocks.Add(block);
                if (block.Kept) kept.Add(measures);
            }
            bandList.Add(new SpeckleBand(i0 * dz, (i0 + bandSamples) * dz, kept.Count, candidates.Count, MedianOf(kept)));
        }
        return new SpeckleStatisticsResult(bandList, blocks, options);
    }

    private static SpeckleMeasures MeasureBlock(RfFrame frame, double[] envelope,
        List<(string Name, WindowSize Size, double[] Map)> entropyMaps, double[] nakagami, int i0, int rows, int j0, int cols)
    {
        int n = frame.Samples;
        var r = Block(envelope, n, i0, rows, j0, cols);
        double mean = r.Average();
        double sd = Math.Sqrt(r.Average(x => (x - mean) * (x - mean)));
        double meanI = r.Average(x => x * x);
        double varI = r.Average(x => (x * x - meanI) * (x * x - meanI));
        var entropy = entropyMaps.Select(e =>
        {
            var h = Block(e.Map, n, i0, rows, j0, cols);
            double hm = h.Average();
            return new EntropyStatistics(e.Name, e.Size, hm, Math.Sqrt(h.Average(x => (x - hm) * (x - hm))));
        }).ToList();
        double nakagamiMean = Block(nakagami, n, i0, rows, j0, cols).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        var (axial, lateral) = AutocovarianceFwhm(r, rows, cols, mean);
        var (peak, centroid) = Spectrum(frame.Data, n, i0, rows, j0, cols, frame.Acquisition.SamplingFrequencyHz);
        return new SpeckleMeasures(mean / sd, meanI * meanI / varI, nakagamiMean, entropy,
            axial * frame.AxialSpacingMm * 1e3, lateral * frame.LinePitchMm, peak * 1e-6, centroid * 1e-6);
    }

    /// <summary>Values of a column-major map in samples [i0, i0 + rows) and lines [j0, j0 + cols), column-major.</summary>
    private static double[] Block(double[] map, int samples, int i0, int rows, int j0, int cols)
    {
        var block = new double[rows * cols];
        for (int j = 0; j < cols; j++) Array.Copy(map, (j0 + j) * samples + i0, block, j * rows, rows);
        return block;
    }

    /// <summary>FWHM (in samples and in lines) of the normalised autocovariance of a column-major block.</summary>
    internal static (double Axial, double Lateral) AutocovarianceFwhm(double[] block, int rows, int cols, double mean)
    {
        var d = block.Select(x => x - mean).ToArray();
        double Covariance(int lagRows, int lagCols)
        {
            double sum = 0;
            long count = 0;
            for (int j = 0; j + lagCols < cols; j++)
            for (int i = 0; i + lagRows < rows; i++)
            {
                sum += d[j * rows + i] * d[(j + lagCols) * rows + i + lagRows];
                count++;
            }
            return sum / count;
        }
        double c0 = Covariance(0, 0);
        double Width(int maxLag, Func<int, double> at)
        {
            double previous = 1;
            for (int k = 1; k <= maxLag; k++)
            {
                double rho = at(k) / c0;
                if (rho < 0.5)
                {
                    // ln(rho) linear in lag^2 between k-1 and k; a non-positive rho falls back to linear interpolation.
                    double crossing = rho > 0
                        ? Math.Sqrt((k - 1) * (k - 1) + (Math.Log(previous) - Math.Log(0.5)) / (Math.Log(previous) - Math.Log(rho)) * (2 * k - 1))
                        : k - 1 + (previous - 0.5) / (previous - rho);
                    return 2 * crossing;
                }
                previous = rho;
            }
            return double.NaN; // wider than the block allows
        }
        int maxRows = (int)(rows * SpeckleStatisticsOptions.MaxLagFraction), maxCols = (int)(cols * SpeckleStatisticsOptions.MaxLagFraction);
        return (Width(maxRows, k => Covariance(k, 0)), Width(maxCols, k => Covariance(0, k)));
    }

    /// <summary>Peak and centroid frequency (Hz) of the mean power spectrum of the RF segments of a block.</summary>
    internal static (double Peak, double Centroid) Spectrum(double[] rf, int samples, int i0, int rows, int j0, int cols, double fs)
    {
        int nfft = 1;
        while (nfft < 4 * rows) nfft <<= 1;
        var power = new double[nfft / 2 + 1];
        var buffer = new Complex[nfft];
        var hann = new double[rows];
        for (int i = 0; i < rows; i++) hann[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / rows);
        for (int j = j0; j < j0 + cols; j++)
        {
            var line = rf.AsSpan(j * samples + i0, rows);
            double mean = 0;
            foreach (double v in line) mean += v;
            mean /= rows;
            Array.Clear(buffer);
            for (int i = 0; i < rows; i++) buffer[i] = new Complex((line[i] - mean) * hann[i], 0);
            Fourier.Forward(buffer, FourierOptions.NoScaling);
            for (int k = 0; k < power.Length; k++) power[k] += buffer[k].Real * buffer[k].Real + buffer[k].Imaginary * buffer[k].Imaginary;
        }
        int top = 1;
        double weighted = 0, total = 0;
        for (int k = 1; k < power.Length - 1; k++)
        {
            if (power[k] > power[top]) top = k;
            weighted += k * power[k];
            total += power[k];
        }
        double vertex = GaussianPeak(power, top);
        double binHz = fs / nfft;
        return (vertex * binHz, total > 0 ? weighted / total * binHz : double.NaN);
    }

    /// <summary>
    /// Vertex (in bins) of a least-squares parabola through ln P over the contiguous bins within 6 dB of the maximum
    /// <paramref name="top"/>: the peak of a Gaussian fitted to the spectrum's top, exact for a Gaussian spectrum and far
    /// less noisy than the maximum bin of a periodogram averaged over a few dozen lines.
    /// </summary>
    private static double GaussianPeak(double[] power, int top)
    {
        int a = top, b = top;
        while (a > 1 && power[a - 1] > power[top] / 4) a--;
        while (b < power.Length - 2 && power[b + 1] > power[top] / 4) b++;
        if (b - a < 2) return top;
        // Normal equations of y = c0 + c1 x + c2 x^2 with x centred on the top bin.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int k = a; k <= b; k++)
        {
            double x = k - top, y = Math.Log(power[k]);
            s0 += 1; s1 += x; s2 += x * x; s3 += x * x * x; s4 += x * x * x * x;
            t0 += y; t1 += x * y; t2 += x * x * y;
        }
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,] { { s0, s1, s2 }, { s1, s2, s3 }, { s2, s3, s4 } });
        var c = m.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([t0, t1, t2]));
        if (!(c[2] < 0)) return top;
        double vertex = top - c[1] / (2 * c[2]);
        return vertex >= a && vertex <= b ? vertex : top;
    }

    /// <summary>Median of each statistic over <paramref name="measures"/>, or null where the list is empty.</summary>
    internal static SpeckleMeasures? MedianOf(IReadOnlyList<SpeckleMeasures> measures)
    {
        if (measures.Count == 0) return null;
        double M(Func<SpeckleMeasures, double> f) => Median(measures.Select(f).Where(double.IsFinite).ToArray());
        var entropy = measures[0].Entropy.Select((e, w) => new EntropyStatistics(e.Window, e.Pixels,
            M(x => x.Entropy[w].Mean), M(x => x.Entropy[w].Std))).ToList();
        return new SpeckleMeasures(M(x => x.EnvelopeSnr), M(x => x.NakagamiM), M(x => x.NakagamiMapMean), entropy,
            M(x => x.AxialFwhmUm), M(x => x.LateralFwhmMm), M(x => x.SpectralPeakMHz), M(x => x.SpectralCentroidMHz));
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    }
}
