using System.CommandLine;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf.Mat;
using BreastSeg.Rf.Ultrasonix;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg maps FILE.rf --frame N [--aperture-mm A] --out OUT.mat`: the maps of one frame of an Ultrasonix
/// RF file, one double variable per map (samples x lines) plus the grid (axialSpacingMm, linePitchMm).</summary>
internal static partial class MapsCommand
{
    private static (Option<int> Frame, Option<double?> Aperture) UltrasonixOptions() => (
        new Option<int>("--frame") { Description = "Ultrasonix .rf input: frame to map (0-based)", DefaultValueFactory = _ => 0 },
        new Option<double?>("--aperture-mm") { Description = "Ultrasonix .rf input: lateral extent of the scan lines (mm; default 38 for the L14-5/38, probe id 2)" });

    private static int RunUltrasonix(MapsRequest request, TextWriter stdout)
    {
        var file = UltrasonixFile.Open(request.Input);
        var frame = file.ReadRfFrame(request.Frame, request.ApertureMm);
        var set = WithOptionNames(request.Input, () => ParametricMaps.Compute(frame, request.Options, request.Kinds), $"frame {request.Frame}");
        var result = request.Kinds.Select(k => new KeyValuePair<string, MatValue>(KindNames[(int)k], MatNumeric.FromDoubles(set.Samples, set.Lines, set.Get(k)!))).ToList();
        result.Add(new("axialSpacingMm", MatNumeric.FromDoubles(1, 1, [frame.AxialSpacingMm])));
        result.Add(new("linePitchMm", MatNumeric.FromDoubles(1, 1, [frame.LinePitchMm])));
        MatFile.Write(request.Output, result);
        stdout.WriteLine($"maps: wrote {request.Output} (frame {request.Frame} of {file.Frames}, {frame.Samples} samples x {frame.Lines} lines)");
        return 0;
    }
}
