using System.Buffers.Binary;
using System.Text;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using PureHDF;

namespace BreastSeg.Tests.Rf;

/// <summary>MAT v7.3: HDF5 written with PureHDF in MATLAB's layout (512-byte user block holding the MAT header,
/// MATLAB_class attributes, dimensions reversed, struct-array fields as references into #refs#).</summary>
public class MatV73Tests
{
    internal static H5Dataset Matlab(object data, string matlabClass, params ulong[] hdf5Dims) =>
        new(data, fileDims: hdf5Dims) { Attributes = new() { ["MATLAB_class"] = matlabClass } };

    internal static void WriteV73(string path, H5File file)
    {
        file.Write(path, new H5WriteOptions(UserBlockSize: 512));
        // MATLAB's user block: the MAT header text, version 0x0200 and the endian indicator.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var header = new byte[128];
        header.AsSpan(0, 116).Fill((byte)' ');
        Encoding.ASCII.GetBytes("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: test HDF5 schema 1.00 .").CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(124), 0x0200);
        header[126] = (byte)'I';
        header[127] = (byte)'M';
        stream.Write(header);
    }

    /// <summary>Writes <paramref name="data"/> (a struct array of numeric, logical and char values) as MATLAB stores a
    /// struct array in v7.3: a group whose fields are object references, one per element, into #refs#.</summary>
    internal static void WriteV73Struct(string path, string name, MatStruct data)
    {
        var refs = new H5Group();
        var group = new H5Group { Attributes = new() { ["MATLAB_class"] = "struct" } };
        var dims = data.Dimensions;
        foreach (string field in data.FieldNames)
        {
            var elements = new H5ObjectReference[(int)data.Count];
            for (int e = 0; e < elements.Length; e++)
            {
                var dataset = ToV73(data[e, field]);
                refs[$"{field}{e}"] = dataset;
                elements[e] = dataset;
            }
            group[field] = new H5Dataset(elements, fileDims: dims.Reverse().Select(d => (ulong)d).ToArray());
        }
        WriteV73(path, new H5File { ["#refs#"] = refs, [name] = group });
    }

    private static H5Dataset ToV73(MatValue value)
    {
        // HDF5 dimensions are MATLAB's reversed; the column-major data is stored as is.
        ulong[] fileDims = value.Dimensions.Reverse().Select(d => (ulong)d).ToArray();
        return value switch
        {
            MatChar c => Matlab(c.Characters.Select(ch => (ushort)ch).ToArray(), "char", fileDims),
            MatNumeric { IsLogical: true } n => Matlab(((bool[])n.Real).Select(b => b ? (byte)1 : (byte)0).ToArray(), "logical", fileDims),
            MatNumeric n => Matlab(n.Real, n.ClassName, fileDims),
            _ => throw new ArgumentException($"{value.ClassName} is not written by this helper"),
        };
    }

    [Fact]
    public void NumericCharLogicalAndStructsReadFromMatlabLayout()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("v73.mat");
        // A MATLAB 3x2 int16 [1 4; 2 5; 3 6] is stored as HDF5 2x3, bytes in column-major order 1..6.
        short[] rf = [1, 2, 3, 4, 5, 6];
        double[] d = [0.5, -1.25, 1e10, double.NaN];
        var refA = Matlab(new short[] { 10, 11 }, "int16", 1, 2);
        var refB = Matlab(new short[] { 20, 21, 22 }, "int16", 1, 3);
        WriteV73(path, new H5File
        {
            ["rf"] = Matlab(rf, "int16", 2, 3),
            ["d"] = Matlab(d, "double", 4, 1),
            ["mask"] = Matlab(new byte[] { 1, 0, 0, 1 }, "logical", 2, 2),
            ["birads"] = Matlab("4a".Select(c => (ushort)c).ToArray(), "char", 2, 1),
            ["single"] = Matlab(new float[] { 1.5f }, "single", 1, 1),
            // MATLAB stores an empty array as its dimensions, flagged by MATLAB_empty.
            ["e"] = new H5Dataset(new ulong[] { 0, 3 }, fileDims: [2]) { Attributes = new() { ["MATLAB_class"] = "int16", ["MATLAB_empty"] = (byte)1 } },
            ["s"] = new H5Group
            {
                ["a"] = Matlab(new ulong[] { ulong.MaxValue, 3 }, "uint64", 2, 1),
                ["name"] = Matlab("ab".Select(c => (ushort)c).ToArray(), "char", 2, 1),
                Attributes = new() { ["MATLAB_class"] = "struct" },
            },
            ["#refs#"] = new H5Group { ["a"] = refA, ["b"] = refB },
            ["data"] = new H5Group
            {
                ["rf1"] = new H5Dataset(new H5ObjectReference[] { refA, refB }, fileDims: [2, 1]),
                Attributes = new() { ["MATLAB_class"] = "struct" },
            },
        });

        var vars = MatFile.Read(path);
        Assert.Equal(["birads", "d", "data", "e", "mask", "rf", "s", "single"], vars.Keys.Order());
        Assert.Equal([0, 3], vars["e"].Dimensions);
        Assert.Equal("int16", vars["e"].ClassName);
        var rfValue = (MatNumeric)vars["rf"];
        Assert.Equal([3, 2], rfValue.Dimensions);
        Assert.Equal("int16", rfValue.ClassName);
        Assert.Equal(rf, (short[])rfValue.Real);
        Assert.Equal(d, (double[])((MatNumeric)vars["d"]).Real);
        Assert.Equal([1, 4], vars["d"].Dimensions);
        var mask = (MatNumeric)vars["mask"];
        Assert.Equal("logical", mask.ClassName);
        Assert.Equal([true, false, false, true], (bool[])mask.Real);
        Assert.Equal("4a", ((MatChar)vars["birads"]).Text);
        Assert.Equal([1, 2], vars["birads"].Dimensions);
        Assert.Equal(new[] { 1.5f }, (float[])((MatNumeric)vars["single"]).Real);
        var s = (MatStruct)vars["s"];
        Assert.Equal(new[] { ulong.MaxValue, 3UL }, (ulong[])((MatNumeric)s[0, "a"]).Real);
        Assert.Equal("ab", ((MatChar)s[0, "name"]).Text);
        var data = (MatStruct)vars["data"];
        Assert.Equal([1, 2], data.Dimensions);
        Assert.Equal(new short[] { 10, 11 }, (short[])((MatNumeric)data[0, "rf1"]).Real);
        Assert.Equal(new short[] { 20, 21, 22 }, (short[])((MatNumeric)data[1, "rf1"]).Real);
        Assert.Equal([3, 1], data[1, "rf1"].Dimensions);
    }

    [Fact]
    public void DamagedHdf5IsOneInputError()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("v73.mat");
        WriteV73(path, new H5File { ["x"] = Matlab(new double[] { 1, 2 }, "double", 2, 1) });
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..600]);
        var e = Assert.Throws<BreastSegInputException>(() => MatFile.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
    }
}
