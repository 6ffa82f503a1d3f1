using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

/// <summary>scipy.io as the independent MAT implementation: it must load what the kit writes, and the kit must read
/// what scipy writes, element for element.</summary>
public class MatScipyInteropTests
{
    [ScipyFact]
    public void ScipyLoadsKitWrittenFilesUnchanged()
    {
        var rng = new Random(42);
        var vars = new List<KeyValuePair<string, MatValue>>();
        foreach (var type in MatTestData.ElementTypes)
            vars.Add(new($"a_{(type == typeof(bool) ? "logical" : type.Name)}", MatTestData.RandomNumeric(type, [4, 3], rng)));
        vars.Add(new("z_double", MatTestData.RandomNumeric(typeof(double), [2, 5], rng, complex: true)));
        vars.Add(new("z_single", MatTestData.RandomNumeric(typeof(float), [3, 1], rng, complex: true)));
        vars.Add(new("cube", MatTestData.RandomNumeric(typeof(short), [2, 3, 4], rng)));
        vars.Add(new("empty", new MatNumeric([0, 3], Array.Empty<double>())));
        vars.Add(new("text", new MatChar("µ-case ü € 4a")));
        vars.Add(new("rows", new MatChar([2, 3], "adbecf")));
        vars.Add(new("cells", new MatCell([1, 2], [new MatChar("x"), MatTestData.RandomNumeric(typeof(int), [2, 2], rng)])));
        vars.Add(new("data", new MatStruct(["id", "rf1", "roi1", "class"], Enumerable.Range(0, 3).Select(i => (IReadOnlyDictionary<string, MatValue>)new Dictionary<string, MatValue>
        {
            ["id"] = new MatChar($"case{i}"),
            ["rf1"] = MatTestData.RandomNumeric(typeof(short), [20 + i, 7], rng),
            ["roi1"] = MatTestData.RandomNumeric(typeof(byte), [20 + i, 7], rng),
            ["class"] = MatNumeric.Scalar(i % 2),
        }).ToList())));

        using var dir = new MatTestData.TempDir();
        foreach (bool compress in new[] { true, false })
        {
            string path = dir.File($"kit_{compress}.mat");
            MatFile.Write(path, vars, compress);
            using var dump = Scipy.Dump(path);
            var root = dump.RootElement;
            foreach (var (name, value) in vars) Scipy.AssertAgrees(value, root.GetProperty(name), $"{name} (compress {compress})");
            Assert.Equal("logical", root.GetProperty("__classes__").GetProperty("a_logical").GetString());
            Assert.Equal("struct", root.GetProperty("__classes__").GetProperty("data").GetString());
        }
    }

    [ScipyFact]
    public void KitReadsScipyWrittenFilesCompressedAndPlain()
    {
        using var dir = new MatTestData.TempDir();
        Scipy.WriteSamples(dir.Path);
        foreach (string file in new[] { "scipy_compressed.mat", "scipy_plain.mat" })
        {
            string path = dir.File(file);
            var ours = MatFile.Read(path);
            using var dump = Scipy.Dump(path);
            var names = dump.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "__classes__").ToList();
            Assert.Equal(names.Order(), ours.Keys.Order());
            foreach (string name in names) Scipy.AssertAgrees(ours[name], dump.RootElement.GetProperty(name), $"{file}: {name}");
            Assert.True(((MatNumeric)ours["mask"]).IsLogical);
            Assert.Equal("héllo € 4a", ((MatChar)ours["text"]).Text);
        }
    }
}
