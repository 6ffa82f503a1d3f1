using System.Runtime.InteropServices;
using BreastSeg.IO;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Reads MAT v7.3 files (HDF5 behind a 512-byte MAT header) with PureHDF. MATLAB writes each variable as a dataset
/// (or a group for a scalar struct) with a MATLAB_class attribute; HDF5 is row-major, so a MATLAB rows x cols array is
/// stored with dimensions cols x rows and its bytes are already in MATLAB's column-major order. Struct-array and cell
/// elements are object references into the file's #refs# group.
/// </summary>
internal static class Hdf5Reader
{
    private const int MaxDepth = 64;

    /// <summary>Bytes of stored data a summary reads at a time (one hyperslab block).</summary>
    public const int SummaryBlockBytes = 8 << 20;

    /// <summary>Most bytes a summary block may grow to so that it covers whole chunks along the sliced dimension
    /// (8 MB blocks across 1000 x 1000 double chunks re-read every chunk about 16 times).</summary>
    public const long SummaryBandBytes = 256L << 20;

    /// <summary>The variables of a v7.3 file; with <paramref name="summarize"/>, numeric arrays as <see cref="MatSummary"/>
    /// read <paramref name="blockBytes"/> of stored data at a time. With <paramref name="defer"/>, the numeric arrays
    /// that struct arrays and cells reference come back as summaries that record where they are
    /// (<see cref="Hdf5ArrayLocation"/>, read later by <see cref="Deferred"/>), other values in full.</summary>
    public static List<KeyValuePair<string, MatValue>> Read(string path, bool summarize = false, int blockBytes = SummaryBlockBytes, bool defer = false)
    {
        var context = new Hdf5Context(path, summarize, Math.Max(1, blockBytes), defer);
        return Guarded(path, () =>
        {
            using var file = OpenFile(path);
            var result = new List<KeyValuePair<string, MatValue>>();
            foreach (var child in file.Children())
            {
                // #refs# holds the elements of cells and struct arrays; #subsystem# MATLAB's object data.
                if (child.Name.StartsWith('#')) continue;
                result.Add(new(child.Name, Convert(context, file, child, $"variable '{child.Name}'", 0)));
            }
            return result;
        });
    }

    private static NativeFile OpenFile(string path)
    {
        BoundedDeflateFilter.Register();
        return H5File.Open(new EndCheckedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)), leaveOpen: false);
    }

    /// <summary>Reads arrays that a deferring <see cref="Read"/> left in the file, one at a time, through one open file.</summary>
    internal sealed class Deferred(string path) : IDisposable
    {
        private readonly NativeFile _file = Guarded(path, () => OpenFile(path));
        private readonly Hdf5Context _context = new(path, Summarize: false, SummaryBlockBytes, Defer: false);

        /// <summary>The array at <paramref name="stored"/>, read in full as a full read reads it.</summary>
        public MatNumeric Read(Hdf5ArrayLocation stored) => Guarded(path, () =>
            Convert(_context, _file, _file.Get(stored.Reference), stored.What, 0) as MatNumeric
            ?? throw new MatFormatException($"{stored.What} is no longer a numeric array (the file changed?)"));

        /// <inheritdoc />
        public void Dispose() => _file.Dispose();
    }

    // Errors of PureHDF and of this reader as one-line input errors naming the file.
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (MatFormatException e)
        {
            throw new BreastSegInputException(path, e.Message);
        }
        catch (OutOfMemoryException e)
        {
            // Our arrays are checked against the cap before PureHDF reads them; an allocation that fails inside PureHDF
            // comes from a size field of the HDF5 structures (found by fuzzing: "Array dimensions exceeded").
            throw new BreastSegInputException(path, $"a size field of its HDF5 structures asks for more memory than can be allocated ({e.Message.TrimEnd('.')}); the file is damaged", e);
        }
        catch (Exception e) when (e is not BreastSegInputException)
        {
            // PureHDF reports damaged HDF5 structures with a variety of exception types.
            throw new BreastSegInputException(path, $"cannot read the MAT v7.3 (HDF5) file ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})", e);
        }
    }

    // reference: how the item was reached, when through an object reference (a struct array's or cell's element).
    private static MatValue Convert(Hdf5Context context, NativeFile file, IH5Object item, string what, int depth, NativeObjectReference1? reference = null)
    {
        if (depth > MaxDepth) throw new MatFormatException($"{what}: nested more than {MaxDepth} deep");
        string? matlabClass = StringAttribute(item, "MATLAB_class");
        if (item.AttributeExists("MATLAB_sparse")) throw new MatFormatException($"{what} is a sparse array, which this reader does not support (save it with full() in MATLAB)");
        switch (item)
        {
            case IH5Group group:
                if (matlabClass is not (null or "struct")) throw new MatFormatException($"{what}: a group of MATLAB class '{matlabClass}' is not supported");
                return ScalarStruct(context, file, group, what, depth);
            case IH5Dataset dataset:
                return Dataset(context, file, dataset, matlabClass, what, depth, reference);
            default:
                throw new MatFormatException($"{what} is neither a dataset nor a group");
        }
    }

    private static MatStruct ScalarStruct(Hdf5Context context, NativeFile file, IH5Group group, string what, int depth)
    {
        var children = group.Children().ToDictionary(c => c.Name, StringComparer.Ordinal);
        var order = FieldOrder(group) ?? children.Keys.ToList();
        var values = new List<MatValue>();
        var names = new List<string>();
        foreach (string field in order)
        {
            if (!children.TryGetValue(field, out var child)) continue;
            names.Add(field);
            values.Add(Convert(context, file, child, $"{what}.{field}", depth + 1));
        }
        // A struct array stores each field as references, one per element; a scalar struct stores the values.
        if (values.Count > 0 && values.All(v => v is MatCell) && IsReferenceStruct(group, names))
            return StructArray(names, values.Cast<MatCell>().ToList(), what);
        return new MatStruct([1, 1], names, values);
    }

    private static bool IsReferenceStruct(IH5Group group, List<string> names) =>
        names.All(n => group.Get(n) is IH5Dataset d && d.Type.Class == H5DataTypeClass.Reference && StringAttribute(d, "MATLAB_class") is null);

    private static MatStruct StructArray(List<string> names, List<MatCell> fields, string what)
    {
        int[] dims = fields[0].Dimensions;
        if (fields.Any(f => !f.Dimensions.SequenceEqual(dims))) throw new MatFormatException($"{what}: struct array fields have different sizes");
        var values = new List<MatValue>();
        for (int e = 0; e < fields[0].Count; e++)
            foreach (var f in fields) values.Add(f[e]);
        return new MatStruct(dims, names, values);
    }

    private static List<string>? FieldOrder(IH5Object item)
    {
        if (!item.AttributeExists("MATLAB_fields")) return null;
        try
        {
            // Variable-length sequences of single characters, one per field.
            var raw = item.Attribute("MATLAB_fields").Read<byte[][]>();
            return raw.Select(chars => new string(chars.Select(b => (char)b).ToArray())).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static MatValue Dataset(Hdf5Context context, NativeFile file, IH5Dataset dataset, string? matlabClass, string what, int depth,
        NativeObjectReference1? reference)
    {
        int[] dims = MatlabDimensions(dataset.Space.Dimensions, what);
        if (ReadAttributeInt(dataset, "MATLAB_empty") is > 0)
        {
            // An empty array is stored as its dimensions (a uint64 vector), with MATLAB_empty = 1.
            var storedDims = dataset.Read<ulong[]>();
            int[] emptyDims = storedDims.Length >= 2 ? storedDims.Select(d => (int)Math.Min(d, int.MaxValue)).ToArray() : [0, 0];
            if (emptyDims.Aggregate(1L, (a, d) => a * d) != 0) throw new MatFormatException($"{what}: MATLAB_empty array with dimensions {string.Join("x", emptyDims)}");
            return matlabClass switch
            {
                "char" => new MatChar(emptyDims, ""),
                "cell" => new MatCell(emptyDims, []),
                "struct" => new MatStruct(emptyDims, [], []),
                _ => new MatNumeric(emptyDims, MatTypes.Allocate(ClassOf(matlabClass, what), matlabClass == "logical", 0)),
            };
        }
        var type = dataset.Type;
        if (type.Class == H5DataTypeClass.Reference)
        {
            var refs = dataset.Read<NativeObjectReference1[]>();
            var elements = new List<MatValue>(refs.Length);
            for (int i = 0; i < refs.Length; i++) elements.Add(Convert(context, file, file.Get(refs[i]), $"{what}{{{i + 1}}}", depth + 1, refs[i]));
            return new MatCell(dims, elements);
        }
        if (type.Class == H5DataTypeClass.Compound) throw new MatFormatException($"{what}: complex (compound) v7.3 arrays are not supported");
        if (type.Class is not (H5DataTypeClass.FixedPoint or H5DataTypeClass.FloatingPoint))
            throw new MatFormatException($"{what}: HDF5 data of class {type.Class} is not a MATLAB numeric or char array");
        // Declared dimensions x element size, checked before PureHDF allocates (a chunked dataset with almost no chunks
        // written can declare terabytes in a few kilobytes); a converted copy (logical, char, another class) counts too.
        long declared = 1;
        foreach (ulong d in dataset.Space.Dimensions) declared = MemoryCap.Product(declared, (long)Math.Min(d, long.MaxValue));
        long stored = MemoryCap.Product(declared, type.Size);
        long converted = matlabClass is null ? 0 : MemoryCap.Product(declared, matlabClass == "char" ? sizeof(char) : matlabClass == "logical" ? 1 : ElementBytes(matlabClass));
        long needed = stored < 0 || converted < 0 ? -1 : stored + (converted == stored && matlabClass is not ("char" or "logical") ? 0 : converted);
        string described = $"{what} ({string.Join("x", dims)} {matlabClass ?? "numeric"})";
        bool logical = matlabClass == "logical", isChar = matlabClass == "char";
        // A deferred array is summarised now (and so checked as a full read checks it) and read again on request.
        var deferred = context.Defer && reference is { } r && !isChar ? new Hdf5ArrayLocation(r, what) : null;
        bool summarize = (context.Summarize || deferred is not null) && !isChar;
        if (!summarize) MemoryCap.Check(context.Path, described, needed);
        // A chunked dataset with unwritten chunks goes through its chunk index: only written chunks are read. A char
        // array does when stored as MATLAB stores it (uint16 code units); others keep PureHDF's path.
        var storedClass = StoredClass(type, what);
        MatClass? matClass = isChar ? (storedClass == MatClass.UInt16 ? MatClass.UInt16 : null) : matlabClass is null ? storedClass : ClassOf(matlabClass, what);
        var sparse = matClass is null || needed < 0 ? null
            : Hdf5SparseLayout.Of(context.Path, dataset, type.Size + (logical ? 1 : MatTypes.ElementSize(matClass.Value)), what);
        if (summarize)
        {
            // A summary from the chunk index holds one chunk at a time (checked against the cap) and folds the
            // unwritten elements in constant time, so its declared size is not checked. Elsewhere PureHDF's time grows
            // with the declared size (it fills unwritten chunks element by element), so that is checked at once.
            if (sparse is not null)
                return new MatSummary(dims, matClass!.Value, logical, complex: false, Hdf5SparseSummary.Fold(sparse, FillValue(dataset, type, matClass.Value, logical, what),
                    block => ToMatlabClass(ReadNumeric(dataset, type, what, block), matClass.Value, logical))) { Stored = deferred };
            MemoryCap.Check(context.Path, described, needed);
            return SummaryInBlocks(context, dataset, type, matClass!.Value, logical, dims, what, deferred);
        }
        if (sparse is not null && Hdf5SparseRead.Read(sparse, FillElement(dataset, type, matClass!.Value, logical, what), block => ReadNumeric(dataset, type, what, block)) is { } data)
            return isChar ? new MatChar(dims, new string(MemoryMarshal.Cast<ushort, char>((ushort[])data))) : new MatNumeric(dims, data);
        Array storedData = ReadNumeric(dataset, type, what, null);
        if (matlabClass == "char")
        {
            var chars = new char[storedData.Length];
            var codes = MatTypes.ToDoubles(storedData);
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)codes[i];
            return new MatChar(dims, new string(chars));
        }
        return new MatNumeric(dims, ToMatlabClass(storedData, MatlabClassOf(storedData, matlabClass, what), logical));
    }

    /// <summary>A numeric array's summary folded from hyperslab blocks of at most the context's block size, in file
    /// order (MATLAB's column-major order), so memory holds one block, not the array.</summary>
    private static MatSummary SummaryInBlocks(Hdf5Context context, IH5Dataset dataset, IH5DataType type, MatClass matClass, bool logical, int[] dims, string what,
        Hdf5ArrayLocation? stored)
    {
        var fold = new SummaryAccumulator();
        ulong[]? chunks = dataset.Layout.Class == H5DataLayoutClass.Chunked ? dataset.Layout.Chunks.Select(c => (ulong)c).ToArray() : null;
        long band = context.BlockBytes < SummaryBlockBytes ? context.BlockBytes : SummaryBandBytes;
        foreach (var block in Hdf5Blocks.Of(dataset.Space.Dimensions, Math.Max(1, context.BlockBytes / type.Size), chunks, band / type.Size))
        {
            var data = ToMatlabClass(ReadNumeric(dataset, type, what, block), matClass, logical);
            fold.Add(data, data.Length);
        }
        return new MatSummary(dims, matClass, logical, complex: false, fold) { Stored = stored };
    }

    /// <summary>The value an unwritten element of <paramref name="dataset"/> reads as, in class
    /// <paramref name="matClass"/>, as a one-element array: its fill value message's (little-endian, as PureHDF reads
    /// it), or 0 when the file defines none.</summary>
    private static Array FillElement(IH5Dataset dataset, IH5DataType type, MatClass matClass, bool logical, string what)
    {
        var stored = MatTypes.Allocate(StoredClass(type, what), logical: false, 1);
        if (dataset.FillValue.Value is { } bytes && bytes.Length == type.Size)
            bytes.CopyTo(MemoryMarshal.CreateSpan(ref MatTypes.DataReference(stored), bytes.Length));
        return ToMatlabClass(stored, matClass, logical);
    }

    /// <summary><see cref="FillElement"/> widened to double.</summary>
    private static double FillValue(IH5Dataset dataset, IH5DataType type, MatClass matClass, bool logical, string what) =>
        MatTypes.ToDoubles(FillElement(dataset, type, matClass, logical, what))[0];

    /// <summary>The MATLAB class PureHDF reads an HDF5 number type as (see <see cref="ReadNumericAs"/>).</summary>
    private static MatClass StoredClass(IH5DataType type, string what) => type.Class == H5DataTypeClass.FloatingPoint
        ? type.Size switch
        {
            4 => MatClass.Single,
            8 => MatClass.Double,
            _ => throw new MatFormatException($"{what}: {type.Size}-byte floating point data"),
        }
        : (type.Size, type.FixedPoint.IsSigned) switch
        {
            (1, true) => MatClass.Int8,
            (1, false) => MatClass.UInt8,
            (2, true) => MatClass.Int16,
            (2, false) => MatClass.UInt16,
            (4, true) => MatClass.Int32,
            (4, false) => MatClass.UInt32,
            (8, true) => MatClass.Int64,
            (8, false) => MatClass.UInt64,
            _ => throw new MatFormatException($"{what}: {type.Size}-byte integer data"),
        };

    private static MatClass MatlabClassOf(Array stored, string? matlabClass, string what) =>
        matlabClass is null ? MatTypes.ClassOfElementType(stored.GetType().GetElementType()!)!.Value : ClassOf(matlabClass, what);

    /// <summary>The stored values as MATLAB class <paramref name="matClass"/> (the same array when it already is).</summary>
    private static Array ToMatlabClass(Array stored, MatClass matClass, bool logical)
    {
        var storedClass = MatTypes.ClassOfElementType(stored.GetType().GetElementType()!)!.Value;
        if (storedClass == matClass && !logical) return stored;
        var data = MatTypes.Allocate(matClass, logical, stored.Length);
        var bytes = MemoryMarshal.CreateReadOnlySpan(ref MatTypes.DataReference(stored), stored.Length * MatTypes.ElementSize(storedClass));
        StoredDataConverter.Convert(bytes, (int)MatElementTags.ForClass(storedClass), data, 0);
        return data;
    }

    /// <summary>The file being read, whether numeric arrays are summarised, how many stored bytes a summary reads at a
    /// time, and whether arrays reached through object references are left in the file (summarised, located).</summary>
    private sealed record Hdf5Context(string Path, bool Summarize, int BlockBytes, bool Defer);

    /// <summary>The dataset's values (those in <paramref name="block"/>, or all), in file order.</summary>
    private static Array ReadNumeric(IH5Dataset dataset, IH5DataType type, string what, HyperslabSelection? block)
    {
        try
        {
            return ReadNumericAs(dataset, type, what, block);
        }
        catch (Exception e) when (Inflation(e) is { } inflation)
        {
            throw new MatFormatException($"{what}: {inflation.Message}");
        }
    }

    private static ChunkInflationException? Inflation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is ChunkInflationException found) return found;
        return null;
    }

    private static Array ReadNumericAs(IH5Dataset dataset, IH5DataType type, string what, HyperslabSelection? block)
    {
        ulong[]? memoryDims = block is null ? null : [block.TotalElementCount];
        if (type.Class == H5DataTypeClass.FloatingPoint)
            return type.Size switch
            {
                4 => dataset.Read<float[]>(block, null, memoryDims),
                8 => dataset.Read<double[]>(block, null, memoryDims),
                _ => throw new MatFormatException($"{what}: {type.Size}-byte floating point data"),
            };
        bool signed = type.FixedPoint.IsSigned;
        return (type.Size, signed) switch
        {
            (1, true) => dataset.Read<sbyte[]>(block, null, memoryDims),
            (1, false) => dataset.Read<byte[]>(block, null, memoryDims),
            (2, true) => dataset.Read<short[]>(block, null, memoryDims),
            (2, false) => dataset.Read<ushort[]>(block, null, memoryDims),
            (4, true) => dataset.Read<int[]>(block, null, memoryDims),
            (4, false) => dataset.Read<uint[]>(block, null, memoryDims),
            (8, true) => dataset.Read<long[]>(block, null, memoryDims),
            (8, false) => dataset.Read<ulong[]>(block, null, memoryDims),
            _ => throw new MatFormatException($"{what}: {type.Size}-byte integer data"),
        };
    }

    private static MatClass ClassOf(string? matlabClass, string what) => matlabClass switch
    {
        null or "double" => MatClass.Double,
        "single" => MatClass.Single,
        "int8" => MatClass.Int8,
        "uint8" or "logical" => MatClass.UInt8,
        "int16" => MatClass.Int16,
        "uint16" => MatClass.UInt16,
        "int32" => MatClass.Int32,
        "uint32" => MatClass.UInt32,
        "int64" => MatClass.Int64,
        "uint64" => MatClass.UInt64,
        _ => throw new MatFormatException($"{what} has MATLAB class '{matlabClass}', which this reader does not support"),
    };

    /// <summary>Bytes per element of a MATLAB numeric class name; 8 for names this reader refuses later anyway.</summary>
    private static int ElementBytes(string matlabClass) => matlabClass switch
    {
        "int8" or "uint8" => 1,
        "int16" or "uint16" => 2,
        "int32" or "uint32" or "single" => 4,
        _ => 8,
    };

    /// <summary>MATLAB dimensions (rows first) from HDF5 dimensions (reversed); at least two.</summary>
    private static int[] MatlabDimensions(ulong[] hdf5, string what)
    {
        if (hdf5.Any(d => d > int.MaxValue)) throw new MatFormatException($"{what}: dimension larger than {int.MaxValue}");
        var dims = hdf5.Reverse().Select(d => (int)d).ToList();
        while (dims.Count < 2) dims.Add(1);
        return dims.ToArray();
    }

    private static string? StringAttribute(IH5Object item, string name)
    {
        if (!item.AttributeExists(name)) return null;
        return item.Attribute(name).Read<string>()?.TrimEnd('\0');
    }

    private static long? ReadAttributeInt(IH5Object item, string name)
    {
        if (!item.AttributeExists(name)) return null;
        var attribute = item.Attribute(name);
        return attribute.Type.Class == H5DataTypeClass.FixedPoint && attribute.Type.Size == 1
            ? attribute.Read<byte>()
            : attribute.Read<long>();
    }
}
