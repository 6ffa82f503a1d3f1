using BreastSeg.Rf;

namespace BreastSeg.Simulation;

/// <summary>
/// Probe and system of the simulated scanner. Defaults follow the study's scanner (Ultrasonix SonixTouch, L14-5/38):
/// 40 MHz sampling, 510 lines over 38 mm, c = 1540 m/s, nominal 10 MHz; the simulated pulse's centre frequency,
/// bandwidth and receive F-number are calibrated to the speckle of real L14-5/38 RF (cohort calibration file).
/// </summary>
public sealed record ScannerSettings
{
    /// <summary>Sampling, sound speed, aperture, centre frequency and bandwidth.</summary>
    public Acquisition Acquisition { get; init; } = Acquisition.Oasbud;

    /// <summary>Centre frequency of the simulated pulse-echo spectrum (Hz). Not the probe's nominal 10 MHz
    /// (<see cref="Rf.Acquisition.CenterFrequencyHz"/>, which the RF file records and the maps use): the real
    /// SonixTouch + L14-5/38 echo spectrum peaks near 5-6 MHz (phant1.rf, 8-28 mm), and its speckle is twice as
    /// coarse as a 10 MHz, 70 % pulse would give. Cohort v2 calibrates the pulse to the measured speckle
    /// (see the calibration file, <see cref="CohortCalibration"/>).</summary>
    public double PulseCenterFrequencyHz { get; init; } = CohortCalibration.Current.PulseCenterFrequencyHz;

    /// <summary>-6 dB fractional bandwidth of the simulated pulse-echo spectrum (0..2), calibrated like
    /// <see cref="PulseCenterFrequencyHz"/> (axial speckle size 0.441 c / (B f0)).</summary>
    public double PulseFractionalBandwidth { get; init; } = CohortCalibration.Current.PulseFractionalBandwidth;

    /// <summary>Scan lines per frame.</summary>
    public int Lines { get; init; } = 510;

    /// <summary>Transmit F-number at the transmit focus (focal depth / transmit aperture).</summary>
    public double TransmitFNumber { get; init; } = 3;

    /// <summary>Receive F-number kept constant by dynamic receive focusing (until the aperture runs out).</summary>
    public double ReceiveFNumber { get; init; } = CohortCalibration.Current.ReceiveFNumber;

    /// <summary>Largest receive aperture (mm): 64 elements of the L14-5/38 (pitch 0.3048 mm). Beyond
    /// depth = aperture x F#, the receive F-number grows with depth.</summary>
    public double MaxReceiveApertureMm { get; init; } = 64 * 0.3048;

    /// <summary>Whether the transmit beam converges and diverges around the focus (a Gaussian beam). Off: the
    /// transmit beam is as wide as at its focus at every depth, so resolution and on-axis amplitude do not change
    /// with depth (useful to isolate attenuation in validation).</summary>
    public bool TransmitFocusing { get; init; } = true;

    /// <summary>Lowest centre frequency the attenuation downshift can reach (Hz); the probe's lower band edge.
    /// Below it the Gaussian-spectrum downshift would run past the transducer passband.</summary>
    public double MinimumCenterFrequencyHz { get; init; } = 3.5e6;

    /// <summary>Time-gain compensation slope (dB/cm/MHz, applied two-way at the centre frequency), or null for no TGC.
    /// The default slightly under-compensates breast tissue (0.5-0.75 dB/cm/MHz), as scanners usually do.</summary>
    public double? TgcDbPerCmMHz { get; init; } = 0.45;

    /// <summary>Electronic noise RMS before TGC, in dB relative to the RF RMS of reference fat at zero depth and at
    /// the focus; null for no noise. Band-limited to the probe's passband.</summary>
    public double? NoiseDb { get; init; } = -55;

    /// <summary>Fraction (0..1) of the electronic noise power that is shared between neighbouring scan lines (an
    /// AR(1) process across lines with correlation length <see cref="NoiseLineCorrelationLines"/>): the horizontal
    /// streaks of receive-chain and interference noise that show where the echo is weak (deep, shadows). 0 = white.</summary>
    public double CorrelatedNoiseFraction { get; init; }

    /// <summary>Correlation length of the line-shared noise, in scan lines (the lag at which the correlation is 1/e).</summary>
    public double NoiseLineCorrelationLines { get; init; } = 20;

    /// <summary>Per-line receive gain jitter (dB, standard deviation; an AR(1) process across lines with correlation
    /// length <see cref="LineGainCorrelationLines"/>): the faint vertical banding of channel-to-channel and
    /// line-to-line gain differences. 0 = none.</summary>
    public double LineGainJitterDb { get; init; }

    /// <summary>Correlation length of the line gain jitter, in scan lines.</summary>
    public double LineGainCorrelationLines { get; init; } = 2;

    /// <summary>Output counts for one unit of reference RF RMS (reference fat, unattenuated, at the focus).</summary>
    public double CountsPerReferenceRms { get; init; } = 200;

    /// <summary>Round to integers and clip to the int16 range, as the scanner stores RF.</summary>
    public bool QuantizeInt16 { get; init; } = true;

    /// <summary>Centre frequency of the simulated pulse (MHz).</summary>
    public double F0MHz => PulseCenterFrequencyHz * 1e-6;

    /// <summary>Wavelength at the pulse's centre frequency (mm).</summary>
    public double WavelengthMm => Acquisition.SoundSpeed / PulseCenterFrequencyHz * 1e3;

    /// <summary>Standard deviation of the Gaussian pulse-echo amplitude spectrum (MHz): B f0 / 2.355.</summary>
    public double SpectrumSigmaMHz => PulseFractionalBandwidth * F0MHz / (2 * Math.Sqrt(2 * Math.Log(2)));

    /// <summary>Standard deviation of the Gaussian pulse envelope (s): 1 / (2 pi sigma_f) = sqrt(2 ln 2) / (pi B f0).</summary>
    public double PulseSigmaSeconds => 1 / (2 * Math.PI * SpectrumSigmaMHz * 1e6);

    /// <summary>Standard deviation of the pulse envelope in depth (mm): sigma_t c / 2.</summary>
    public double PulseSigmaMm => PulseSigmaSeconds * Acquisition.SoundSpeed / 2 * 1e3;

    /// <summary>Axial resolution: envelope FWHM of a point target (mm), 0.441 c / (B f0).</summary>
    public double AxialFwhmMm => 2 * Math.Sqrt(2 * Math.Log(2)) * PulseSigmaMm;

    /// <summary>Lateral pulse-echo FWHM at the transmit focus (mm).</summary>
    public double LateralFwhmAtFocusMm => 2 * Math.Sqrt(2 * Math.Log(2)) * BeamModel.FocalSigmaMm(this);

    /// <summary>Resolution cell (mm^2): axial FWHM x lateral FWHM at the focus. Scatterer densities are per cell.</summary>
    public double ResolutionCellMm2 => AxialFwhmMm * LateralFwhmAtFocusMm;

    /// <summary>The defaults (the study's scanner).</summary>
    public static ScannerSettings Default { get; } = new();
}
