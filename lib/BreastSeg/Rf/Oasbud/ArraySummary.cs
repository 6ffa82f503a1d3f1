using BreastSeg.Rf.Mat;

namespace BreastSeg.Rf;

/// <summary>What `inspect` shows of one array: shape (rows first), MATLAB class, and the sum, minimum and maximum of
/// its real part (NaN for an empty array).</summary>
/// <param name="Shape">Dimensions as MATLAB reports them, rows first.</param>
/// <param name="ClassName">MATLAB class ("int16", "uint8", "logical", ...).</param>
/// <param name="Sum">Sum of all elements (for a mask: the lesion area in pixels).</param>
/// <param name="Min">Smallest element.</param>
/// <param name="Max">Largest element.</param>
public sealed record ArraySummary(int[] Shape, string ClassName, double Sum, double Min, double Max)
{
    /// <summary>The summary folded while an array streamed past (<see cref="MatFile.ReadSummaries"/>).</summary>
    public static ArraySummary Of(MatSummary array) => new(array.Dimensions, array.ClassName, array.Sum, array.Min, array.Max);
}

/// <summary>One row of `inspect` for an OASBUD-layout file.</summary>
/// <param name="Index">Row of the case in the struct array (0-based).</param>
/// <param name="Id">The id label.</param>
/// <param name="ClassCode">The file's class value (0 or 1).</param>
/// <param name="BiRads">BI-RADS category text.</param>
/// <param name="Views">Summaries of rf1, rf2, roi1 and roi2, keyed by field name.</param>
public sealed record OasbudCaseSummary(int Index, string Id, int ClassCode, string BiRads, IReadOnlyDictionary<string, ArraySummary> Views);
