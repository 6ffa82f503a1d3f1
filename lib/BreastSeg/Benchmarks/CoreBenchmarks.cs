using BreastSeg.Maps;
using BreastSeg.Simulation;

namespace BreastSeg.Benchmarks;

/// <summary>
/// Times the kit's core operations on this machine: simulating one RF frame, envelope, B-mode, entropy map (the default
/// settings; window and global normalisation with 32 bins at the default window and at 1 pulse length), Nakagami map
/// (3 pulse lengths and 1) and one training step of the
/// attention U-Net. The maps and the training step run on one thread and on all cores; the simulator works one frame
/// per thread (it parallelises over cases), so it is timed on one thread only.
/// </summary>
public static class CoreBenchmarks
{
    /// <summary>Operation names, in run order.</summary>
    public const string Simulate = "simulate frame", EnvelopeName = "envelope", BModeName = "b-mode",
        EntropyDefault = "entropy map (default)", EntropyWindow = "entropy map (window)", EntropyGlobal = "entropy map (global)",
        EntropyWindow1Pl = "entropy map (window, 1 pl)", EntropyGlobal1Pl = "entropy map (global, 1 pl)", Nakagami = "nakagami map",
        Nakagami1Pl = "nakagami map (1 pl)", TrainStep = "train step (attention u-net)";

    /// <summary>Every operation name, in run order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Simulate, EnvelopeName, BModeName, EntropyDefault, EntropyWindow, EntropyGlobal, EntropyWindow1Pl, EntropyGlobal1Pl, Nakagami, Nakagami1Pl, TrainStep];

    /// <summary>Runs every benchmark.</summary>
    /// <param name="options">Repeats, threads, sizes.</param>
    /// <param name="starting">Called with the operation name and thread count before each benchmark (progress).</param>
    /// <param name="cancel">Stops between benchmarks.</param>
    public static BenchReport Run(CoreBenchOptions options, Action<string, int>? starting = null, CancellationToken cancel = default)
    {
        options.Validate();
        var loadBefore = LoadAverage.Read();
        var results = new List<BenchResult>();
        void Add(string name, string size, int threads, Func<object?> run, double? limitMs = null)
        {
            cancel.ThrowIfCancellationRequested();
            starting?.Invoke(name, threads);
            results.Add(BenchTimer.Measure(name, size, threads, run, options.Repeats, options.Warmup) with { LimitMs = limitMs });
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
        var onePl = MapWindow.PulseLengths(1).Resolve(frame.Acquisition, lines);
        var envelope = Maps.Envelope.Compute(frame);
        foreach (int t in options.ThreadCounts())
        {
            Add(EnvelopeName, frameSize, t, () => Maps.Envelope.Compute(frame.Data, samples, lines, frame.Acquisition.SamplingFrequencyHz, maxDegreeOfParallelism: t));
            Add(BModeName, frameSize, t, () => BMode.Compute(envelope, maxDegreeOfParallelism: t));
            var threaded = mapOptions with { MaxDegreeOfParallelism = t };
            Add(EntropyDefault, $"{frameSize}, {entropyWindow}", t, () => threaded.Entropy(envelope, samples, lines, entropyWindow),
                RunningHistogramLimitMs(samples, lines, entropyWindow));
            foreach (var (window, name, global) in new[] { (entropyWindow, EntropyWindow, EntropyGlobal), (onePl, EntropyWindow1Pl, EntropyGlobal1Pl) })
            {
                Add(name, $"{frameSize}, {window}", t, () => EntropyMap.Compute(envelope, samples, lines, window,
                    normalization: EntropyNormalization.Window, maxDegreeOfParallelism: t), RunningHistogramLimitMs(samples, lines, window));
                Add(global, $"{frameSize}, {window}", t, () => EntropyMap.Compute(envelope, samples, lines, window,
                    normalization: EntropyNormalization.Global, maxDegreeOfParallelism: t), RunningHistogramLimitMs(samples, lines, window));
            }
            Add(Nakagami, $"{frameSize}, {nakagamiWindow}", t, () => NakagamiMap.Compute(envelope, samples, lines, nakagamiWindow, maxDegreeOfParallelism: t),
                RunningHistogramLimitMs(samples, lines, nakagamiWindow));
            Add(Nakagami1Pl, $"{frameSize}, {onePl}", t, () => NakagamiMap.Compute(envelope, samples, lines, onePl, maxDegreeOfParallelism: t),
                RunningHistogramLimitMs(samples, lines, onePl));
        }

        foreach (int t in options.ThreadCounts())
        {
            cancel.ThrowIfCancellationRequested();
            starting?.Invoke(TrainStep, t);
            results.Add(TrainStepBenchmark.Measure(TrainStep, options.BaseFilters, options.ImageSize, options.BatchSize, t, options.Repeats, options.Warmup));
        }
        return new BenchReport(MachineInfo.Current(), results, loadBefore, LoadAverage.Read());
    }

    /// <summary>Nanoseconds per bin update the limit assumes.</summary>
    public const double NanosecondsPerUpdate = 1;

    /// <summary>
    /// The running-histogram limit of a windowed map on one core (ms): sliding a window down a scan line, one row leaves
    /// and one enters, i.e. 2 bin updates per window column per pixel, at <see cref="NanosecondsPerUpdate"/> each:
    /// 2 x window lines x samples x lines ns. It counts the histogram updates only (no binning, no entropy
    /// evaluation, no min/max), so it is a floor no real kernel reaches; for Nakagami the updates are running moments.
    /// </summary>
    public static double RunningHistogramLimitMs(int samples, int lines, WindowSize window) =>
        2.0 * window.Lines * samples * lines * NanosecondsPerUpdate * 1e-6;

    // Fibroglandular-like speckle (20 scatterers per resolution cell, +8 dB, 0.75 dB/cm/MHz): the simulator's cost grows
    // with the scatterer count, and this is the densest common tissue of the default cohort.
    private static (SlicePhantom Phantom, ScannerSettings Scanner) SimulationSetup(int samples, int lines)
    {
        var tissue = new TissueAcoustics("fibroglandular", 20, ScattererAmplitude.Gaussian, 8, 0.75, 1520);
        return (SlicePhantom.Homogeneous(samples, lines, tissue), ScannerSettings.Default with { Lines = lines });
    }
}
