using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BreastSeg.Maps;

namespace BreastSeg.Benchmarks;

/// <summary>
/// Maps of one 2048 x 510 frame (OASBUD size) with the default windows (entropy 1 pulse length = 9 x 3 pixels, 32
/// bins; Nakagami 3 pulse lengths = 27 x 7), on one thread and on all cores, against straightforward implementations.
/// The naive entropy and Nakagami run on the first 64 lines only (one eighth of the frame); multiply by 510/64.
/// </summary>
[Config(typeof(MapsBenchmarkConfig))]
[MemoryDiagnoser]
public class MapBenchmarks
{
    public const int NaiveLines = 64;

    private double[] _rf = [];
    private double[] _envelope = [];
    private WindowSize _entropyWindow, _nakagamiWindow;

    /// <summary>Threads: 1 or all cores (-1).</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    internal double[] Rf => _rf;
    internal double[] EnvelopeData => _envelope;
    internal WindowSize EntropyWindowSize => _entropyWindow;
    internal WindowSize NakagamiWindowSize => _nakagamiWindow;

    [GlobalSetup]
    public void Setup()
    {
        var frame = BenchmarkFrame.Create();
        _rf = frame.Data;
        _envelope = Envelope.Compute(frame);
        var options = new MapOptions();
        _entropyWindow = options.EntropyWindow(frame.Acquisition, frame.Lines);
        _nakagamiWindow = options.NakagamiWindowSize(frame.Acquisition, frame.Lines);
    }

    [Benchmark]
    public double[] EnvelopeFrame() => Envelope.Compute(_rf, BenchmarkFrame.Samples, BenchmarkFrame.Lines, maxDegreeOfParallelism: Threads);

    [Benchmark]
    public double[] BModeFrame() => BMode.Compute(_envelope, maxDegreeOfParallelism: Threads);

    [Benchmark]
    public double[] EntropyGlobal() => EntropyMap.Compute(_envelope, BenchmarkFrame.Samples, BenchmarkFrame.Lines, _entropyWindow,
        normalization: EntropyNormalization.Global, maxDegreeOfParallelism: Threads);

    [Benchmark]
    public double[] EntropyWindow() => EntropyMap.Compute(_envelope, BenchmarkFrame.Samples, BenchmarkFrame.Lines, _entropyWindow,
        normalization: EntropyNormalization.Window, maxDegreeOfParallelism: Threads);

    [Benchmark]
    public double[] Nakagami() => NakagamiMap.Compute(_envelope, BenchmarkFrame.Samples, BenchmarkFrame.Lines, _nakagamiWindow, maxDegreeOfParallelism: Threads);
}

/// <summary>The straightforward implementations of <see cref="NaiveMaps"/> on the same frame, single thread.</summary>
[Config(typeof(MapsBenchmarkConfig))]
public class NaiveMapBenchmarks
{
    private readonly MapBenchmarks _frame = new();

    [GlobalSetup]
    public void Setup() => _frame.Setup();

    [Benchmark]
    public double[] NaiveEnvelopeOneFftPerLine() => NaiveMaps.Envelope(_frame.Rf, BenchmarkFrame.Samples, BenchmarkFrame.Lines);

    [Benchmark]
    public double[] NaiveEntropyGlobal64Lines() => NaiveMaps.Entropy(_frame.EnvelopeData, BenchmarkFrame.Samples, BenchmarkFrame.Lines,
        _frame.EntropyWindowSize.Samples, _frame.EntropyWindowSize.Lines, EntropyMap.DefaultBins, window: false, MapBenchmarks.NaiveLines);

    [Benchmark]
    public double[] NaiveEntropyWindow64Lines() => NaiveMaps.Entropy(_frame.EnvelopeData, BenchmarkFrame.Samples, BenchmarkFrame.Lines,
        _frame.EntropyWindowSize.Samples, _frame.EntropyWindowSize.Lines, EntropyMap.DefaultBins, window: true, MapBenchmarks.NaiveLines);

    [Benchmark]
    public double[] NaiveNakagami64Lines() => NaiveMaps.Nakagami(_frame.EnvelopeData, BenchmarkFrame.Samples, BenchmarkFrame.Lines,
        _frame.NakagamiWindowSize.Samples, _frame.NakagamiWindowSize.Lines, MapBenchmarks.NaiveLines);
}

/// <summary>
/// Short in-process runs: a few iterations are enough for 20-300 ms operations, and in-process execution needs no
/// generated project (the machine is shared and small).
/// </summary>
public sealed class MapsBenchmarkConfig : ManualConfig
{
    public MapsBenchmarkConfig() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance));
}
