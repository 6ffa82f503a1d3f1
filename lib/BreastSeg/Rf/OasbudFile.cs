using BreastSeg.IO;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Rf;

/// <summary>How the file's `class` value maps to pathology. OASBUD: 52 malignant of 100; the loader reports counts.</summary>
public enum ClassCoding
{
    /// <summary>class 1 = malignant, 0 = benign.</summary>
    OneIsMalignant,
    /// <summary>class 0 = malignant, 1 = benign.</summary>
    ZeroIsMalignant,
}

/// <summary>Reads and writes files in the OASBUD layout: a 1 x N struct array `data` with fields
/// id, rf1, rf2, roi1, roi2, birads, class.</summary>
public static class OasbudFile
{
    /// <summary>The struct array variable of the layout.</summary>
    public const string VariableName = "data";

    /// <summary>The fields of the layout, in the order OASBUD.mat has them.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["id", "rf1", "rf2", "roi1", "roi2", "birads", "class"];

    /// <summary>RF fields and their masks, one pair per view.</summary>
    internal static readonly (string Rf, string Roi)[] ViewFields = [("rf1", "roi1"), ("rf2", "roi2")];

    /// <summary>Opens an OASBUD-layout file; frames are converted to <see cref="RfFrame"/> per case on demand.</summary>
    /// <remarks>Every case is checked on opening (one pass over the file), and a problem is reported naming the case
    /// (index and id), the view and the problem. RF and masks then stay in the file, and each case is read again when
    /// asked for (Level-5: in file order a compressed file is inflated once more in all; v7.3: each array through the
    /// reference its struct array holds).</remarks>
    public static OasbudDataset Open(string path, ClassCoding coding = ClassCoding.OneIsMalignant, Acquisition? acquisition = null)
    {
        // The file's length and write time before it is read: a case read later checks that the file is still this one.
        (long, DateTime)? stamp = File.Exists(path) ? (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)) : null;
        return FromVariable(path, MatFile.ReadVariableDeferred(path, VariableName), coding, acquisition, stamp);
    }

    /// <summary>Opens an OASBUD-layout file with every case's RF and masks read into memory at once (the reader before
    /// <see cref="Open"/> read cases on request; kept to check that both give the same data).</summary>
    internal static OasbudDataset OpenWhole(string path, ClassCoding coding = ClassCoding.OneIsMalignant, Acquisition? acquisition = null)
        => FromVariable(path, MatFile.ReadVariable(path, VariableName), coding, acquisition);

    /// <summary>An OASBUD-layout data set over a `data` variable already read from <paramref name="path"/>
    /// (checked as <see cref="Open"/> checks it).</summary>
    public static OasbudDataset FromVariable(string path, MatValue data, ClassCoding coding = ClassCoding.OneIsMalignant, Acquisition? acquisition = null)
        => FromVariable(path, data, coding, acquisition, file: null);

    // file: the length and write time of the file that arrays left in it (a deferring read) are read from.
    private static OasbudDataset FromVariable(string path, MatValue data, ClassCoding coding, Acquisition? acquisition, (long, DateTime)? file)
    {
        if (data is not MatStruct cases)
            throw new BreastSegInputException(path, $"variable '{VariableName}' is a {data.ShapeText} {data.ClassName}, expected the 1xN struct array of the OASBUD layout");
        return new OasbudDataset(path, cases, coding, acquisition ?? Acquisition.Oasbud, file);
    }

    /// <summary>Whether a variable looks like the OASBUD layout's `data` (a struct array with RF or mask fields).</summary>
    public static bool IsOasbudLayout(string name, MatValue value) =>
        name == VariableName && value is MatStruct s && ViewFields.Any(v => s.HasField(v.Rf) || s.HasField(v.Roi));

    /// <summary>Writes cases in the OASBUD layout (RF as int16, rounded and clipped; masks as uint8), atomically.</summary>
    public static void Write(string path, IEnumerable<RfCase> cases, ClassCoding coding = ClassCoding.OneIsMalignant) =>
        Write(path, cases, coding, extraFields: null);

    /// <summary>Writes cases in the OASBUD layout with extra per-case fields after the standard ones (for example maps
    /// beside the masks). Every case must give the same extra field names, in the same order.</summary>
    /// <param name="path">Output file (written atomically).</param>
    /// <param name="cases">The cases, each with exactly two views; RF rounded to int16 and clipped to its range.</param>
    /// <param name="coding">How `class` is written: the class value that means malignant.</param>
    /// <param name="extraFields">Extra fields of a case, or null for none.</param>
    /// <param name="compress">Whether to zlib-compress the file (MATLAB v7 style); false writes v6-style elements.</param>
    public static void Write(string path, IEnumerable<RfCase> cases, ClassCoding coding,
        Func<RfCase, IEnumerable<KeyValuePair<string, MatValue>>>? extraFields, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(cases);
        // Cases are converted and written one at a time (the simulator produces them lazily), so memory holds one case.
        MatFile.WriteStructArray(path, VariableName, Elements(cases, coding, extraFields), compress);
    }

    private static IEnumerable<IReadOnlyList<KeyValuePair<string, MatValue>>> Elements(IEnumerable<RfCase> cases, ClassCoding coding,
        Func<RfCase, IEnumerable<KeyValuePair<string, MatValue>>>? extraFields)
    {
        List<string>? extraNames = null;
        foreach (var c in cases)
        {
            string who = $"case {c.Index} (id '{c.Id}')";
            if (c.Views.Count != ViewFields.Length) throw new ArgumentException($"{who} has {c.Views.Count} views; the OASBUD layout has exactly {ViewFields.Length}", nameof(cases));
            var extra = extraFields?.Invoke(c).ToList() ?? [];
            if (extraNames is null)
            {
                extraNames = [];
                foreach (var (name, _) in extra)
                {
                    if (FieldNames.Contains(name)) throw new ArgumentException($"extra field '{name}' repeats a field of the layout", nameof(extraFields));
                    if (extraNames.Contains(name)) throw new ArgumentException($"extra field '{name}' is given twice", nameof(extraFields));
                    extraNames.Add(name);
                }
            }
            if (!extra.Select(e => e.Key).SequenceEqual(extraNames))
                throw new ArgumentException($"{who} gives extra fields ({string.Join(", ", extra.Select(e => e.Key))}) that differ from the first case's ({string.Join(", ", extraNames)})", nameof(extraFields));

            var rf = new MatValue[2];
            var roi = new MatValue[2];
            for (int v = 0; v < ViewFields.Length; v++)
            {
                var (frame, mask) = (c.Views[v].Frame, c.Views[v].Mask);
                if (mask.Samples != frame.Samples || mask.Lines != frame.Lines)
                    throw new ArgumentException($"{who}, {ViewFields[v].Rf}: RF is {frame.Samples}x{frame.Lines} but the mask is {mask.Samples}x{mask.Lines}", nameof(cases));
                rf[v] = new MatNumeric([frame.Samples, frame.Lines], ToInt16(frame.Data, $"{who}, {ViewFields[v].Rf}"));
                roi[v] = new MatNumeric([mask.Samples, mask.Lines], Array.ConvertAll(mask.Data, b => b ? (byte)1 : (byte)0));
            }
            MatValue[] values = [new MatChar(c.Id), rf[0], rf[1], roi[0], roi[1], new MatChar(c.BiRads), MatNumeric.Scalar(ClassValue(c.Malignant, coding))];
            var element = FieldNames.Zip(values, (name, value) => new KeyValuePair<string, MatValue>(name, value)).ToList();
            element.AddRange(extra);
            yield return element;
        }
    }

    /// <summary>The file's class value for a pathology under a coding.</summary>
    public static int ClassValue(bool malignant, ClassCoding coding) => malignant == (coding == ClassCoding.OneIsMalignant) ? 1 : 0;

    /// <summary>Rounds to the nearest integer (halves away from zero, as MATLAB's int16 does) and clips to int16.</summary>
    private static short[] ToInt16(double[] samples, string what)
    {
        var result = new short[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            double x = samples[i];
            if (!double.IsFinite(x)) throw new ArgumentException($"{what}: sample {i} is {x}; RF samples must be finite");
            result[i] = (short)Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
        }
        return result;
    }
}
