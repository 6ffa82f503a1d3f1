using BreastSeg.Maps;
using BreastSeg.Simulation;

namespace BreastSeg.Benchmarks;

/// <summary>
/// Times the kit's core operations on this machine: simulating one RF frame, envelope, B-mode, entropy map (window and
/// global normalisation, 1-pulse-length window, 32 bins), Nakagami map (3 pulse lengths) and one training step of the
/// attention U-Net. The maps and the training step run on one thread and on all cores; the simulator works one frame
/// per thread (it parallelises over cases), so it is timed on one thread only.
/// </summary>
public static class CoreBenchmarks
{
    /// <summary>Operation names, in run order.</summary>
    public const string Simulate = "simulate frame", EnvelopeName = "envelope", BModeName = "b-mode",
        EntropyWindow = "entropy map (window)", EntropyGlobal = "entropy map (global)", Nakagami = "nakagami map",
        TrainStep = "train step (attention u-net)";

    /// <summary>Every operation name, in run order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Simulate, EnvelopeName, BModeName, EntropyWindow, EntropyGlobal, Nakagami, TrainStep];

    /// <summary>Runs every benchmark.</summary>
    /// <param name="options">Repeats, threads, sizes.</param>
    /// <param name="starting">Called with the operation name and thread count before each benchmark (progress).</param>
    /// <param name="cancel">Stops between benchmarks.</param>
    public static BenchReport Run(CoreBenchOptions options, Action<string, int>? starting = null, CancellationToken cancel = default)
    {
        options.Validate();
        var results = new List<BenchResult>();
        void Add(string name, string size, int threads, Func<object?> run)
        {
            cancel.ThrowIfCancellationRequested();
            starting?.Invoke(name, threads);
            results.Add(BenchTimer.Measure(name, size, threads, run, options.Repeats, options.Warmup));
        }

        int samples = options.FrameSamples, lines = options.FrameLines;
        string frameSize = $"{samples}x{lines}";
        var (phantom, scanner) = SimulationSetup(samples, lines);
        double focusMm = samples / 2 * scanner.Acquisition.AxialSpacingMm;
        Add(Simulate, frameSize, 1, () => RfSimulator.Simulate(phantom, scanner, focusMm, seed: 1));

        var frame = BenchmarkFrame.Create(seed: 1, samples, lines);
        var mapOptions = new MapOptions();
        var entropyWindow = mapOptions.EntropyWindow(frame.Acquisition, lines);
        var nakagamiWindow = mapOptions.NakagamiWindowSize(frame.Acquisition, lines);
        var envelope = Maps.Envelope.Compute(frame);
        foreach (int t in options.ThreadCounts())
        {
            Add(EnvelopeName, frameSize, t, () => Maps.Envelope.Compute(frame.Data, samples, lines, frame.Acquisition.SamplingFrequencyHz, maxDegreeOfParallelism: t));
            Add(BModeName, frameSize, t, () => BMode.Compute(envelope, maxDegreeOfParallelism: t));
            Add(EntropyWindow, frameSize, t, () => EntropyMap.Compute(envelope, samples, lines, entropyWindow,
                normalization: EntropyNormalization.Window, maxDegreeOfParallelism: t));
            Add(EntropyGlobal, frameSize, t, () => EntropyMap.Compute(envelope, samples, lines, entropyWindow,
                normalization: EntropyNormalization.Global, maxDegreeOfParallelism: t));
            Add(Nakagami, frameSize, t, () => NakagamiMap.Compute(envelope, samples, lines, nakagamiWindow, maxDegreeOfParallelism: t));
        }

        foreach (int t in options.ThreadCounts())
        {
            cancel.ThrowIfCancellationRequested();
            starting?.Invoke(TrainStep, t);
            results.Add(TrainStepBenchmark.Measure(TrainStep, options.BaseFilters, options.ImageSize, options.BatchSize, t, options.Repeats, options.Warmup));
        }
        return new BenchReport(MachineInfo.Current(), results);
    }

    // Fibroglandular-like speckle (20 scatterers per resolution cell, +8 dB, 0.75 dB/cm/MHz): the simulator's cost grows
    // with the scatterer count, and this is the densest common tissue of the default cohort.
    private static (SlicePhantom Phantom, ScannerSettings Scanner) SimulationSetup(int samples, int lines)
    {
        var tissue = new TissueAcoustics("fibroglandular", 20, ScattererAmplitude.Gaussian, 8, 0.75, 1520);
        return (SlicePhantom.Homogeneous(samples, lines, tissue), ScannerSettings.Default with { Lines = lines });
    }
}
