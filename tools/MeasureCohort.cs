#:project ../lib/BreastSeg/BreastSeg.csproj
// Measures a simulated cohort the way the calibration's real targets were measured: per-view B-mode lesion/ring CNR on
// the 64 x 64 grid and lesion area fraction (BreastSeg.Calibration.LesionContrast), the default entropy map's
// lesion/3-mm-ring CNR at full resolution, speckle of a homogeneous frame (envelope autocovariance FWHM 8-28 mm,
// spectral peak, envelope SNR; also with cohort v3's largest line artefacts), and simulate CPU time per frame.
// Usage: dotnet run tools/MeasureCohort.cs -- SEED CASES [CONTRAST] [--no-entropy]
using System.Diagnostics;
using BreastSeg.Calibration;
using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;

long seed = args.Length > 0 ? long.Parse(args[0]) : 101;
int cases = args.Length > 1 ? int.Parse(args[1]) : 40;
var contrast = args.Length > 2 && !args[2].StartsWith("--") ? Enum.Parse<MassContrast>(args[2], true) : MassContrast.Clinical;
bool entropy = !args.Contains("--no-entropy");
var options = new CohortOptions { Seed = seed, Cases = cases, Contrast = contrast };
var scanner = options.Scanner;
Console.WriteLine($"pulse {scanner.F0MHz} MHz, B {scanner.PulseFractionalBandwidth}, axial FWHM {scanner.AxialFwhmMm * 1e3:F0} um, lateral FWHM at focus {scanner.LateralFwhmAtFocusMm:F3} mm");

Speckle(scanner);
// Cohort v3 draws line artefacts per case (shared noise 0.1-0.5 of the noise power, gain jitter 0.1-0.5 dB): the
// speckle with the largest of them.
Console.WriteLine("with the largest v3 line artefacts (gain jitter 0.5 dB over 4 lines, half the noise shared over 60 lines):");
Speckle(scanner with { LineGainJitterDb = 0.5, LineGainCorrelationLines = 4, CorrelatedNoiseFraction = 0.5, NoiseLineCorrelationLines = 60 });

var descriptions = CaseGenerator.DescribeCohort(options);
var rows = new List<(MassClass Class, double Cnr, double Area, double EntropyCnr)>();
double cpu = 0;
int frames = 0;
var proc = Process.GetCurrentProcess();
foreach (var d in descriptions)
{
    var t0 = proc.TotalProcessorTime;
    var c = CohortSimulator.SimulateCase(d, scanner);
    proc.Refresh();
    cpu += (proc.TotalProcessorTime - t0).TotalSeconds;
    frames += c.Views.Count;
    foreach (var v in c.Views)
    {
        var b = LesionContrast.OfView(v);
        double e = double.NaN;
        if (entropy)
        {
            var maps = ParametricMaps.Compute(v.Frame, new MapOptions(), MapKind.Entropy);
            e = Separability.Measure(maps.Entropy!, v).Cnr;
        }
        if (b is not null) rows.Add((d.Mass.Class, b.Cnr, b.AreaFraction, e));
    }
}
Console.WriteLine($"simulate: {cpu / frames:F3} s CPU per frame ({frames} frames, phantom + RF, one thread)");
foreach (var g in rows.GroupBy(r => r.Class).OrderBy(g => g.Key).Append(rows.GroupBy(_ => (MassClass)99).First()))
{
    var cnr = g.Select(r => r.Cnr).Order().ToArray();
    var area = g.Select(r => r.Area).Order().ToArray();
    var ent = g.Select(r => r.EntropyCnr).Where(double.IsFinite).Order().ToArray();
    string name = (int)g.Key == 99 ? "all" : g.Key.ToString();
    Console.WriteLine($"{name,-10} n={cnr.Length,3}  B-mode CNR64 median {Q(cnr, 0.5):F2} (10-90 %: {Q(cnr, 0.1):F2}-{Q(cnr, 0.9):F2})  area median {100 * Q(area, 0.5):F1} % ({100 * Q(area, 0.1):F1}-{100 * Q(area, 0.9):F1})"
        + (ent.Length > 0 ? $"  entropy CNR full-res median {Q(ent, 0.5):F2} ({Q(ent, 0.1):F2}-{Q(ent, 0.9):F2})" : ""));
}

static double Q(double[] sorted, double p)
{
    if (sorted.Length == 0) return double.NaN;
    double x = p * (sorted.Length - 1);
    int k = (int)Math.Floor(x);
    return k + 1 < sorted.Length ? sorted[k] + (x - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
}

static void Speckle(ScannerSettings scanner)
{
    int n = (int)Math.Round(40 / scanner.Acquisition.AxialSpacingMm), lines = scanner.Lines;
    var fat = new TissueAcoustics("fat", 20, ScattererAmplitude.Gaussian, 0, 0.5);
    var frame = RfSimulator.Simulate(SlicePhantom.Homogeneous(n, lines, fat), scanner, 18, 7);
    var env = Envelope.Compute(frame, null, 1);
    double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(lines);
    int i0 = (int)(8 / dz), i1 = (int)(28 / dz);
    // Envelope SNR and autocovariance FWHM over 4 mm depth blocks.
    for (int blk = i0; blk + (int)(4 / dz) <= i1; blk += (int)(5 / dz))
    {
        int b1 = blk + (int)(4 / dz);
        var vals = new List<double>();
        for (int j = 20; j < lines - 20; j++) for (int i = blk; i < b1; i++) vals.Add(env[j * n + i]);
        double mean = vals.Average(), sd = Math.Sqrt(vals.Select(x => (x - mean) * (x - mean)).Average());
        double Acov(int di, int dj)
        {
            double s = 0; int cnt = 0;
            for (int j = 20; j < lines - 20 - dj; j++) for (int i = blk; i < b1 - di; i++) { s += (env[j * n + i] - mean) * (env[(j + dj) * n + i + di] - mean); cnt++; }
            return s / cnt;
        }
        double a0 = Acov(0, 0);
        double Half(Func<int, double> f)
        {
            for (int k = 1; k < 200; k++) { double v = f(k) / a0; if (v < 0.5) { double p = f(k - 1) / a0; return k - 1 + (p - 0.5) / (p - v); } }
            return double.NaN;
        }
        double ax = 2 * Half(k => Acov(k, 0)) * dz, lat = 2 * Half(k => Acov(0, k)) * pitch;
        // Spectral peak: mean power spectrum of the RF over the block (Hann window), by DFT.
        int len = b1 - blk;
        double fs = scanner.Acquisition.SamplingFrequencyHz * 1e-6, best = 0, bestF = 0;
        for (double f = 1; f <= 15; f += 0.1)
        {
            double p = 0;
            for (int j = 20; j < lines - 20; j += 4)
            {
                double re = 0, im = 0;
                for (int i = 0; i < len; i++)
                {
                    double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (len - 1));
                    double x = frame.Data[j * n + blk + i] * w, ph = 2 * Math.PI * f / fs * i;
                    re += x * Math.Cos(ph); im -= x * Math.Sin(ph);
                }
                p += re * re + im * im;
            }
            if (p > best) { best = p; bestF = f; }
        }
        Console.WriteLine($"speckle {blk * dz:F0}-{b1 * dz:F0} mm: axial FWHM {ax * 1e3:F0} um, lateral {lat:F2} mm, spectral peak {bestF:F1} MHz, SNR {mean / sd:F2}");
    }
}
