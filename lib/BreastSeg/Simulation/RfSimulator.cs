using BreastSeg.Rf;

namespace BreastSeg.Simulation;

/// <summary>
/// Depth-dependent scatterer-sum RF simulator. Each scatterer adds a separable point spread function to the
/// beamformed frame: axially a Gaussian-modulated cosine whose centre frequency is downshifted by the attenuation
/// integrated along its scan line, laterally a Gaussian whose width follows the transmit focus and dynamic receive
/// focusing. Then band-limited electronic noise is added, TGC applied and the result quantised to int16 counts.
/// </summary>
public static class RfSimulator
{
    private const double Support = 3; // PSF support in sigmas, axially and laterally

    /// <summary>Simulates the RF frame of <paramref name="phantom"/>.</summary>
    /// <param name="phantom">Tissue labels and reflectors on the RF grid.</param>
    /// <param name="scanner">Probe and system; its <see cref="ScannerSettings.Lines"/> must match the phantom.</param>
    /// <param name="focusDepthMm">Transmit focus depth (mm).</param>
    /// <param name="seed">Seed of the scatterer positions, amplitudes and noise.</param>
    public static RfFrame Simulate(SlicePhantom phantom, ScannerSettings scanner, double focusDepthMm, int seed)
    {
        if (phantom.Lines != scanner.Lines) throw new ArgumentException($"phantom has {phantom.Lines} lines, scanner {scanner.Lines}", nameof(phantom));
        int n = phantom.Samples, lines = phantom.Lines;
        var acq = scanner.Acquisition;
        double dz = acq.AxialSpacingMm, pitch = acq.LinePitchMm(lines);
        var rng = new Random(seed);
        var normal = new NormalSource(rng);

        var depths = new double[n];
        for (int i = 0; i < n; i++) depths[i] = i * dz;
        var (sigmaMm, beamAmp) = BeamModel.Profile(scanner, depths, focusDepthMm);
        var sigmaLines = sigmaMm.Select(s => s / pitch).ToArray();
        double sigmaAxial = scanner.PulseSigmaSeconds * acq.SamplingFrequencyHz; // samples
        var cumulative = IntegratedAttenuation(phantom, dz);
        var extraLoss = IntegratedLoss(phantom);
        var atten = new AttenuationModel(scanner);
        double fs = acq.SamplingFrequencyHz * 1e-6;

        // Unit scatterer amplitude: a 0 dB tissue at the reference density has RF RMS 1 at the focus, unattenuated.
        // Mean RF power of Poisson scatterers = density * E[a^2] * (1/2) integral of the squared PSF envelope.
        double focalSigma = BeamModel.FocalSigmaMm(scanner);
        double refDensityMm2 = TissueAcoustics.ReferenceScatterersPerCell / scanner.ResolutionCellMm2;
        double unit = 1 / Math.Sqrt(refDensityMm2 * 0.5 * Math.PI * scanner.PulseSigmaMm * focalSigma);
        double pixelMm2 = dz * pitch;
        var tissues = phantom.Tissues;
        var expMinusMean = new double[tissues.Count];
        var scale = new double[tissues.Count];
        for (int t = 0; t < tissues.Count; t++)
        {
            double perCell = tissues[t].ScatterersPerCell;
            double densityMm2 = perCell / scanner.ResolutionCellMm2;
            expMinusMean[t] = Math.Exp(-densityMm2 * pixelMm2);
            scale[t] = perCell > 0 ? unit * Math.Sqrt(Math.Pow(10, tissues[t].EchogenicityDb / 10) * TissueAcoustics.ReferenceScatterersPerCell / perCell) : 0;
        }

        var rf = new double[(long)n * lines];
        var psf = new PsfTables(sigmaAxial, fs, atten.CenterFrequencyMHz(double.MaxValue), scanner.F0MHz, sigmaLines.Min(), sigmaLines.Max(), Support);
        var labels = phantom.Labels;
        var offsets = phantom.EchogenicityOffsetDb;
        for (int j = 0; j < lines; j++)
        {
            int col = j * n;
            for (int i = 0; i < n; i++)
            {
                int t = labels[col + i];
                if (scale[t] == 0) continue;
                int count = rng.PoissonFromExp(expMinusMean[t]);
                if (count == 0) continue;
                double path = cumulative[col + i], fc = atten.CenterFrequencyMHz(path);
                double pixelScale = scale[t] * beamAmp[i] * Math.Exp(atten.LogAmplitude(path) - (extraLoss?[col + i] ?? 0));
                if (offsets is not null && offsets[col + i] != 0) pixelScale *= Math.Pow(10, offsets[col + i] / 20);
                bool gaussian = tissues[t].Amplitude == ScattererAmplitude.Gaussian;
                for (int k = 0; k < count; k++)
                {
                    double line = j + rng.NextDouble() - 0.5, sample = Math.Max(0, i + rng.NextDouble() - 0.5);
                    double a = gaussian ? normal.Next() : rng.Next(2) * 2 - 1; // constant magnitude, random polarity
                    psf.Splat(rf, n, lines, line, sample, a * pixelScale, fc, sigmaLines[i]);
                }
            }
        }
        foreach (var r in phantom.Reflectors)
        {
            double sample = r.DepthMm / dz, line = r.LateralMm / pitch + (lines - 1) / 2.0;
            int i = (int)Math.Round(sample), j = (int)Math.Round(line);
            if (i < 0 || i >= n || j < -1 || j > lines) continue;
            int jc = Math.Clamp(j, 0, lines - 1);
            double path = cumulative[jc * n + i];
            double a = r.Amplitude * beamAmp[i] * Math.Exp(atten.LogAmplitude(path) - (extraLoss?[jc * n + i] ?? 0));
            psf.Splat(rf, n, lines, line, Math.Max(0, sample), a, atten.CenterFrequencyMHz(path), sigmaLines[i]);
        }

        if (scanner.NoiseDb is double noiseDb)
            AddNoise(rf, n, lines, Math.Pow(10, noiseDb / 20), scanner.F0MHz / fs, sigmaAxial, normal,
                scanner.CorrelatedNoiseFraction, scanner.NoiseLineCorrelationLines);
        ApplyGainAndQuantize(rf, n, lines, scanner, depths, LineGains(lines, scanner, normal));
        return new RfFrame(n, lines, rf, acq);
    }

    /// <summary>One-way attenuation integrated from the probe to each pixel's centre along its scan line (Np/MHz).</summary>
    internal static double[] IntegratedAttenuation(SlicePhantom phantom, double dzMm)
    {
        int n = phantom.Samples;
        var alpha = phantom.Tissues.Select(t => t.AttenuationNpPerMmMHz * dzMm).ToArray();
        var a = new double[phantom.Labels.Length];
        for (int j = 0; j < phantom.Lines; j++)
        {
            double acc = 0;
            for (int i = 0; i < n; i++)
            {
                double step = alpha[phantom.Labels[j * n + i]];
                a[j * n + i] = acc + step / 2;
                acc += step;
            }
        }
        return a;
    }

    /// <summary>Frequency-independent one-way loss (refraction, reflection at interfaces) integrated from the probe to
    /// each pixel along its scan line, as a two-way natural-log amplitude decrement; null where the phantom has none.</summary>
    internal static double[]? IntegratedLoss(SlicePhantom phantom)
    {
        if (phantom.LossDb is not { } loss) return null;
        int n = phantom.Samples;
        const double twoWayNp = 2 * 0.11512925464970229; // ln(10) / 20 per dB, twice
        var a = new double[loss.Length];
        for (int j = 0; j < phantom.Lines; j++)
        {
            double acc = 0;
            for (int i = 0; i < n; i++)
            {
                double step = loss[j * n + i] * twoWayNp;
                a[j * n + i] = acc + step / 2;
                acc += step;
            }
        }
        return a;
    }

    // Gaussian noise filtered by the unit-energy transmit pulse, so its RMS is `rms` and its spectrum is the probe's.
    // A fraction of its power is shared between lines: an AR(1) process across lines, rho = exp(-1 / correlation).
    private static void AddNoise(double[] rf, int n, int lines, double rms, double cyclesPerSample, double sA, NormalSource normal,
        double sharedFraction, double correlationLines)
    {
        int half = (int)Math.Ceiling(Support * sA);
        var pulse = new double[2 * half + 1];
        for (int k = -half; k <= half; k++)
            pulse[k + half] = Math.Exp(-k * k / (2 * sA * sA)) * Math.Cos(2 * Math.PI * cyclesPerSample * k);
        double norm = rms / Math.Sqrt(pulse.Sum(p => p * p));
        var white = new double[n + 2 * half];
        var shared = sharedFraction > 0 ? new double[white.Length] : null;
        double rho = shared is null ? 0 : Math.Exp(-1 / Math.Max(correlationLines, 1e-9)), innovation = Math.Sqrt(1 - rho * rho);
        double own = Math.Sqrt(1 - sharedFraction), common = Math.Sqrt(sharedFraction);
        if (shared is not null) for (int i = 0; i < shared.Length; i++) shared[i] = normal.Next();
        for (int j = 0; j < lines; j++)
        {
            for (int i = 0; i < white.Length; i++) white[i] = normal.Next();
            if (shared is not null)
                for (int i = 0; i < white.Length; i++)
                {
                    if (j > 0) shared[i] = rho * shared[i] + innovation * normal.Next();
                    white[i] = own * white[i] + common * shared[i];
                }
            var column = rf.AsSpan(j * n, n);
            for (int k = 0; k < pulse.Length; k++)
                VectorOps.MultiplyAdd(white.AsSpan(k, n), pulse[k] * norm, column);
        }
    }

    /// <summary>Per-line amplitude gains of the line gain jitter: 10^(g_j / 20), g an AR(1) process across lines with
    /// standard deviation <see cref="ScannerSettings.LineGainJitterDb"/>; null without jitter.</summary>
    internal static double[]? LineGains(int lines, ScannerSettings s, NormalSource normal)
    {
        if (s.LineGainJitterDb <= 0) return null;
        double rho = Math.Exp(-1 / Math.Max(s.LineGainCorrelationLines, 1e-9)), innovation = Math.Sqrt(1 - rho * rho);
        var gains = new double[lines];
        double g = normal.Next();
        for (int j = 0; j < lines; j++)
        {
            if (j > 0) g = rho * g + innovation * normal.Next();
            gains[j] = Math.Pow(10, s.LineGainJitterDb * g / 20);
        }
        return gains;
    }

    private static void ApplyGainAndQuantize(double[] rf, int n, int lines, ScannerSettings s, double[] depthsMm, double[]? lineGains)
    {
        var gain = new double[n];
        for (int i = 0; i < n; i++)
        {
            double tgcDb = s.TgcDbPerCmMHz is double slope ? 2 * slope * s.F0MHz * depthsMm[i] / 10 : 0;
            gain[i] = s.CountsPerReferenceRms * Math.Pow(10, tgcDb / 20);
        }
        for (int j = 0; j < lines; j++)
        {
            var column = rf.AsSpan(j * n, n);
            for (int i = 0; i < n; i++)
            {
                double v = column[i] * gain[i] * (lineGains?[j] ?? 1);
                column[i] = s.QuantizeInt16 ? Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue) : v;
            }
        }
    }
}
