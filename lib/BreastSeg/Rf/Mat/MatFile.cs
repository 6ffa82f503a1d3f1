using BreastSeg.IO;

namespace BreastSeg.Rf.Mat;

/// <summary>Reads and writes MAT files: Level-5 (v6, v7 compressed) and, for reading, v7.3 (HDF5).</summary>
/// <remarks>
/// Reading streams one top-level variable at a time; every size field is checked against what the file (or a
/// compressed element) can still hold before anything is allocated, and every problem is reported as a
/// <see cref="BreastSegInputException"/> naming the file. Sparse arrays, objects and opaque classes (string, table,
/// function handles) are refused with a message saying so.
/// </remarks>
public static class MatFile
{
    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    /// <summary>Reads every variable. Bad files raise <see cref="IO.BreastSegInputException"/> naming the file.</summary>
    public static IReadOnlyDictionary<string, MatValue> Read(string path)
    {
        var result = new Dictionary<string, MatValue>(StringComparer.Ordinal);
        // A later variable of the same name replaces the earlier one, as MATLAB's load does.
        foreach (var (name, value) in ReadVariables(path)) result[name] = value;
        return result;
    }

    /// <summary>Reads variable <paramref name="name"/> (other variables are parsed and dropped, one at a time).
    /// A missing variable is an error naming the variables the file has.</summary>
    public static MatValue ReadVariable(string path, string name) => Find(path, name, ReadVariables(path));

    private static MatValue Find(string path, string name, IEnumerable<KeyValuePair<string, MatValue>> variables)
    {
        MatValue? found = null;
        var names = new List<string>();
        foreach (var (n, value) in variables)
        {
            names.Add(n);
            if (n == name) found = value;
        }
        return found ?? throw new BreastSegInputException(path,
            $"no variable '{name}' (the file has {(names.Count == 0 ? "no variables" : string.Join(", ", names.Distinct()))})");
    }

    /// <summary>Reads every variable as <see cref="Read"/> does (same checks, same errors), but the numeric arrays inside
    /// structs and cells of a Level-5 file come back as <see cref="MatSummary"/> values and stay in the file (to find
    /// out what a file holds without reading its bulk); top-level arrays, and every array of a v7.3 file, are read in
    /// full.</summary>
    public static IReadOnlyDictionary<string, MatValue> ReadDeferred(string path)
    {
        var result = new Dictionary<string, MatValue>(StringComparer.Ordinal);
        foreach (var (name, value) in StreamDeferred(path)) result[name] = value;
        return result;
    }

    /// <summary>Reads variable <paramref name="name"/> as <see cref="ReadVariable"/> does (same checks, same errors), but
    /// leaves the numeric arrays inside its structs and cells in a Level-5 file: each comes back as a
    /// <see cref="MatSummary"/> that <see cref="DeferredArrays"/> reads on request, so memory holds one array at a
    /// time instead of the variable. In a v7.3 (HDF5) file every array is read at once, as <see cref="ReadVariable"/>
    /// reads it.</summary>
    internal static MatValue ReadVariableDeferred(string path, string name) => Find(path, name, StreamDeferred(path));

    private static IEnumerable<KeyValuePair<string, MatValue>> StreamDeferred(string path)
    {
        var (kind, bigEndian, file) = OpenAndDetect(path);
        if (kind == FileKind.Hdf5)
        {
            file.Dispose();
            foreach (var variable in Hdf5Reader.Read(path, defer: true)) yield return variable;
            yield break;
        }
        using var reader = Level5Reader.Open(path, file, bigEndian, defer: true);
        while (reader.ReadNext() is { } variable) yield return variable;
    }

    /// <summary>A reader of the arrays that <see cref="ReadVariableDeferred"/> left in <paramref name="path"/>. It checks
    /// that the file is still the one read (length and write time); dispose it to close the file.</summary>
    internal static DeferredArrays OpenDeferredArrays(string path, long length, DateTime writeTimeUtc)
    {
        var (kind, bigEndian, file) = OpenAndDetect(path);
        if (file.Length != length || File.GetLastWriteTimeUtc(path) != writeTimeUtc)
        {
            file.Dispose();
            throw new BreastSegInputException(path, "the file changed after it was opened; open it again");
        }
        if (kind != FileKind.Hdf5) return new DeferredArrays(Level5Reader.Open(path, file, bigEndian), null);
        file.Dispose();
        return new DeferredArrays(null, new Hdf5Reader.Deferred(path));
    }

    /// <summary>Reads arrays left in a Level-5 or v7.3 file by <see cref="ReadVariableDeferred"/>, one at a time.</summary>
    internal sealed class DeferredArrays(Level5Reader? level5, Hdf5Reader.Deferred? hdf5) : IDisposable
    {
        /// <summary>The array <paramref name="summary"/> stands for, read in full (as a full read would have read it).</summary>
        public MatNumeric Read(MatSummary summary) => summary.Stored switch
        {
            Level5ArrayLocation at when level5 is not null => level5.ReadDeferred(at),
            Hdf5ArrayLocation at when hdf5 is not null => hdf5.Read(at),
            _ => throw new ArgumentException("the summary was not left in this file by a deferring read", nameof(summary)),
        };

        /// <inheritdoc />
        public void Dispose()
        {
            level5?.Dispose();
            hdf5?.Dispose();
        }
    }

    /// <summary>Streams the variables in file order, parsing each only when enumerated.</summary>
    public static IEnumerable<KeyValuePair<string, MatValue>> ReadVariables(string path) => Stream(path, summarize: false);

    /// <summary>Streams the variables in file order with every numeric or logical array (also inside structs and
    /// cells) as a <see cref="MatSummary"/>: its values stream past and are folded into sum, minimum and maximum, so a
    /// file is inspected in memory that does not grow with its arrays (a v7.3 array is read chunk by chunk).</summary>
    public static IEnumerable<KeyValuePair<string, MatValue>> ReadSummaries(string path) => Stream(path, summarize: true);

    private static IEnumerable<KeyValuePair<string, MatValue>> Stream(string path, bool summarize)
    {
        var (kind, bigEndian, file) = OpenAndDetect(path);
        if (kind == FileKind.Hdf5)
        {
            file.Dispose();
            foreach (var variable in Hdf5Reader.Read(path, summarize)) yield return variable;
            yield break;
        }
        using var reader = Level5Reader.Open(path, file, bigEndian, summarize);
        while (reader.ReadNext() is { } variable) yield return variable;
    }

    /// <summary>Writes a MAT Level-5 file (zlib-compressed elements) atomically.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, MatValue>> variables) => Write(path, variables, compress: true);

    /// <summary>Writes a MAT Level-5 file atomically: v7 style with zlib-compressed elements, or v6 style uncompressed
    /// (larger, faster to write and read).</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, MatValue>> variables, bool compress)
    {
        ArgumentNullException.ThrowIfNull(variables);
        AtomicFile.Write(path, stream => Level5Writer.Write(stream, variables, compress));
    }

    /// <summary>Writes a MAT Level-5 file of one 1 x N struct array whose elements (each its named fields, in the first
    /// element's order) are produced one at a time, atomically; memory holds one element. The file equals what
    /// <see cref="Write(string, IEnumerable{KeyValuePair{string, MatValue}}, bool)"/> writes for the whole struct.</summary>
    public static void WriteStructArray(string path, string name, IEnumerable<IReadOnlyList<KeyValuePair<string, MatValue>>> elements, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(elements);
        AtomicFile.Write(path, stream => Level5Writer.WriteStructArray(stream, name, elements, compress));
    }

    private enum FileKind { Level5, Hdf5 }

    private static (FileKind Kind, bool BigEndian, FileStream File) OpenAndDetect(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BreastSegInputException(path, $"cannot open the file ({e.Message.TrimEnd('.')})", e);
        }
        try
        {
            var head = new byte[Math.Min(file.Length, 520)];
            file.ReadExactly(head);
            if (head.Length >= 8 && head.AsSpan(0, 8).SequenceEqual(Hdf5Signature)) return (FileKind.Hdf5, false, file);
            if (head.Length < MatElementTags.HeaderBytes)
                throw new BreastSegInputException(path, head.Length == 0 ? "the file is empty, not a MAT file" : $"not a MAT file: {head.Length} bytes, shorter than the 128-byte MAT header");
            bool? bigEndian = (head[126], head[127]) switch
            {
                ((byte)'I', (byte)'M') => false,
                ((byte)'M', (byte)'I') => true,
                _ => null,
            };
            if (bigEndian is null)
                throw new BreastSegInputException(path, "not a MAT Level-5 or v7.3 file (no MI/IM endian indicator at bytes 126-127; MAT v4 files are not supported)");
            ushort version = bigEndian.Value ? (ushort)(head[124] << 8 | head[125]) : (ushort)(head[125] << 8 | head[124]);
            bool hdf5Next = head.Length >= 520 && head.AsSpan(512, 8).SequenceEqual(Hdf5Signature);
            if (version == MatElementTags.Hdf5Version || hdf5Next)
            {
                if (!hdf5Next) throw new BreastSegInputException(path, "a MAT v7.3 header without the HDF5 data that must follow it at byte 512");
                return (FileKind.Hdf5, bigEndian.Value, file);
            }
            if (version != MatElementTags.Level5Version)
                throw new BreastSegInputException(path, $"unknown MAT file version 0x{version:X4} (Level-5 files have 0x0100, v7.3 files 0x0200)");
            return (FileKind.Level5, bigEndian.Value, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
