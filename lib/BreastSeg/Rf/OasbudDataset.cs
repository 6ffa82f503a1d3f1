using System.Globalization;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Rf;

/// <summary>An opened OASBUD-layout data set.</summary>
/// <remarks>Cases are keyed by their row index (ids need not be unique). Opened with <see cref="OasbudFile.Open"/>
/// (Level-5 or v7.3), RF and masks stay in the file and <see cref="GetCase"/> reads one case's arrays and widens them
/// to double frames, so memory holds one case, not the cohort. A data set over summaries (<see cref="MatFile.ReadSummaries"/>, for `inspect`) has the same checks
/// and <see cref="Summaries"/> but no frames.</remarks>
public sealed class OasbudDataset
{
    private readonly MatStruct _data;
    private readonly (long Length, DateTime WriteTimeUtc)? _file;
    private readonly Lock _reading = new();
    private MatFile.DeferredArrays? _arrays;

    internal OasbudDataset(string path, MatStruct data, ClassCoding coding, Acquisition acquisition, (long Length, DateTime WriteTimeUtc)? file = null)
    {
        Path = path;
        _data = data;
        _file = file;
        Coding = coding;
        Acquisition = acquisition;
        var missing = OasbudFile.FieldNames.Where(f => !data.HasField(f)).ToList();
        if (missing.Count > 0)
            throw new BreastSegInputException(path, $"the '{OasbudFile.VariableName}' struct has no field{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (it has {string.Join(", ", data.FieldNames)}); not the OASBUD layout");
        var dims = data.Dimensions;
        if (dims.Length != 2 || Math.Min(dims[0], dims[1]) > 1)
            throw new BreastSegInputException(path, $"the '{OasbudFile.VariableName}' struct array is {data.ShapeText}, expected 1xN");
        if (data.Count == 0) throw new BreastSegInputException(path, $"the '{OasbudFile.VariableName}' struct array is {data.ShapeText}: no cases");
        var summaries = new OasbudCaseSummary[(int)data.Count];
        for (int i = 0; i < summaries.Length; i++) summaries[i] = Check(i);
        Summaries = summaries;
        ClassCounts = summaries.GroupBy(s => s.ClassCode).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>Number of cases (rows of `data`).</summary>
    public int Count => Summaries.Count;

    /// <summary>The class coding in force; set it once the counts (<see cref="ClassCounts"/>) have settled which value
    /// means malignant.</summary>
    public ClassCoding Coding { get; set; }

    /// <summary>Sampling parameters given to every frame (the file carries none).</summary>
    public Acquisition Acquisition { get; }

    /// <summary>Number of cases per raw class value (0 and 1).</summary>
    public IReadOnlyDictionary<int, int> ClassCounts { get; }

    /// <summary>Per-case summaries (id, class, BI-RADS and shape, class, sum, min, max of rf1, rf2, roi1, roi2).</summary>
    public IReadOnlyList<OasbudCaseSummary> Summaries { get; }

    /// <summary>Number of malignant cases under <paramref name="coding"/>.</summary>
    public int MalignantCount(ClassCoding coding) => ClassCounts.GetValueOrDefault(OasbudFile.ClassValue(true, coding));

    /// <summary>Case <paramref name="index"/> (0-based) with its views as double frames and masks.</summary>
    public RfCase GetCase(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var summary = Summaries[index];
        var arrays = Arrays(index);
        var views = new List<RfView>();
        foreach (var (rfField, roiField) in OasbudFile.ViewFields)
        {
            var (rf, roi) = (arrays[rfField], arrays[roiField]);
            int samples = rf.Dimensions[0], lines = rf.Dimensions[1];
            var frame = new RfFrame(samples, lines, rf.ToDoubleArray(), Acquisition);
            var mask = roi.ToDoubleArray();
            views.Add(new RfView(frame, new LesionMask(samples, lines, Array.ConvertAll(mask, v => v != 0))));
        }
        bool malignant = summary.ClassCode == OasbudFile.ClassValue(true, Coding);
        return new RfCase(index, summary.Id, views, summary.BiRads, summary.ClassCode, malignant);
    }

    /// <summary>The RF and mask arrays of case <paramref name="index"/>; those left in the file are read in file order,
    /// so reading a compressed file case after case inflates it once.</summary>
    private Dictionary<string, MatNumeric> Arrays(int index)
    {
        var fields = OasbudFile.ViewFields.SelectMany(v => new[] { v.Rf, v.Roi }).ToList();
        var arrays = new Dictionary<string, MatNumeric>(StringComparer.Ordinal);
        var stored = new List<(string Field, MatSummary Summary)>();
        foreach (string field in fields)
        {
            switch (_data[index, field])
            {
                case MatNumeric n:
                    arrays[field] = n;
                    break;
                case MatSummary { Stored: not null } s when _file is not null:
                    stored.Add((field, s));
                    break;
                default:
                    throw new InvalidOperationException($"{Path} was read as summaries (for inspection); open it with OasbudFile.Open to read frames");
            }
        }
        if (stored.Count > 0)
            lock (_reading)
            {
                _arrays ??= MatFile.OpenDeferredArrays(Path, _file!.Value.Length, _file.Value.WriteTimeUtc);
                foreach (var (field, summary) in stored.OrderBy(s => s.Summary.Stored!.FileOrder))
                    arrays[field] = Checked(_arrays.Read(summary), summary, index, field);
            }
        return arrays;
    }

    // The array read now must be the one checked on opening (same shape and class), or the file changed in between.
    private MatNumeric Checked(MatNumeric array, MatSummary opened, int index, string field)
    {
        if (!array.Dimensions.SequenceEqual(opened.Dimensions) || array.ClassName != opened.ClassName || array.IsComplex != opened.IsComplex)
            throw new BreastSegInputException(Path, $"case {index}, {field}: the array is {array.ShapeText} {array.ClassName}, it was {opened.ShapeText} {opened.ClassName} when the file was opened (the file changed?)");
        return array;
    }

    /// <summary>Validates case <paramref name="index"/> and summarises it (a summary read from the file as is).</summary>
    private OasbudCaseSummary Check(int index)
    {
        string id = Label(index, "id", null);
        string who = $"case {index} (id '{id}')";
        string birads = Label(index, "birads", who);
        int classCode = ClassCode(index, who);
        var views = new Dictionary<string, ArraySummary>(StringComparer.Ordinal);
        foreach (var (rfField, roiField) in OasbudFile.ViewFields)
        {
            var rf = Numeric(index, rfField, who, "RF");
            var roi = Numeric(index, roiField, who, "mask");
            var shape = rf.Dimensions;
            if (shape.Length != 2 || shape[0] == 0 || shape[1] == 0)
                throw Error(who, rfField, $"the RF frame is empty or not 2-D ({rf.ShapeText})");
            if (!roi.Dimensions.SequenceEqual(shape))
                throw Error(who, rfField, $"the RF frame is {rf.ShapeText} but its mask {roiField} is {roi.ShapeText}");
            views[rfField] = CheckedSummary(rf, who, rfField);
            views[roiField] = CheckedSummary(roi, who, roiField);
        }
        return new OasbudCaseSummary(index, id, classCode, birads, new Dictionary<string, ArraySummary>
        {
            ["rf1"] = views["rf1"], ["rf2"] = views["rf2"], ["roi1"] = views["roi1"], ["roi2"] = views["roi2"],
        });
    }

    private BreastSegInputException Error(string who, string field, string problem) => new(Path, $"{who}, {field}: {problem}");

    /// <summary>A real numeric array or its summary.</summary>
    private MatValue Numeric(int index, string field, string who, string role)
    {
        var value = _data[index, field];
        bool complex = value switch
        {
            MatNumeric n => n.IsComplex,
            MatSummary s => s.IsComplex,
            _ => throw Error(who, field, $"the {role} is a {value.ClassName}, expected a numeric array"),
        };
        if (complex) throw Error(who, field, $"the {role} is complex, expected real samples");
        return value;
    }

    /// <summary>The array's summary, after checking that it holds no NaN or Inf.</summary>
    private ArraySummary CheckedSummary(MatValue array, string who, string field)
    {
        var (summary, badCount, bad) = array switch
        {
            MatSummary s => (ArraySummary.Of(s), s.NonFiniteCount, s.FirstNonFinite),
            _ => FoldedSummary((MatNumeric)array),
        };
        int rows = array.Dimensions[0];
        if (badCount > 0)
            throw Error(who, field, $"{badCount} NaN or Inf value{(badCount > 1 ? "s" : "")}, the first at sample {bad % rows}, line {bad / rows} (0-based)");
        return summary;
    }

    private static (ArraySummary Summary, long NonFinite, long First) FoldedSummary(MatNumeric array)
    {
        var fold = new SummaryAccumulator();
        fold.Add(array.Real, array.Real.Length);
        return (new ArraySummary(array.Dimensions, array.ClassName, fold.Sum, fold.Min, fold.Max), fold.NonFiniteCount, fold.FirstNonFinite);
    }

    /// <summary>The value of a real 1 x 1 numeric array or summary, or null.</summary>
    private static double? Scalar(MatValue value) => value switch
    {
        MatNumeric { Count: 1, IsComplex: false } n => n.ToDoubleArray()[0],
        MatSummary s => s.ScalarValue,
        _ => null,
    };

    /// <summary>A text field (id, birads): char as is, a numeric scalar formatted as MATLAB's num2str would.</summary>
    private string Label(int index, string field, string? who)
    {
        var value = _data[index, field];
        switch (value)
        {
            case MatChar c:
                return c.Text.Trim();
            case var _ when Scalar(value) is { } number:
                return number.ToString("G15", CultureInfo.InvariantCulture);
            default:
                throw Error(who ?? $"case {index}", field, $"expected text or a number, found a {value.ShapeText} {value.ClassName}");
        }
    }

    private int ClassCode(int index, string who)
    {
        var value = _data[index, "class"];
        if (Scalar(value) is { } v)
        {
            if (v is 0 or 1) return (int)v;
            throw Error(who, "class", $"the class is {v.ToString(CultureInfo.InvariantCulture)}, expected 0 or 1");
        }
        throw Error(who, "class", $"expected a 1x1 number (0 or 1), found a {value.ShapeText} {value.ClassName}");
    }
}
