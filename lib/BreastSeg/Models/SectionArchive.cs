using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Models;

/// <summary>
/// A small container of named byte sections (magic, then name / length / bytes per section), the layout of the kit's
/// model files and training checkpoints. Tensors inside are PyTorch pickles written by TorchSharp.PyBridge, so each
/// section can also be extracted and read by PyTorch's torch.load.
/// </summary>
internal static class SectionArchive
{
    private static readonly byte[] Magic = "BREASTSEG-ARCHIVE-1\n"u8.ToArray();

    public static void Write(string path, IReadOnlyList<(string Name, byte[] Bytes)> sections) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(sections.Count);
            foreach (var (name, bytes) in sections)
            {
                w.Write(name);
                w.Write((long)bytes.Length);
                w.Write(bytes);
            }
        });

    public static Dictionary<string, byte[]> Read(string path, string what)
    {
        if (!File.Exists(path)) throw new BreastSegInputException(path, $"{what} not found");
        using var stream = File.OpenRead(path);
        long size = stream.Length;
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            byte[] magic = r.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw new BreastSegInputException(path, $"not a BreastSeg {what} (wrong signature)");
            int count = r.ReadInt32();
            if (count < 0 || count > 64) throw new BreastSegInputException(path, $"damaged {what}: {count} sections");
            var sections = new Dictionary<string, byte[]>();
            for (int i = 0; i < count; i++)
            {
                string name = r.ReadString();
                long length = r.ReadInt64();
                if (length < 0 || length > size - stream.Position)
                    throw new BreastSegInputException(path, $"damaged {what}: section '{name}' claims {length} bytes, only {size - stream.Position} remain");
                sections[name] = r.ReadBytes((int)length);
            }
            return sections;
        }
        catch (EndOfStreamException)
        {
            throw new BreastSegInputException(path, $"damaged {what}: file ends early");
        }
    }

    public static byte[] Require(Dictionary<string, byte[]> sections, string name, string path) =>
        sections.TryGetValue(name, out var bytes) ? bytes : throw new BreastSegInputException(path, $"section '{name}' missing");
}
