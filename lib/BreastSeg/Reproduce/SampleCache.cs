using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Training;

namespace BreastSeg.Reproduce;

/// <summary>
/// Network-grid inputs and targets of every view, stored once per (data, map parameters, size) so a re-run or a new
/// model does not recompute the maps. The RF-grid masks needed for evaluation are not stored: they are read back from
/// the cohort file, which is cheaper than storing ~1 MB per view.
/// </summary>
public static class SampleCache
{
    private const int Magic = 0x42534331; // "BSC1"

    /// <summary>Writes <paramref name="samples"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyList<SegmentationSample> samples) => AtomicFile.Write(path, stream =>
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(samples.Count);
        foreach (var s in samples)
        {
            w.Write(s.CaseIndex);
            w.Write(s.View);
            w.Write(s.CaseId);
            w.Write(s.Malignant);
            w.Write(s.Size);
            w.Write(s.Input.Length);
            foreach (float v in s.Input) w.Write(v);
            w.Write(s.Target.Length);
            foreach (bool b in s.Target) w.Write(b);
        }
    });

    /// <summary>Reads a cache written by <see cref="Save"/>, attaching each view's RF-grid mask from
    /// <paramref name="dataset"/>; null when the file is missing or does not match the data set.</summary>
    public static List<SegmentationSample>? Load(string path, OasbudDataset dataset)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(File.OpenRead(path));
            if (r.ReadInt32() != Magic) return null;
            int count = r.ReadInt32();
            long remaining = r.BaseStream.Length;
            if (count < 0 || count > remaining) return null;
            var raw = new List<(int Case, int View, string Id, bool Malignant, int Size, float[] Input, bool[] Target)>(count);
            for (int i = 0; i < count; i++)
            {
                int caseIndex = r.ReadInt32(), view = r.ReadInt32();
                string id = r.ReadString();
                bool malignant = r.ReadBoolean();
                int size = r.ReadInt32();
                int n = r.ReadInt32();
                if (n < 0 || (long)n * 4 > remaining) return null;
                var input = new float[n];
                for (int k = 0; k < n; k++) input[k] = r.ReadSingle();
                int m = r.ReadInt32();
                if (m < 0 || m > remaining) return null;
                var target = new bool[m];
                for (int k = 0; k < m; k++) target[k] = r.ReadBoolean();
                raw.Add((caseIndex, view, id, malignant, size, input, target));
            }
            var samples = new List<SegmentationSample>(count);
            foreach (var group in raw.GroupBy(s => s.Case))
            {
                if (group.Key < 0 || group.Key >= dataset.Count) return null;
                var rfCase = dataset.GetCase(group.Key);
                foreach (var s in group)
                {
                    if (s.View >= rfCase.Views.Count) return null;
                    var (frame, mask) = rfCase.Views[s.View];
                    samples.Add(new SegmentationSample(s.Case, s.View, s.Id, s.Malignant, s.Input, s.Target, s.Size, mask,
                        frame.AxialSpacingMm, frame.LinePitchMm));
                }
            }
            return samples;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>The samples with only the channels <paramref name="channels"/> (indices into the stored stack).</summary>
    public static List<SegmentationSample> SelectChannels(IReadOnlyList<SegmentationSample> samples, IReadOnlyList<int> channels) =>
        samples.Select(s =>
        {
            int plane = s.Size * s.Size;
            var input = new float[channels.Count * plane];
            for (int c = 0; c < channels.Count; c++) Array.Copy(s.Input, channels[c] * plane, input, c * plane, plane);
            return s with { Input = input };
        }).ToList();
}
