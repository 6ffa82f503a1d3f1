using System.Globalization;
using System.Text.Json;
using BreastSeg.Rf.Ultrasonix;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg inspect FILE.rf|.b8|.b32 [--json]`: the header of an Ultrasonix research file and a summary of
/// every frame (sum, min, max, saturated samples), read one frame at a time.</summary>
internal static class InspectUltrasonix
{
    public static void Run(string path, bool json, TextWriter stdout)
    {
        var file = UltrasonixFile.Open(path);
        var h = file.Header;
        var acquisition = file.IsRf && h.Probe == 2 && h.SamplingFrequencyHz > 0 ? file.Acquisition() : null;
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("format", "ultrasonix");
                w.WriteNumber("type", h.Type);
                w.WriteString("typeName", h.TypeName);
                w.WriteNumber("frames", h.Frames);
                w.WriteNumber("lines", h.Width);
                w.WriteNumber("samples", h.Height);
                w.WriteNumber("sampleBits", h.SampleBits);
                w.WriteNumber("probe", h.Probe);
                w.WriteNumber("transmitFrequencyHz", h.TransmitFrequencyHz);
                w.WriteNumber("samplingFrequencyHz", h.SamplingFrequencyHz);
                w.WriteNumber("dataRate", h.DataRate);
                w.WriteNumber("lineDensity", h.LineDensity);
                w.WriteNumber("extra", h.Extra);
                w.WriteStartArray("regionOfInterest");
                foreach (int v in h.RegionOfInterest) w.WriteNumberValue(v);
                w.WriteEndArray();
                w.WriteBoolean("frameTags", file.HasFrameTags);
                w.WriteNumber("fileBytes", file.FileBytes);
                if (acquisition is not null)
                {
                    w.WriteNumber("axialSpacingMm", acquisition.AxialSpacingMm);
                    w.WriteNumber("linePitchMm", acquisition.LinePitchMm(h.Width));
                    w.WriteNumber("apertureMm", acquisition.ApertureMm);
                    w.WriteNumber("depthMm", h.Height * acquisition.AxialSpacingMm);
                }
                w.WriteStartArray("frameSummaries");
                foreach (var s in file.SummarizeFrames())
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", s.Index);
                    if (s.Tag is int tag) w.WriteNumber("tag", tag);
                    w.WriteNumber("sum", s.Sum);
                    w.WriteNumber("min", s.Min);
                    w.WriteNumber("max", s.Max);
                    if (s.Saturated is long sat) w.WriteNumber("saturated", sat);
                    else w.WriteNull("saturated");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        string N(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
        stdout.WriteLine($"{path}: Ultrasonix {h.TypeName} (type {h.Type}), {h.Frames} frame{(h.Frames == 1 ? "" : "s")} of {h.Width} {(file.IsRf ? "lines" : "columns")} x {h.Height} {(file.IsRf ? "samples" : "rows")}, {h.SampleBits}-bit{(file.HasFrameTags ? ", frame tags" : "")}");
        stdout.WriteLine($"probe {h.Probe}, transmit {N(h.TransmitFrequencyHz / 1e6)} MHz, sampling {N(h.SamplingFrequencyHz / 1e6)} MHz, line density {h.LineDensity}, data rate {h.DataRate}, ROI [{string.Join(", ", h.RegionOfInterest)}]");
        if (acquisition is not null)
            stdout.WriteLine($"grid: {N(acquisition.AxialSpacingMm)} mm per sample (c = {N(acquisition.SoundSpeed)} m/s), line pitch {N(acquisition.LinePitchMm(h.Width))} mm ({N(acquisition.ApertureMm)} mm aperture, the L14-5/38 default), {N(h.Height * acquisition.AxialSpacingMm)} mm deep");
        foreach (var s in file.SummarizeFrames())
            stdout.WriteLine($"frame {s.Index}{(s.Tag is int t ? $" (tag {t})" : "")}: sum {N(s.Sum)}, min {N(s.Min)}, max {N(s.Max)}{(s.Saturated is long sat ? $", saturated {sat}" : "")}");
    }
}
