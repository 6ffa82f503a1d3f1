using System.Buffers.Binary;
using System.Globalization;
using BreastSeg.IO;

namespace BreastSeg.Rf.Ultrasonix;

/// <summary>
/// An Ultrasonix research file opened for reading one frame at a time: .rf (type 16, int16 RF, w lines of h samples
/// per frame, each line contiguous) as the kit's <see cref="RfFrame"/>, and .b8 / .b32 (types 4 and 8, the scanner's
/// scan-converted B-mode, h rows of w pixels per frame, row after row) as <see cref="UltrasonixImage"/>. Frames follow
/// the 76-byte header back to back, or (older scanner software) each after a 4-byte frame number; the layout is told
/// apart by the file size, and any other size is refused. Nothing is allocated from the header's sizes before they
/// agree with the file size, and every frame array passes <see cref="MemoryCap.Check"/>.
/// </summary>
public sealed class UltrasonixFile
{
    /// <summary>Aperture (mm) of the L14-5/38 (probe id 2): 128 elements over 38 mm.</summary>
    public const double L14_5_38ApertureMm = 38;

    /// <summary>Largest plausible w or h (a header beyond it is corrupt, whatever the file size).</summary>
    public const int MaxDimension = 1 << 16;

    private UltrasonixFile(string path, UltrasonixHeader header, long fileBytes, bool tagged)
    {
        Path = path;
        Header = header;
        FileBytes = fileBytes;
        HasFrameTags = tagged;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The header.</summary>
    public UltrasonixHeader Header { get; }

    /// <summary>File size (bytes).</summary>
    public long FileBytes { get; }

    /// <summary>Whether every frame is preceded by a 4-byte frame number (older scanner software).</summary>
    public bool HasFrameTags { get; }

    /// <summary>Frames in the file.</summary>
    public int Frames => Header.Frames;

    /// <summary>Whether the file holds RF (type 16).</summary>
    public bool IsRf => Header.Type == UltrasonixHeader.RfType;

    /// <summary>Bytes per stored value.</summary>
    public int BytesPerValue => Header.SampleBits / 8;

    /// <summary>Bytes of one frame's values (without its tag).</summary>
    public long FrameBytes => (long)Header.Width * Header.Height * BytesPerValue;

    /// <summary>Whether <paramref name="path"/> looks like an Ultrasonix file: extension .rf, .b8 or .b32.</summary>
    public static bool HasUltrasonixExtension(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".rf" or ".b8" or ".b32";

    /// <summary>Opens and checks <paramref name="path"/>; every problem is one <see cref="BreastSegInputException"/> naming the file.</summary>
    public static UltrasonixFile Open(string path)
    {
        if (!File.Exists(path)) throw new BreastSegInputException(path, "file not found");
        long size = new FileInfo(path).Length;
        if (size < UltrasonixHeader.Bytes)
            throw new BreastSegInputException(path, $"{size} bytes, shorter than the {UltrasonixHeader.Bytes}-byte Ultrasonix header");
        var bytes = new byte[UltrasonixHeader.Bytes];
        using (var stream = File.OpenRead(path)) stream.ReadExactly(bytes);
        var h = UltrasonixHeader.Parse(bytes);
        int expectedBits = h.Type switch { UltrasonixHeader.RfType => 16, UltrasonixHeader.B8Type => 8, UltrasonixHeader.B32Type => 32, _ => 0 };
        if (expectedBits == 0)
            throw new BreastSegInputException(path, $"data type {h.Type} ({h.TypeName}) is not supported; the kit reads .rf (16), .b8 (4) and .b32 (8)");
        if (h.SampleBits != expectedBits)
            throw new BreastSegInputException(path, $"header gives {h.SampleBits}-bit samples for {h.TypeName} data, which has {expectedBits}");
        string Dims() => $"{h.Frames} frames x {h.Width} x {h.Height}";
        if (h.Frames < 1 || h.Width < 1 || h.Height < 1)
            throw new BreastSegInputException(path, $"header declares {Dims()}: every dimension must be at least 1");
        if (h.Width > MaxDimension || h.Height > MaxDimension)
            throw new BreastSegInputException(path, $"header declares {Dims()}: w and h above {MaxDimension} are not plausible (corrupt header)");
        long frameBytes = (long)h.Width * h.Height * (expectedBits / 8); // < 2^16 * 2^16 * 4, no overflow
        long plain = MemoryCap.Product(h.Frames, frameBytes), tagged = MemoryCap.Product(h.Frames, frameBytes + 4);
        long data = size - UltrasonixHeader.Bytes;
        if (data == plain) return new UltrasonixFile(path, h, size, false);
        if (data == tagged) return new UltrasonixFile(path, h, size, true);
        string implied = $"{Dims()} x {expectedBits / 8} bytes implies {UltrasonixHeader.Bytes + plain} bytes ({UltrasonixHeader.Bytes + tagged} with frame tags)";
        string problem = data == 0 ? $"header only, no frame data: the header's {implied}"
            : data < plain ? $"truncated: {size} bytes, but the header's {implied}"
            : $"{size} bytes does not match the header: {implied}";
        throw new BreastSegInputException(path, problem);
    }

    /// <summary>
    /// The sampling of an .rf file's frames: fs and f0 from the header, c = 1540 m/s, the aperture from
    /// <paramref name="apertureMm"/> or, for probe id 2 (L14-5/38), 38 mm. Other probes need the aperture stated.
    /// </summary>
    public Acquisition Acquisition(double? apertureMm = null)
    {
        double aperture = apertureMm ?? (Header.Probe == 2 ? L14_5_38ApertureMm
            : throw new BreastSegInputException(Path, $"probe id {Header.Probe} has no known aperture; state it (--aperture-mm, or apertureMm)"));
        if (!(aperture > 0) || double.IsInfinity(aperture)) throw new BreastSegInputException("--aperture-mm", $"aperture {aperture.ToString(CultureInfo.InvariantCulture)} mm must be positive");
        if (Header.SamplingFrequencyHz <= 0)
            throw new BreastSegInputException(Path, $"header gives a sampling frequency of {Header.SamplingFrequencyHz} Hz");
        var defaults = Rf.Acquisition.Oasbud;
        return defaults with
        {
            SamplingFrequencyHz = Header.SamplingFrequencyHz,
            ApertureMm = aperture,
            CenterFrequencyHz = Header.TransmitFrequencyHz > 0 ? Header.TransmitFrequencyHz : defaults.CenterFrequencyHz,
        };
    }

    /// <summary>Reads RF frame <paramref name="index"/> (0-based) as samples x lines int16 counts on the mm grid of
    /// <see cref="Acquisition(double?)"/>.</summary>
    public RfFrame ReadRfFrame(int index, double? apertureMm = null)
    {
        if (!IsRf) throw new BreastSegInputException(Path, $"holds {Header.TypeName} images, not RF (type 16)");
        var acquisition = Acquisition(apertureMm);
        CheckIndex(index);
        long count = (long)Header.Width * Header.Height;
        MemoryCap.Check(Path, "frame", MemoryCap.Product(count, sizeof(double)));
        var data = new double[count];
        long k = 0;
        Stream(index, (chunk) =>
        {
            for (int i = 0; i + 1 < chunk.Length; i += 2) data[k++] = BinaryPrimitives.ReadInt16LittleEndian(chunk.Slice(i, 2));
        });
        return new RfFrame(Header.Height, Header.Width, data, acquisition);
    }

    /// <summary>Reads B-mode frame <paramref name="index"/> (0-based) of a .b8 or .b32 file.</summary>
    /// <param name="index">Frame index.</param>
    /// <param name="apertureMm">Lateral extent of the region of interest (mm); default 38 mm for probe id 2.</param>
    public UltrasonixImage ReadImage(int index, double? apertureMm = null)
    {
        if (IsRf) throw new BreastSegInputException(Path, "holds RF (type 16); read it with ReadRfFrame");
        CheckIndex(index);
        int rows = Header.Height, cols = Header.Width;
        MemoryCap.Check(Path, "frame", MemoryCap.Product((long)rows * cols, sizeof(double)));
        var pixels = new double[(long)rows * cols];
        long k = 0;
        int step = BytesPerValue;
        Stream(index, chunk =>
        {
            for (int i = 0; i + step - 1 < chunk.Length; i += step, k++)
            {
                // Stored row after row (r * cols + c); kept column-major (c * rows + r) like the kit's maps.
                long r = k / cols, c = k % cols;
                pixels[c * rows + r] = step == 1 ? chunk[i] : 0.114 * chunk[i] + 0.587 * chunk[i + 1] + 0.299 * chunk[i + 2]; // BGRA
            }
        });
        var roi = Header.RegionOfInterest;
        int roiWidth = Math.Max(roi[2], roi[4]) - Math.Min(roi[0], roi[6]);
        double aperture = apertureMm ?? (Header.Probe == 2 ? L14_5_38ApertureMm : double.NaN);
        double pixelMm = roiWidth > 0 ? aperture / roiWidth : aperture / cols;
        return new UltrasonixImage(rows, cols, pixels, pixelMm, roi);
    }

    /// <summary>Sum, range and saturation of frame <paramref name="index"/>, streamed (no frame array is allocated).</summary>
    public UltrasonixFrameSummary Summarize(int index)
    {
        CheckIndex(index);
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        long saturated = 0;
        int step = BytesPerValue;
        Stream(index, chunk =>
        {
            for (int i = 0; i + step - 1 < chunk.Length; i += step)
            {
                double v = step switch
                {
                    2 => BinaryPrimitives.ReadInt16LittleEndian(chunk.Slice(i, 2)),
                    1 => chunk[i],
                    _ => 0.114 * chunk[i] + 0.587 * chunk[i + 1] + 0.299 * chunk[i + 2],
                };
                sum += v;
                if (v < min) min = v;
                if (v > max) max = v;
                if (step == 2 && v is short.MinValue or short.MaxValue) saturated++;
            }
        });
        return new UltrasonixFrameSummary(index, HasFrameTags ? ReadTag(index) : null, sum, min, max, IsRf ? saturated : null);
    }

    /// <summary>Summaries of every frame, one frame at a time.</summary>
    public IEnumerable<UltrasonixFrameSummary> SummarizeFrames()
    {
        for (int f = 0; f < Frames; f++) yield return Summarize(f);
    }

    private long FrameOffset(int index) => UltrasonixHeader.Bytes + index * (FrameBytes + (HasFrameTags ? 4 : 0)) + (HasFrameTags ? 4 : 0);

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Frames)
            throw new BreastSegInputException(Path, $"frame {index} does not exist: the file has {Frames} frame{(Frames == 1 ? "" : "s")} (0-based, 0 to {Frames - 1})");
    }

    private int ReadTag(int index)
    {
        using var stream = File.OpenRead(Path);
        stream.Position = FrameOffset(index) - 4;
        Span<byte> tag = stackalloc byte[4];
        stream.ReadExactly(tag);
        return BinaryPrimitives.ReadInt32LittleEndian(tag);
    }

    /// <summary>Passes the frame's bytes to <paramref name="consume"/> in chunks of whole values.</summary>
    private void Stream(int index, SpanAction consume)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Position = FrameOffset(index);
        int step = BytesPerValue;
        var buffer = new byte[(1 << 16) / step * step];
        long left = FrameBytes;
        while (left > 0)
        {
            int want = (int)Math.Min(buffer.Length, left);
            int got = stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
            if (got < want) throw new BreastSegInputException(Path, $"frame {index} ends early (the file changed while reading?)");
            consume(buffer.AsSpan(0, got));
            left -= got;
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> chunk);
}
