using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Simulation;

namespace BreastSeg.Tests.Simulation;

/// <summary>Small validation setups: a cropped frame with the study's line pitch and controlled system effects.</summary>
internal static class SimulationTestKit
{
    /// <summary>A scanner with <paramref name="lines"/> lines at the study's pitch; by default no TGC, noise,
    /// quantisation, focusing variation or receive-aperture limit, so one effect can be studied at a time. The pulse is
    /// the reference 10 MHz, 70 % one (receive F# 2, 5 MHz band edge) whatever the cohort calibration chooses: these
    /// tests check the simulator's physics against closed forms, which hold for any pulse; the calibrated default pulse
    /// has its own test (ResolutionTests.DefaultPulseHasTheCalibratedSpeckleSize).</summary>
    public static ScannerSettings Bench(int lines, bool focusing = false) => ScannerSettings.Default with
    {
        PulseCenterFrequencyHz = 10e6,
        PulseFractionalBandwidth = 0.7,
        ReceiveFNumber = 2,
        MinimumCenterFrequencyHz = 5e6,
        Lines = lines,
        Acquisition = Acquisition.Oasbud with { ApertureMm = 38.0 * lines / 510 },
        TransmitFocusing = focusing,
        MaxReceiveApertureMm = 1e9,
        TgcDbPerCmMHz = null,
        NoiseDb = null,
        QuantizeInt16 = false,
    };

    /// <summary>Labels of a centred disc (label 1) of <paramref name="radiusMm"/> at <paramref name="depthMm"/> in a
    /// background (label 0), on the grid of <paramref name="scanner"/>.</summary>
    public static byte[] Disc(int n, ScannerSettings scanner, double radiusMm, double depthMm)
    {
        int lines = scanner.Lines;
        double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(lines);
        var labels = new byte[n * lines];
        for (int j = 0; j < lines; j++)
        for (int i = 0; i < n; i++)
        {
            double x = (j - (lines - 1) / 2.0) * pitch, z = i * dz - depthMm;
            if (x * x + z * z <= radiusMm * radiusMm) labels[j * n + i] = 1;
        }
        return labels;
    }

    public static int SamplesFor(double depthMm) => (int)Math.Round(depthMm / Acquisition.Oasbud.AxialSpacingMm);

    public static double[] EnvelopeOf(RfFrame frame) => Envelope.Compute(frame, null, 1);

    /// <summary>Values of a column-major map inside a box of samples [i0, i1) and lines [j0, j1).</summary>
    public static List<double> Region(double[] map, int samples, int i0, int i1, int j0, int j1)
    {
        var list = new List<double>((i1 - i0) * (j1 - j0));
        for (int j = j0; j < j1; j++)
        for (int i = i0; i < i1; i++) list.Add(map[j * samples + i]);
        return list;
    }

    /// <summary>Nakagami m by the moment estimator: E[R^2]^2 / Var(R^2).</summary>
    public static double NakagamiM(IReadOnlyList<double> r)
    {
        double m2 = r.Average(x => x * x);
        double v = r.Average(x => (x * x - m2) * (x * x - m2));
        return m2 * m2 / v;
    }

    /// <summary>Full width at half maximum of a sampled profile around its peak, by linear interpolation (in samples).</summary>
    public static double Fwhm(IReadOnlyList<double> p)
    {
        int k = 0;
        for (int i = 1; i < p.Count; i++) if (p[i] > p[k]) k = i;
        double half = p[k] / 2;
        int a = k, b = k;
        while (a > 0 && p[a - 1] > half) a--;
        while (b < p.Count - 1 && p[b + 1] > half) b++;
        double left = a - 1 + (half - p[a - 1]) / (p[a] - p[a - 1]);
        double right = b + (p[b] - half) / (p[b] - p[b + 1]);
        return right - left;
    }
}
