namespace BreastSeg.Simulation;

/// <summary>
/// Lateral beam of a linear array: a transmit Gaussian beam focused at one depth, combined with dynamic receive
/// focusing at constant F-number (until the receive aperture runs out). The pulse-echo lateral profile is the product
/// of both Gaussians: 1/sigma^2 = 1/sigma_tx^2 + 1/sigma_rx^2.
/// </summary>
public static class BeamModel
{
    // One-way Gaussian amplitude sigma = K lambda F#. K makes the pulse-echo FWHM lambda F# when transmit and receive
    // share an F-number (the simulation reference: "FWHM at focus about lambda F#").
    private static readonly double K = Math.Sqrt(2) / (2 * Math.Sqrt(2 * Math.Log(2)));

    /// <summary>Pulse-echo lateral sigma at the transmit focus with the nominal receive F-number (mm).</summary>
    public static double FocalSigmaMm(ScannerSettings s)
    {
        double tx = K * s.WavelengthMm * s.TransmitFNumber, rx = K * s.WavelengthMm * s.ReceiveFNumber;
        return 1 / Math.Sqrt(1 / (tx * tx) + 1 / (rx * rx));
    }

    /// <summary>Rayleigh range of the transmit Gaussian beam (mm): pi w0^2 / lambda with w0 = sqrt(2) sigma_0.</summary>
    public static double RayleighRangeMm(ScannerSettings s)
    {
        double sigma0 = K * s.WavelengthMm * s.TransmitFNumber;
        return 2 * Math.PI * sigma0 * sigma0 / s.WavelengthMm;
    }

    /// <summary>Pulse-echo lateral sigma (mm) and on-axis transmit amplitude (1 at the focus) at each depth.</summary>
    /// <param name="s">Scanner.</param>
    /// <param name="depthsMm">Depths (mm).</param>
    /// <param name="focusDepthMm">Transmit focus depth (mm).</param>
    public static (double[] SigmaMm, double[] Amplitude) Profile(ScannerSettings s, IReadOnlyList<double> depthsMm, double focusDepthMm)
    {
        double lambda = s.WavelengthMm;
        double sigma0 = K * lambda * s.TransmitFNumber, zr = RayleighRangeMm(s);
        var sigma = new double[depthsMm.Count];
        var amp = new double[depthsMm.Count];
        for (int i = 0; i < sigma.Length; i++)
        {
            double z = depthsMm[i];
            double dz = (z - focusDepthMm) / zr;
            double tx = s.TransmitFocusing ? sigma0 * Math.Sqrt(1 + dz * dz) : sigma0;
            double fRx = Math.Max(s.ReceiveFNumber, z / s.MaxReceiveApertureMm);
            double rx = K * lambda * fRx;
            sigma[i] = 1 / Math.Sqrt(1 / (tx * tx) + 1 / (rx * rx));
            // The transmit energy spreads over the beam width in the scan plane (the elevation lens focus is fixed),
            // so the on-axis amplitude falls as sqrt(sigma0 / sigma_tx).
            amp[i] = Math.Sqrt(sigma0 / tx);
        }
        return (sigma, amp);
    }
}
