namespace BreastSeg.Rf.Ultrasonix;

/// <summary>Sum, range and saturation of one frame's stored values.</summary>
/// <param name="Index">Frame index (0-based).</param>
/// <param name="Tag">The frame's 4-byte frame number where the file has tags, else null.</param>
/// <param name="Sum">Sum of the stored values (int16 counts, or pixel values).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Saturated">RF: samples at the int16 limits (-32768 or 32767); null for B-mode images.</param>
public sealed record UltrasonixFrameSummary(int Index, int? Tag, double Sum, double Min, double Max, long? Saturated);
