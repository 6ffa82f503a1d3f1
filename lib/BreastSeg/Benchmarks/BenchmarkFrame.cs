using BreastSeg.Rf;

namespace BreastSeg.Benchmarks;

/// <summary>
/// A speckle-like RF frame for timing the maps: white Gaussian scatterers convolved with the acquisition's Gabor pulse
/// (10 MHz, 70 % bandwidth for OASBUD), rounded to integer counts like the scanner's int16 RF. Cheap to make and the
/// same for a given seed, so map timings do not depend on the simulator.
/// </summary>
public static class BenchmarkFrame
{
    /// <summary>Samples per line of an OASBUD-sized frame.</summary>
    public const int Samples = 2048;

    /// <summary>Scan lines of an OASBUD-sized frame.</summary>
    public const int Lines = 510;

    /// <summary>A <paramref name="samples"/> x <paramref name="lines"/> speckle frame (OASBUD acquisition).</summary>
    public static RfFrame Create(int seed = 1, int samples = Samples, int lines = Lines)
    {
        var rng = new Random(seed);
        var acquisition = Acquisition.Oasbud;
        double fs = acquisition.SamplingFrequencyHz, f0 = acquisition.CenterFrequencyHz;
        double sigma = Math.Sqrt(2 * Math.Log(2)) / (Math.PI * acquisition.FractionalBandwidth * f0);
        int half = (int)Math.Ceiling(3 * sigma * fs);
        var pulse = Enumerable.Range(-half, 2 * half + 1)
            .Select(k => Math.Exp(-Math.Pow(k / fs, 2) / (2 * sigma * sigma)) * Math.Cos(2 * Math.PI * f0 * k / fs)).ToArray();
        var data = new double[samples * lines];
        var scatterers = new double[samples];
        for (int j = 0; j < lines; j++)
        {
            for (int i = 0; i < samples; i++)
                scatterers[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            for (int i = 0; i < samples; i++)
            {
                double s = 0;
                for (int k = -half; k <= half; k++)
                {
                    int t = i - k;
                    if (t >= 0 && t < samples) s += pulse[k + half] * scatterers[t];
                }
                data[j * samples + i] = Math.Round(1000 * s);
            }
        }
        return new RfFrame(samples, lines, data, acquisition);
    }
}
