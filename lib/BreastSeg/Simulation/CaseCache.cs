using System.Text;
using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>
/// Finished cases of an interrupted cohort run, one file per case (int16 RF and mask bytes), so running the same
/// command again resumes instead of starting over. A fingerprint of the cohort options guards against reusing cases
/// of a different cohort: when it differs, the old cases are discarded.
/// </summary>
public sealed class CaseCache
{
    private const string Magic = "BSSIMCASE1";
    private readonly string directory;

    /// <summary>Opens (or creates) the cache directory for cohorts with <paramref name="fingerprint"/>.</summary>
    public CaseCache(string directory, string fingerprint)
    {
        this.directory = directory;
        Directory.CreateDirectory(directory);
        string stamp = Path.Combine(directory, "fingerprint.txt");
        if (!File.Exists(stamp) || File.ReadAllText(stamp) != fingerprint)
        {
            foreach (var f in Directory.EnumerateFiles(directory, "*.case")) File.Delete(f);
            AtomicFile.WriteAllText(stamp, fingerprint);
        }
    }

    /// <summary>The cache directory for an output file: FILE.parts beside it.</summary>
    public static string DirectoryFor(string outputPath) => Path.GetFullPath(outputPath) + ".parts";

    /// <summary>Number of cases stored.</summary>
    public int Count => Directory.EnumerateFiles(directory, "*.case").Count();

    /// <summary>The stored case for <paramref name="d"/>, or null.</summary>
    public RfCase? TryLoad(CaseDescription d, Acquisition acquisition)
    {
        string path = PathOf(d.Index);
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(File.OpenRead(path));
            if (r.ReadString() != Magic || r.ReadInt32() != d.Index) return null;
            int views = r.ReadInt32();
            var list = new RfView[views];
            for (int v = 0; v < views; v++)
            {
                int n = r.ReadInt32(), lines = r.ReadInt32();
                var rf = new double[n * lines];
                for (int k = 0; k < rf.Length; k++) rf[k] = r.ReadInt16();
                var mask = r.ReadBytes(n * lines).Select(b => b != 0).ToArray();
                if (mask.Length != rf.Length) return null;
                list[v] = new RfView(new RfFrame(n, lines, rf, acquisition), new LesionMask(n, lines, mask));
            }
            return new RfCase(d.Index, d.Id, list, d.BiRads, d.Malignant ? 1 : 0, d.Malignant);
        }
        catch (EndOfStreamException)
        {
            return null; // a damaged part is simulated again
        }
    }

    /// <summary>Stores a finished case (atomically). Frames must hold int16 values.</summary>
    public void Store(RfCase c) =>
        AtomicFile.Write(PathOf(c.Index), s =>
        {
            using var w = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(c.Index);
            w.Write(c.Views.Count);
            foreach (var v in c.Views)
            {
                w.Write(v.Frame.Samples);
                w.Write(v.Frame.Lines);
                foreach (double x in v.Frame.Data) w.Write((short)Math.Clamp(Math.Round(x), short.MinValue, short.MaxValue));
                foreach (bool b in v.Mask.Data) w.Write(b ? (byte)1 : (byte)0);
            }
        });

    /// <summary>Deletes the cache (after the output was written).</summary>
    public void Delete() => Directory.Delete(directory, recursive: true);

    private string PathOf(int index) => Path.Combine(directory, $"{index:D5}.case");
}
