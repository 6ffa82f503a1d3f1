using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

/// <summary>A fact that runs only where /usr/bin/python3 can import scipy.io (Debian's python3-scipy; .ci/run installs it).</summary>
public sealed class ScipyFactAttribute : FactAttribute
{
    public ScipyFactAttribute()
    {
        if (!Scipy.Available) Skip = "scipy not available: `/usr/bin/python3 -c \"import scipy.io\"` failed (apt-get install python3-scipy to run this interop test)";
    }
}

/// <summary>Runs scipy.io as an independent MAT implementation and compares its view of a file with ours.</summary>
internal static class Scipy
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<bool> IsAvailable = new(() => File.Exists(Python) && TryRun(["-c", "import scipy.io"], out _));

    public static bool Available => IsAvailable.Value;

    // dump FILE: prints {name: value, "__classes__": {name: class from whosmat}} with every array in column-major order;
    // write DIR: writes scipy_compressed.mat and scipy_plain.mat with savemat.
    private const string Script = """
import sys, json
import numpy as np, scipy.io as sio

def num(v):
    return repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v))

def dump(x):
    if x.dtype.names is not None:
        return {"kind": "struct", "shape": list(x.shape), "fields": list(x.dtype.names),
                "elements": [{f: dump(e[f]) for f in x.dtype.names} for e in x.flatten(order="F")]}
    if x.dtype == object:
        return {"kind": "cell", "shape": list(x.shape), "elements": [dump(e) for e in x.flatten(order="F")]}
    if x.dtype.kind == "U":
        return {"kind": "char", "shape": list(x.shape), "text": "".join(x.flatten(order="F"))}
    f = x.flatten(order="F")
    d = {"kind": "numeric", "dtype": x.dtype.name, "shape": list(x.shape)}
    if np.iscomplexobj(x):
        d["re"] = [num(v) for v in f.real]
        d["im"] = [num(v) for v in f.imag]
    else:
        d["re"] = [num(v) for v in f]
    return d

if sys.argv[1] == "dump":
    m = sio.loadmat(sys.argv[2], squeeze_me=False, chars_as_strings=False)
    out = {k: dump(v) for k, v in m.items() if not k.startswith("__")}
    out["__classes__"] = {n: c for n, _, c in sio.whosmat(sys.argv[2])}
    print(json.dumps(out))
else:
    rng = np.random.default_rng(5)
    v = {}
    for dt in ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]:
        a = (np.arange(12).reshape(3, 4) * 7 - 20).astype(dt)
        a.flat[0] = np.iinfo(dt).max if dt[0] in "iu" else np.finfo(dt).max
        a.flat[1] = np.iinfo(dt).min if dt[0] in "iu" else np.finfo(dt).tiny
        v["a_" + dt] = a
    v["normal"] = rng.normal(size=(5, 4))
    v["nonfinite"] = np.array([[np.nan, np.inf, -np.inf, -0.0]])
    v["z128"] = rng.normal(size=(2, 3)) + 1j * rng.normal(size=(2, 3))
    v["z64"] = (rng.normal(size=(3, 1)) + 1j * rng.normal(size=(3, 1))).astype(np.complex64)
    v["mask"] = rng.normal(size=(4, 3)) > 0
    v["text"] = "héllo € 4a"
    v["rows"] = np.array(["abc", "def"])
    v["empty"] = np.zeros((0, 3))
    v["cube"] = np.arange(24.0).reshape(2, 3, 4)
    v["scalar_struct"] = {"a": np.arange(4.0).reshape(2, 2), "b": "x"}
    s = np.zeros((1, 3), dtype=[("id", "O"), ("rf", "O"), ("roi", "O"), ("cls", "O")])
    for i in range(3):
        s[0, i]["id"] = "case%d" % i
        s[0, i]["rf"] = rng.integers(-2000, 2000, size=(6 + i, 4)).astype(np.int16)
        s[0, i]["roi"] = (rng.normal(size=(6 + i, 4)) > 0).astype(np.uint8)
        s[0, i]["cls"] = float(i % 2)
    v["data"] = s
    c = np.empty((1, 3), dtype=object)
    c[0, 0] = np.arange(3.0)
    c[0, 1] = "ab"
    c[0, 2] = np.zeros((2, 2), dtype=np.int32)
    v["cells"] = c
    sio.savemat(sys.argv[2] + "/scipy_compressed.mat", v, do_compression=True)
    sio.savemat(sys.argv[2] + "/scipy_plain.mat", v, do_compression=False)
""";

    public static JsonDocument Dump(string matPath) => JsonDocument.Parse(Run(["dump", matPath]));

    public static void WriteSamples(string directory) => Run(["write", directory]);

    private static string Run(string[] args)
    {
        string script = Path.Combine(Path.GetTempPath(), $"breastseg-scipy-{Environment.ProcessId}.py");
        File.WriteAllText(script, Script);
        if (!TryRun([script, .. args], out string output)) throw new InvalidOperationException($"scipy helper failed: {output}");
        return output;
    }

    private static bool TryRun(string[] args, out string output)
    {
        try
        {
            var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var stderr = p.StandardError.ReadToEndAsync();
            output = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(120_000)) { p.Kill(); output = "timed out"; return false; }
            if (p.ExitCode != 0) output += stderr.Result;
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output = e.Message;
            return false;
        }
    }

    /// <summary>Asserts that our value and scipy's (as dumped) agree in kind, shape and every element.</summary>
    public static void AssertAgrees(MatValue ours, JsonElement scipy, string where)
    {
        var shape = scipy.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.True(shape.SequenceEqual(ours.Dimensions), $"{where}: scipy shape {string.Join("x", shape)}, ours {ours.ShapeText}");
        switch (scipy.GetProperty("kind").GetString())
        {
            case "numeric":
                var n = Assert.IsType<MatNumeric>(ours);
                string dtype = scipy.GetProperty("dtype").GetString()!;
                string expected = n.IsLogical ? "uint8" : n.ClassName switch { "double" => "float64", "single" => "float32", var c => c };
                if (n.IsComplex) expected = n.ClassName == "single" ? "complex64" : "complex128";
                Assert.True(expected == dtype, $"{where}: scipy dtype {dtype}, ours {n.ClassName}");
                AssertValues(n.Real, scipy.GetProperty("re"), where);
                if (n.IsComplex) AssertValues(n.Imaginary!, scipy.GetProperty("im"), where + " (imaginary)");
                break;
            case "char":
                Assert.Equal(scipy.GetProperty("text").GetString(), Assert.IsType<MatChar>(ours).Characters);
                break;
            case "struct":
                var s = Assert.IsType<MatStruct>(ours);
                Assert.Equal(scipy.GetProperty("fields").EnumerateArray().Select(f => f.GetString()), s.FieldNames);
                int i = 0;
                foreach (var element in scipy.GetProperty("elements").EnumerateArray())
                {
                    foreach (string f in s.FieldNames) AssertAgrees(s[i, f], element.GetProperty(f), $"{where}({i + 1}).{f}");
                    i++;
                }
                break;
            case "cell":
                var cell = Assert.IsType<MatCell>(ours);
                int k = 0;
                foreach (var element in scipy.GetProperty("elements").EnumerateArray()) AssertAgrees(cell[k], element, $"{where}{{{++k}}}");
                break;
        }
    }

    private static void AssertValues(Array ours, JsonElement scipy, string where)
    {
        var texts = scipy.EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(texts.Length, ours.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            object value = ours.GetValue(i)!;
            bool same = value switch
            {
                double d => SameDouble(d, texts[i]),
                float f => SameDouble(f, texts[i]),
                bool b => texts[i] == (b ? "1" : "0"),
                _ => BigInteger.Parse(texts[i], CultureInfo.InvariantCulture) == BigInteger.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
            };
            Assert.True(same, $"{where}: element {i} is {value} here, {texts[i]} in scipy");
        }
    }

    private static bool SameDouble(double ours, string python)
    {
        double theirs = python switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.Parse(python, CultureInfo.InvariantCulture) };
        return ours.Equals(theirs) && (ours != 0 || double.IsNegative(ours) == double.IsNegative(theirs));
    }
}
