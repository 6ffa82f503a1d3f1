namespace BreastSeg.Rf.Mat;

/// <summary>A problem in the structure of a MAT file; <see cref="MatFile"/> reports it as a
/// <see cref="IO.BreastSegInputException"/> naming the file.</summary>
internal sealed class MatFormatException(string problem) : Exception(problem);
