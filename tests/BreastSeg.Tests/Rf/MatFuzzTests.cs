using System.Buffers.Binary;
using BreastSeg.Fuzzing;
using BreastSeg.IO;
using BreastSeg.Rf;
using BreastSeg.Rf.Mat;
using static BreastSeg.Tests.Rf.MatBytes;

namespace BreastSeg.Tests.Rf;

/// <summary>
/// Seeded mutations of valid files (byte flips, truncations, corrupted size fields, and the same inside decompressed
/// elements, recompressed so the zlib layer stays valid): reading must end in a <see cref="BreastSegInputException"/> or
/// a value, never another exception, and never allocate on the word of a size field.
/// </summary>
public class MatFuzzTests
{
    private const int Mutations = 750;
    private const long AllocationLimit = 64L << 20;

    public static TheoryData<string> Seeds() => ["oasbud-compressed", "oasbud-plain", "hand-built", "mixed-compressed"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedFilesFailOnlyWithInputErrors(string seedName)
    {
        using var dir = new MatTestData.TempDir();
        byte[] seed = SeedFile(seedName, dir);
        bool oasbud = seedName.StartsWith("oasbud");
        string path = dir.File("fuzz.mat");
        var rng = new Random(seedName.GetHashCode(StringComparison.Ordinal) & 0x7FFF ^ 20260);
        int failures = 0, successes = 0;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] mutated = Mutate(seed, rng, out string how);
            File.WriteAllBytes(path, mutated);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                if (oasbud) _ = OasbudFile.Open(path).GetCase(0);
                else _ = MatFile.Read(path);
                successes++;
            }
            catch (BreastSegInputException e)
            {
                Assert.StartsWith(path + ": ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                failures++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{seedName} mutation {i} ({how}) escaped as {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < AllocationLimit, $"{seedName} mutation {i} ({how}) allocated {allocated >> 20} MB for a {mutated.Length}-byte file");
        }
        Assert.True(failures > Mutations / 4, $"only {failures} of {Mutations} mutations were detected; the mutator is not reaching the reader");
        Assert.True(successes + failures == Mutations);
    }

    private static byte[] SeedFile(string name, MatTestData.TempDir dir)
    {
        string path = dir.File("seed.mat");
        switch (name)
        {
            case "oasbud-compressed":
            case "oasbud-plain":
                var rng = new Random(1);
                OasbudFile.Write(path, [OasbudTestData.Case(0, 30, 8, rng, true), OasbudTestData.Case(1, 25, 6, rng, false, "3")],
                    ClassCoding.OneIsMalignant, extraFields: null, compress: name == "oasbud-compressed");
                return File.ReadAllBytes(path);
            case "mixed-compressed":
                var r = new Random(2);
                MatFile.Write(path,
                [
                    new("z", MatTestData.RandomNumeric(typeof(double), [3, 4], r, complex: true)),
                    new("text", new MatChar("héllo")),
                    new("cells", new MatCell([new MatChar("a"), MatTestData.RandomNumeric(typeof(int), [2, 5], r), new MatStruct(["q"], [new Dictionary<string, MatValue> { ["q"] = MatNumeric.Scalar(1) }])])),
                    new("mask", MatTestData.RandomNumeric(typeof(bool), [6, 6], r)),
                ]);
                return File.ReadAllBytes(path);
            default:
                var b = new MatBytes();
                byte[] names = new byte[16];
                "ab"u8.CopyTo(names);
                "cd"u8.CopyTo(names.AsSpan(8));
                return b.File(
                    b.Matrix(b.Flags(mxDOUBLE), b.Dims(2, 3), b.Name("rf"), b.Element(miINT16, b.Values<short>(1, -2, 3, 4, 5, 6))),
                    b.Matrix(b.Flags(mxCHAR), b.Dims(1, 3), b.Name("s"), b.Small(miUTF8, "4a!"u8.ToArray())),
                    b.Matrix(b.Flags(mxCELL), b.Dims(1, 2), b.Name("cell"),
                        b.Matrix(b.Flags(mxUINT8, 0x0200), b.Dims(1, 3), b.Name(""), b.Small(miUINT8, [1, 0, 1])),
                        b.Tag(miMATRIX, 0)),
                    b.Matrix(b.Flags(mxSTRUCT), b.Dims(1, 2), b.Name("st"), b.Small(miINT32, b.Values(8)), b.Element(miINT8, names),
                        b.Matrix(b.Flags(mxINT32), b.Dims(1, 1), b.Name(""), b.Small(miINT32, b.Values(7))),
                        b.Matrix(b.Flags(mxCHAR), b.Dims(1, 1), b.Name(""), b.Small(miUINT16, b.Values('x'))),
                        b.Matrix(b.Flags(mxINT32), b.Dims(1, 1), b.Name(""), b.Small(miINT32, b.Values(8))),
                        b.Tag(miMATRIX, 0)));
        }
    }

    private static byte[] Mutate(byte[] seed, Random rng, out string how)
    {
        int kind = rng.Next(5);
        byte[] data = (byte[])seed.Clone();
        switch (kind)
        {
            case 0:
                int flips = rng.Next(1, 9);
                for (int k = 0; k < flips; k++) data[rng.Next(data.Length)] = (byte)rng.Next(256);
                how = $"{flips} byte flips";
                return data;
            case 1:
                int length = rng.Next(data.Length);
                how = $"truncated to {length} bytes";
                return data[..length];
            case 2:
                int at = 128 + 4 * rng.Next((data.Length - 132) / 4);
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), FuzzMutator.SizeLike(rng));
                how = $"size-like value at byte {at}";
                return data;
            default:
                // Damage inside the first compressed element, recompressed (a bit flip for an uncompressed file).
                (data, how) = FuzzMutator.InsideCompressed(data, rng);
                return data;
        }
    }
}
