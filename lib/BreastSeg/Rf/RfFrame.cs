namespace BreastSeg.Rf;

/// <summary>
/// One beamformed RF frame: <see cref="Samples"/> depth samples by <see cref="Lines"/> scan lines, stored column-major
/// (MATLAB order): sample <c>i</c> of line <c>j</c> is <c>Data[j * Samples + i]</c>, so each scan line is contiguous.
/// </summary>
public sealed class RfFrame
{
    /// <summary>Creates a frame over existing column-major data (not copied).</summary>
    public RfFrame(int samples, int lines, double[] data, Acquisition? acquisition = null)
    {
        if (samples <= 0 || lines <= 0) throw new ArgumentOutOfRangeException(nameof(samples), "a frame needs at least one sample and one line");
        if (data.Length != (long)samples * lines) throw new ArgumentException($"data holds {data.Length} values, expected {samples} x {lines}", nameof(data));
        Samples = samples;
        Lines = lines;
        Data = data;
        Acquisition = acquisition ?? Acquisition.Oasbud;
    }

    /// <summary>Depth samples per scan line (rows).</summary>
    public int Samples { get; }

    /// <summary>Scan lines (columns).</summary>
    public int Lines { get; }

    /// <summary>Column-major samples (arbitrary units; int16 counts for scanner data).</summary>
    public double[] Data { get; }

    /// <summary>Sampling parameters.</summary>
    public Acquisition Acquisition { get; }

    /// <summary>Sample <paramref name="sample"/> of scan line <paramref name="line"/>.</summary>
    public double this[int sample, int line] => Data[line * Samples + sample];

    /// <summary>One scan line (contiguous).</summary>
    public ReadOnlySpan<double> Line(int line) => Data.AsSpan(line * Samples, Samples);

    /// <summary>Axial sample spacing (mm).</summary>
    public double AxialSpacingMm => Acquisition.AxialSpacingMm;

    /// <summary>Lateral line pitch (mm).</summary>
    public double LinePitchMm => Acquisition.LinePitchMm(Lines);

    /// <summary>Depth of each sample (mm), from 0 at the first sample.</summary>
    public double[] AxialMm() => Enumerable.Range(0, Samples).Select(i => i * AxialSpacingMm).ToArray();

    /// <summary>Lateral position of each line (mm), centred on the aperture.</summary>
    public double[] LateralMm() => Enumerable.Range(0, Lines).Select(j => (j - (Lines - 1) / 2.0) * LinePitchMm).ToArray();
}
