#:project ../lib/BreastSeg/BreastSeg.csproj
// Renders example simulated frames as PNGs, B-mode (envelope, 50 dB log compression) beside the default entropy map
// (MapOptions defaults; grey levels over the map's 1st-99th percentiles), and times the simulator.
// Usage: dotnet run tools/SimulatedExamples.cs -- OUT_DIR [SEED] [CASES]
using System.Diagnostics;
using BreastSeg.IO;
using BreastSeg.Notebooks.Display;
using BreastSeg.Maps;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;

string outDir = args.Length > 0 ? args[0] : "figures/simulated-examples";
long seed = args.Length > 1 ? long.Parse(args[1]) : 1;
int show = args.Length > 2 ? int.Parse(args[2]) : 4;
Directory.CreateDirectory(outDir);
var options = new CohortOptions { Seed = seed, Cases = 269 };
var all = CaseGenerator.DescribeCohort(options);
// A spiculated shadowing carcinoma, a fibroadenoma-like mass, a cyst and a carcinoma without spicules.
var picks = new Func<CaseDescription, bool>[]
{
    d => d.Mass.Class == MassClass.Malignant && d.Mass.Shape.Spicules.Count > 0 && d.Mass.Shadowing,
    d => d.Mass.Class == MassClass.Benign,
    d => d.Mass.Class == MassClass.Cyst,
    d => d.Mass.Class == MassClass.Malignant && d.Mass.Shape.Spicules.Count == 0,
}.Select(p => all.First(p)).Take(show).ToArray();

// Timing: phantom + RF of one view on one thread, after a warm-up.
var warm = PhantomBuilder.Build(picks[0], 0, options.Scanner);
RfSimulator.Simulate(warm.Phantom, options.Scanner, picks[0].TransmitFocusMm, 1);
foreach (var d in picks)
{
    var sw = Stopwatch.StartNew();
    var (phantom, mask) = PhantomBuilder.Build(d, 0, options.Scanner);
    double build = sw.Elapsed.TotalSeconds;
    var frame = RfSimulator.Simulate(phantom, options.Scanner, d.TransmitFocusMm, d.Views[0].Seed);
    double total = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"{d.Id} {d.Mass.Class} BI-RADS {d.BiRads}: {frame.Samples}x{frame.Lines}, phantom {build:F3} s, phantom+RF {total:F3} s");
    for (int v = 0; v < d.Views.Count; v++)
    {
        var (p, m) = v == 0 ? (phantom, mask) : PhantomBuilder.Build(d, v, options.Scanner);
        var f = v == 0 ? frame : RfSimulator.Simulate(p, options.Scanner, d.TransmitFocusMm, d.Views[v].Seed);
        var env = Envelope.Compute(f);
        var entropy = ParametricMaps.Compute(f, new MapOptions(), MapKind.Entropy).Entropy!;
        WritePng(Path.Combine(outDir, $"{d.Id}-{d.Mass.Class.ToString().ToLowerInvariant()}-view{v + 1}.png"), env, entropy, m.Data, f.Samples, f.Lines,
            f.AxialSpacingMm, f.LinePitchMm);
    }
}

// B-mode (envelope normalised to its maximum, 50 dB) and, to its right after a 6-pixel gap, the entropy map (grey
// levels over its 1st-99th percentiles), both resampled to square pixels (0.075 mm), mask outline in white dots.
static void WritePng(string path, double[] env, double[] entropy, bool[] mask, int n, int lines, double dz, double pitch)
{
    double max = env.Max();
    var sorted = entropy.Where(double.IsFinite).Order().ToArray();
    double lo = sorted[(int)(0.01 * (sorted.Length - 1))], hi = sorted[(int)(0.99 * (sorted.Length - 1))];
    int rows = (int)(n * dz / pitch), gap = 6, width = 2 * lines + gap;
    var rgb = new byte[rows * width * 3];
    for (int r = 0; r < rows; r++)
    {
        int i = Math.Min(n - 1, (int)(r * pitch / dz)), i1 = Math.Min(n, (int)((r + 1) * pitch / dz));
        for (int j = 0; j < lines; j++)
        {
            // Mean intensity (and mean entropy) over the samples this row covers (no aliasing of the finer speckle).
            double p = 0, h = 0;
            int count = Math.Max(i1, i + 1) - i;
            for (int k = i; k < i + count; k++) { p += env[j * n + k] * env[j * n + k]; h += entropy[j * n + k]; }
            double db = 10 * Math.Log10(Math.Max(p / count, 1e-24) / (max * max));
            byte g = (byte)Math.Clamp((db + 50) / 50 * 255, 0, 255);
            byte e = (byte)Math.Clamp((h / count - lo) / Math.Max(hi - lo, 1e-12) * 255, 0, 255);
            bool edge = mask[j * n + i] && (j == 0 || j == lines - 1 || !mask[(j - 1) * n + i] || !mask[(j + 1) * n + i]
                                            || i == 0 || i == n - 1 || !mask[j * n + Math.Max(0, i - 3)] || !mask[j * n + Math.Min(n - 1, i + 3)]);
            bool dot = edge && (r + j) % 4 == 0;
            rgb.AsSpan((r * width + j) * 3, 3).Fill(dot ? (byte)255 : g);
            rgb.AsSpan((r * width + lines + gap + j) * 3, 3).Fill(dot ? (byte)255 : e);
        }
        rgb.AsSpan((r * width + lines) * 3, gap * 3).Fill(0);
    }
    AtomicFile.WriteAllBytes(path, Png.Encode(width, rows, rgb));
}
