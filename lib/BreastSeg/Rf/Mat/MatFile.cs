namespace BreastSeg.Rf.Mat;

// CONTRACT STUB (issue 2).

/// <summary>Reads and writes MAT files: Level-5 (v6, v7 compressed) and, for reading, v7.3 (HDF5).</summary>
public static class MatFile
{
    /// <summary>Reads every variable. Bad files raise <see cref="IO.BreastSegInputException"/> naming the file.</summary>
    public static IReadOnlyDictionary<string, MatValue> Read(string path) => throw new NotImplementedException();

    /// <summary>Writes a MAT Level-5 file (zlib-compressed elements) atomically.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, MatValue>> variables) => throw new NotImplementedException();
}
