using BreastSeg.IO;

namespace BreastSeg.Benchmarks;

/// <summary>What <see cref="CoreBenchmarks"/> times and how often.</summary>
public sealed record CoreBenchOptions
{
    /// <summary>Timed runs per operation (after <see cref="Warmup"/> untimed ones).</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Untimed runs per operation first. .NET compiles a method first without optimisation and recompiles it
    /// with profile-guided optimisation after 30 calls, in the background; libtorch fills its oneDNN primitive and
    /// allocator caches per thread count. Measured on an idle machine (2048 x 510 frame, one thread): Nakagami at 1 pulse
    /// length took 55, 34, 34, ... ms and settled at 12-17 ms only after about 20 runs; a 2-thread training step took 955,
    /// 441, 418, ... ms and settled near 240 ms after about 10 steps. One warm-up run measured the compiler, not the map.</summary>
    public int Warmup { get; init; } = DefaultWarmup;

    /// <summary>Default <see cref="Warmup"/>.</summary>
    public const int DefaultWarmup = 20;

    /// <summary>Thread count to run the parallel operations with, or null for both one thread and all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Small sizes (a 256 x 64 frame, a 32 x 32 batch of 2 through an 8-filter network) that take a few
    /// seconds in all: a smoke test of the benchmark, not a measurement.</summary>
    public bool Quick { get; init; }

    /// <summary>Frame samples (depth) for simulation and maps.</summary>
    public int FrameSamples => Quick ? 256 : BenchmarkFrame.Samples;

    /// <summary>Frame scan lines for simulation and maps.</summary>
    public int FrameLines => Quick ? 64 : BenchmarkFrame.Lines;

    /// <summary>Base filters of the attention U-Net (16: the kit's quick preset).</summary>
    public int BaseFilters => Quick ? 8 : 16;

    /// <summary>Network input height and width (pixels).</summary>
    public int ImageSize => Quick ? 32 : 128;

    /// <summary>Images per training step.</summary>
    public int BatchSize => Quick ? 2 : 4;

    /// <summary>Thread counts to run the parallel operations with: 1 and all cores, or the requested count.</summary>
    public IReadOnlyList<int> ThreadCounts() =>
        Threads is { } t ? [t] : new[] { 1, Environment.ProcessorCount }.Distinct().ToArray();

    /// <summary>Throws <see cref="BreastSegInputException"/> naming the CLI option when a setting is impossible.</summary>
    public void Validate()
    {
        if (Repeats < 1) throw new BreastSegInputException("--repeat", $"must be at least 1, got {Repeats}");
        if (Warmup < 0) throw new BreastSegInputException("warmup", $"must be 0 or more, got {Warmup}");
        if (Threads is { } t && (t < 1 || t > 1024)) throw new BreastSegInputException("--threads", $"must be 1 to 1024, got {t}");
    }
}
