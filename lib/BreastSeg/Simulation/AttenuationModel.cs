namespace BreastSeg.Simulation;

/// <summary>
/// Frequency-dependent attenuation of a Gaussian pulse spectrum. For a pulse-echo spectrum exp(-(f-f0)^2 / 2 sigma_f^2)
/// and a two-way path with integrated attenuation A = integral alpha(z') dz' (Np/MHz, alpha linear in f), the echo keeps
/// its Gaussian shape with centre f_c = f0 - 2 A sigma_f^2 and peak amplitude exp(-2 A f0 + 2 A^2 sigma_f^2).
/// Once f_c reaches the probe's lower band edge it stays there and the amplitude decays as exp(-2 A f_c).
/// </summary>
public readonly struct AttenuationModel
{
    private readonly double f0, sigma2, fMin, aKnee, lnAmpKnee;

    /// <summary>Model for a scanner's centre frequency, bandwidth and lower band edge.</summary>
    public AttenuationModel(ScannerSettings s)
    {
        f0 = s.F0MHz;
        double sf = s.SpectrumSigmaMHz;
        sigma2 = sf * sf;
        fMin = Math.Min(f0, s.MinimumCenterFrequencyHz * 1e-6);
        aKnee = (f0 - fMin) / (2 * sigma2);
        lnAmpKnee = -2 * aKnee * f0 + 2 * aKnee * aKnee * sigma2;
    }

    /// <summary>Downshifted centre frequency (MHz) after a two-way path of integrated attenuation
    /// <paramref name="npPerMHz"/> (one-way, Np/MHz).</summary>
    public double CenterFrequencyMHz(double npPerMHz) => npPerMHz <= aKnee ? f0 - 2 * npPerMHz * sigma2 : fMin;

    /// <summary>Natural log of the echo's peak amplitude factor after the two-way path.</summary>
    public double LogAmplitude(double npPerMHz) =>
        npPerMHz <= aKnee ? -2 * npPerMHz * f0 + 2 * npPerMHz * npPerMHz * sigma2 : lnAmpKnee - 2 * fMin * (npPerMHz - aKnee);
}
