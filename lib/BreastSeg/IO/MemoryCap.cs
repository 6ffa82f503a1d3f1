using System.Globalization;

namespace BreastSeg.IO;

/// <summary>
/// The most memory one array read from a file may take. Every reader (MAT v5/v7, v7.3, Ultrasonix, image folders)
/// calls <see cref="Check"/> with the bytes an array will take in memory before allocating it, so a file whose size
/// fields declare gigabytes is refused with one line instead of exhausting the machine.
/// </summary>
/// <remarks>
/// The default is a quarter of the memory the runtime may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>,
/// which honours container limits): a reader may hold an array while it converts it to double, and the pipeline holds a
/// few such arrays at once, so one array at a quarter keeps the process inside the machine. The environment variable
/// <c>BREASTSEG_MAX_MEMORY</c> (for notebooks and library callers) and the CLI's <c>--max-memory</c> override it.
/// </remarks>
public static class MemoryCap
{
    /// <summary>Environment variable holding the cap (for example <c>2GB</c>, <c>512MB</c>, <c>1073741824</c>).</summary>
    public const string EnvironmentVariable = "BREASTSEG_MAX_MEMORY";

    private static long? _bytes;
    // A cap for one flow of work (a CLI invocation, a fuzz campaign) and the threads it starts, so in-process callers
    // running side by side (tests, notebook cells) do not see each other's --max-memory.
    private static readonly AsyncLocal<long?> Scoped = new();

    /// <summary>The cap in bytes: a <see cref="Scope"/> in force, else set explicitly, else from
    /// <see cref="EnvironmentVariable"/>, else the default.</summary>
    public static long Bytes
    {
        get => Scoped.Value ?? (_bytes ??= FromEnvironment() ?? Default);
        set
        {
            if (value <= 0) throw new BreastSegInputException("--max-memory", $"must be positive, got {value} bytes");
            _bytes = value;
        }
    }

    /// <summary>A quarter of the memory available to the runtime, in bytes.</summary>
    public static long Default => Math.Max(64L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>Sets the cap to <paramref name="bytes"/> for the calling flow of work (and threads and tasks it starts)
    /// until the returned object is disposed.</summary>
    public static IDisposable Scope(long bytes)
    {
        if (bytes <= 0) throw new BreastSegInputException("--max-memory", $"must be positive, got {bytes} bytes");
        long? previous = Scoped.Value;
        Scoped.Value = bytes;
        return new Restore(() => Scoped.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Forgets an explicit setting, so the environment variable or the default applies again.</summary>
    public static void Reset() => _bytes = null;

    /// <summary>
    /// Throws a <see cref="BreastSegInputException"/> naming <paramref name="file"/>, <paramref name="variable"/>,
    /// the declared size and the cap when <paramref name="bytes"/> (the memory the array will take) exceeds the cap.
    /// A negative size (an overflowed product of size fields) is refused too.
    /// </summary>
    public static void Check(string file, string variable, long bytes)
    {
        long cap = Bytes;
        if (bytes < 0 || bytes > cap)
            throw new BreastSegInputException(file,
                $"{variable} declares {(bytes < 0 ? "more than 8 EB" : Format(bytes))}, over the memory cap of {Format(cap)} " +
                $"(raise it with --max-memory or {EnvironmentVariable})");
    }

    /// <summary>The bytes of <paramref name="count"/> elements of <paramref name="elementBytes"/> each, or -1 on overflow.</summary>
    public static long Product(long count, long elementBytes)
    {
        if (count < 0 || elementBytes < 0) return -1;
        try { return checked(count * elementBytes); }
        catch (OverflowException) { return -1; }
    }

    /// <summary>Parses a size: a plain byte count or a number with KB, MB, GB or TB (powers of 1024).</summary>
    public static long Parse(string text, string origin = "--max-memory")
    {
        string s = text.Trim().ToUpperInvariant();
        long unit = 1;
        foreach (var (suffix, scale) in new[] { ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1L) })
            if (s.EndsWith(suffix, StringComparison.Ordinal)) { unit = scale; s = s[..^suffix.Length].Trim(); break; }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v > 0) || v * unit > long.MaxValue)
            throw new BreastSegInputException(origin, $"'{text}' is not a memory size (for example 2GB, 512MB or a byte count)");
        return (long)(v * unit);
    }

    /// <summary>Bytes as a short human-readable size (1024-based).</summary>
    public static string Format(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < units.Length - 1) { v /= 1024; i++; }
        return i == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{v:0.#} {units[i]}");
    }

    private static long? FromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? null : Parse(text, EnvironmentVariable);
    }
}
