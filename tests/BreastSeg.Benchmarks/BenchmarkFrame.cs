using BreastSeg.Rf;

namespace BreastSeg.Benchmarks;

/// <summary>A speckle-like 2048 x 510 RF frame: white Gaussian scatterers convolved with a 10 MHz, 70% Gabor pulse.</summary>
internal static class BenchmarkFrame
{
    public const int Samples = 2048, Lines = 510;

    public static RfFrame Create(int seed = 1)
    {
        var rng = new Random(seed);
        var acquisition = Acquisition.Oasbud;
        double fs = acquisition.SamplingFrequencyHz, f0 = acquisition.CenterFrequencyHz;
        double sigma = Math.Sqrt(2 * Math.Log(2)) / (Math.PI * acquisition.FractionalBandwidth * f0);
        int half = (int)Math.Ceiling(3 * sigma * fs);
        var pulse = Enumerable.Range(-half, 2 * half + 1)
            .Select(k => Math.Exp(-Math.Pow(k / fs, 2) / (2 * sigma * sigma)) * Math.Cos(2 * Math.PI * f0 * k / fs)).ToArray();
        var data = new double[Samples * Lines];
        var scatterers = new double[Samples];
        for (int j = 0; j < Lines; j++)
        {
            for (int i = 0; i < Samples; i++)
                scatterers[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            for (int i = 0; i < Samples; i++)
            {
                double s = 0;
                for (int k = -half; k <= half; k++)
                {
                    int t = i - k;
                    if (t >= 0 && t < Samples) s += pulse[k + half] * scatterers[t];
                }
                data[j * Samples + i] = Math.Round(1000 * s);
            }
        }
        return new RfFrame(Samples, Lines, data, acquisition);
    }
}
