namespace BreastSeg.Rf;

// CONTRACT STUB (issue 2).

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
    /// <summary>Opens an OASBUD-layout file; frames are converted to <see cref="RfFrame"/> per case on demand.</summary>
    public static OasbudDataset Open(string path, ClassCoding coding = ClassCoding.OneIsMalignant, Acquisition? acquisition = null) => throw new NotImplementedException();

    /// <summary>Writes cases in the OASBUD layout (RF as int16, rounded and clipped; masks as uint8), atomically.</summary>
    public static void Write(string path, IEnumerable<RfCase> cases, ClassCoding coding = ClassCoding.OneIsMalignant) => throw new NotImplementedException();
}

/// <summary>An opened OASBUD-layout data set.</summary>
public sealed class OasbudDataset
{
    /// <summary>The file it was read from.</summary>
    public string Path => throw new NotImplementedException();

    /// <summary>Number of cases (rows of `data`).</summary>
    public int Count => throw new NotImplementedException();

    /// <summary>The class coding in force.</summary>
    public ClassCoding Coding => throw new NotImplementedException();

    /// <summary>Case <paramref name="index"/> (0-based) with its views as double frames and masks.</summary>
    public RfCase GetCase(int index) => throw new NotImplementedException();
}
