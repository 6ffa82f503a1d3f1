using BreastSeg.Rf;

namespace BreastSeg.Maps;

/// <summary>
/// Zero-phase band-pass applied to the RF spectrum before envelope detection: gain 1 in [<see cref="LowHz"/>,
/// <see cref="HighHz"/>], raised-cosine roll-off to 0 over <see cref="TaperHz"/> outside it. The gain is real and even
/// in frequency, so it delays nothing and leaves the analytic signal's definition intact.
/// </summary>
/// <param name="LowHz">Lower pass-band edge (Hz).</param>
/// <param name="HighHz">Upper pass-band edge (Hz).</param>
/// <param name="TaperHz">Width of each raised-cosine roll-off (Hz); 0 for a brick wall.</param>
public sealed record BandPass(double LowHz, double HighHz, double TaperHz)
{
    /// <summary>
    /// A pass band around the probe's band: f0 (1 - B) .. f0 (1 + B) with tapers of f0 B / 2, where B is the -6 dB
    /// fractional bandwidth, the low taper shortened so that DC is always removed. Twice the -6 dB band keeps the
    /// echo spectrum intact and removes DC drift and out-of-band electronic noise.
    /// </summary>
    public static BandPass ForProbe(Acquisition acquisition)
    {
        double f0 = acquisition.CenterFrequencyHz, b = acquisition.FractionalBandwidth;
        double low = Math.Max(0, f0 * (1 - b));
        return new BandPass(low, f0 * (1 + b), Math.Min(f0 * b / 2, low));
    }

    /// <summary>Gain at frequency <paramref name="hz"/> (Hz, sign ignored).</summary>
    public double Gain(double hz)
    {
        double f = Math.Abs(hz);
        if (f >= LowHz && f <= HighHz) return 1;
        double d = f < LowHz ? LowHz - f : f - HighHz;
        if (TaperHz <= 0 || d >= TaperHz) return 0;
        return 0.5 * (1 + Math.Cos(Math.PI * d / TaperHz));
    }

    internal void Validate(string origin, double samplingFrequencyHz)
    {
        if (!(LowHz >= 0) || !(HighHz > LowHz) || !(TaperHz >= 0) || double.IsInfinity(HighHz) || double.IsInfinity(TaperHz))
            throw new IO.BreastSegInputException(origin, $"band-pass needs 0 <= low < high and taper >= 0 (got {LowHz} .. {HighHz} Hz, taper {TaperHz} Hz)");
        if (LowHz >= samplingFrequencyHz / 2)
            throw new IO.BreastSegInputException(origin, $"band-pass low edge {LowHz} Hz is above the Nyquist frequency {samplingFrequencyHz / 2} Hz");
    }
}
