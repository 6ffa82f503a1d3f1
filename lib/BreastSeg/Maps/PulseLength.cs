using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>
/// Spatial pulse length of the pulse-echo pulse, the unit of Tsui's window side length. The pulse-echo envelope is
/// modelled as a Gaussian exp(-t^2 / 2 sigma^2) with sigma = sqrt(2 ln 2) / (pi B f0), B the -6 dB fractional bandwidth
/// (so its spectrum falls to half amplitude at f0 (1 +/- B/2)). The pulse length is the duration over which that envelope
/// stays above <c>levelDb</c> below its peak, times c / 2 (pulse-echo: depth = c t / 2):
/// PL = 2 sigma sqrt(2 ln 10^(levelDb/20)) c / 2.
/// Default level 20 dB: the echo of a point reflector is visibly over at -20 dB (the "ring-down" pulse length of
/// textbooks); at 10 MHz, B = 0.7, c = 1540 m/s it gives 0.177 mm (9 samples at 40 MHz; 2.4 line pitches of a
/// 510-line, 38 mm frame), whereas the -6 dB length (the axial FWHM, 0.441 c / (B f0)) is 0.097 mm.
/// Which pulse: the one the frame's <see cref="Acquisition"/> records, i.e. the probe's nominal 10 MHz / 70 % for
/// OASBUD and for the simulated cohort alike. The real SonixTouch + L14-5/38 echoes (and so the calibrated simulator,
/// 6 MHz / 58 %) have a lower, narrower spectrum whose -20 dB pulse is 0.356 mm, twice as long: a window of N nominal
/// pulse lengths is about N / 2 effective ones. Keeping the nominal unit makes a window cover the same millimetres
/// and the same number of speckle cells on real and simulated files (their speckle sizes match); reports state the
/// window in pixels, millimetres and effective pulse lengths.
/// </summary>
public static class PulseLength
{
    /// <summary>Default level below the envelope peak that delimits the pulse (dB).</summary>
    public const double DefaultLevelDb = 20;

    /// <summary>Pulse length (mm) of the acquisition's probe, the envelope delimited <paramref name="levelDb"/> below its peak.</summary>
    public static double Mm(Acquisition acquisition, double levelDb = DefaultLevelDb) =>
        Mm(acquisition.CenterFrequencyHz, acquisition.FractionalBandwidth, acquisition.SoundSpeed, levelDb);

    /// <summary>Pulse length (mm) for centre frequency (Hz), -6 dB fractional bandwidth, sound speed (m/s) and level (dB).</summary>
    public static double Mm(double centerFrequencyHz, double fractionalBandwidth, double soundSpeed, double levelDb = DefaultLevelDb)
    {
        if (!(centerFrequencyHz > 0) || !(fractionalBandwidth > 0) || !(soundSpeed > 0) || !(levelDb > 0))
            throw new ArgumentOutOfRangeException(nameof(centerFrequencyHz), "pulse length needs f0, bandwidth, sound speed and level > 0");
        double sigma = Math.Sqrt(2 * Math.Log(2)) / (Math.PI * fractionalBandwidth * centerFrequencyHz);
        double duration = 2 * sigma * Math.Sqrt(2 * Math.Log(Math.Pow(10, levelDb / 20)));
        return duration * soundSpeed / 2 * 1e3;
    }
}
