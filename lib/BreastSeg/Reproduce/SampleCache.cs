using System.Runtime.InteropServices;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Reproduce;

/// <summary>
/// A data set whose samples are kept on disk, one file per case, so a re-run or another model does not recompute the
/// maps. The maps of <paramref name="stack"/> are computed together once per case (B-mode and entropy share the
/// envelope) and every request for some of them is served from that stack. Files are keyed by the data fingerprint,
/// the stack, the map options the stack depends on and the grid size, and written atomically: an interrupted run
/// keeps the finished cases, and a half-written file is never read.
/// </summary>
/// <param name="inner">The data set the samples come from.</param>
/// <param name="cacheFolder">Root folder of the cache (e.g. data/cache).</param>
/// <param name="stack">The maps stored per case.</param>
public sealed class SampleCache(ISegmentationDataset inner, string cacheFolder, IReadOnlyList<MapKind> stack) : ISegmentationDataset
{
    private const int Magic = 0x42534332; // "BSC2"

    /// <inheritdoc />
    public string Location => inner.Location;

    /// <inheritdoc />
    public string Fingerprint => inner.Fingerprint;

    /// <inheritdoc />
    public IReadOnlyList<DatasetCase> Cases => inner.Cases;

    /// <inheritdoc />
    public IReadOnlyList<MapKind> AvailableMaps => inner.AvailableMaps;

    /// <summary>Cases served from disk so far (for progress notes and tests).</summary>
    public int Hits { get; private set; }

    /// <summary>Cases computed and stored so far.</summary>
    public int Misses { get; private set; }

    /// <summary>The folder holding the files of one (options, size).</summary>
    public string FolderFor(MapOptions options, int size) => Path.Combine(cacheFolder,
        "samples-" + DataFingerprint.OfText(inner.Fingerprint, InputChoice.Format(stack), MapRelevance.Key(stack, options), size.ToString(System.Globalization.CultureInfo.InvariantCulture))[..16]);

    /// <inheritdoc />
    public IReadOnlyList<SegmentationSample> Samples(int caseIndex, IReadOnlyList<MapKind> maps, MapOptions options, int size)
    {
        if (!maps.All(stack.Contains)) return inner.Samples(caseIndex, maps, options, size);
        string path = Path.Combine(FolderFor(options, size), $"case-{caseIndex:D5}.bin");
        IReadOnlyList<SegmentationSample>? stacked = Read(path, caseIndex, size);
        if (stacked is null)
        {
            stacked = inner.Samples(caseIndex, stack, options, size);
            Write(path, stacked);
            Misses++;
        }
        else Hits++;
        var channels = maps.Select(m => stack.ToList().IndexOf(m)).ToArray();
        return channels.SequenceEqual(Enumerable.Range(0, stack.Count)) ? stacked : stacked.Select(s => s.WithChannels(channels)).ToList();
    }

    private static void Write(string path, IReadOnlyList<SegmentationSample> samples) => AtomicFile.Write(path, stream =>
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(samples.Count);
        foreach (var s in samples)
        {
            w.Write(s.CaseIndex);
            w.Write(s.View);
            w.Write(s.CaseId);
            w.Write(s.Malignant);
            w.Write(s.Size);
            w.Write(s.Input.Length);
            w.Write(MemoryMarshal.AsBytes(s.Input.AsSpan()));
            WriteBits(w, s.Target);
            w.Write(s.GridMask.Samples);
            w.Write(s.GridMask.Lines);
            WriteBits(w, s.GridMask.Data);
            w.Write(s.AxialSpacingMm);
            w.Write(s.LateralSpacingMm);
        }
    });

    // Null when the file is missing or not a complete cache file of this case and size.
    private static List<SegmentationSample>? Read(string path, int caseIndex, int size)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            long length = stream.Length;
            using var r = new BinaryReader(stream);
            if (r.ReadInt32() != Magic) return null;
            int count = r.ReadInt32();
            if (count is < 0 or > 64) return null;
            var samples = new List<SegmentationSample>(count);
            for (int i = 0; i < count; i++)
            {
                int index = r.ReadInt32(), view = r.ReadInt32();
                string id = r.ReadString();
                bool malignant = r.ReadBoolean();
                int sampleSize = r.ReadInt32();
                int n = r.ReadInt32();
                if (index != caseIndex || sampleSize != size || n < 0 || (long)n * 4 > length) return null;
                var input = new float[n];
                if (r.Read(MemoryMarshal.AsBytes(input.AsSpan())) != n * 4) return null;
                var target = ReadBits(r, size * size, length);
                int rows = r.ReadInt32(), cols = r.ReadInt32();
                if (rows < 0 || cols < 0 || (long)rows * cols > 8 * length) return null;
                var mask = ReadBits(r, rows * cols, length);
                if (target is null || mask is null) return null;
                double axial = r.ReadDouble(), lateral = r.ReadDouble();
                samples.Add(new SegmentationSample(index, view, id, malignant, input, target, size, new LesionMask(rows, cols, mask), axial, lateral));
            }
            return stream.Position == length ? samples : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static void WriteBits(BinaryWriter w, bool[] bits)
    {
        var packed = new byte[(bits.Length + 7) / 8];
        for (int k = 0; k < bits.Length; k++) if (bits[k]) packed[k >> 3] |= (byte)(1 << (k & 7));
        w.Write(bits.Length);
        w.Write(packed);
    }

    private static bool[]? ReadBits(BinaryReader r, int expected, long fileLength)
    {
        int n = r.ReadInt32();
        if (n != expected || n < 0 || n / 8 > fileLength) return null;
        var packed = r.ReadBytes((n + 7) / 8);
        if (packed.Length != (n + 7) / 8) return null;
        var bits = new bool[n];
        for (int k = 0; k < n; k++) bits[k] = (packed[k >> 3] & (1 << (k & 7))) != 0;
        return bits;
    }
}
