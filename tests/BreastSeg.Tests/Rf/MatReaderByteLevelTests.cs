using System.Text;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using static BreastSeg.Tests.Rf.MatBytes;

namespace BreastSeg.Tests.Rf;

/// <summary>Reader paths that the kit's writer does not produce, on files built byte by byte.</summary>
public class MatReaderByteLevelTests
{
    private static IReadOnlyDictionary<string, MatValue> ReadBytes(byte[] file)
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("hand.mat");
        File.WriteAllBytes(path, file);
        return MatFile.Read(path);
    }

    private static BreastSegInputException ReadFails(byte[] file, string expectedFragment)
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("bad.mat");
        File.WriteAllBytes(path, file);
        var e = Assert.Throws<BreastSegInputException>(() => MatFile.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expectedFragment, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UncompressedV6DoubleMatrixInEitherByteOrder(bool bigEndian)
    {
        var b = new MatBytes(bigEndian);
        double[] values = [1.5, -2, 3.25, 1e300, double.NegativeInfinity, 0];
        var file = b.File(b.Matrix(b.Flags(mxDOUBLE), b.Dims(2, 3), b.Name("x"), b.Element(miDOUBLE, b.Values(values))));
        var x = (MatNumeric)ReadBytes(file)["x"];
        Assert.Equal([2, 3], x.Dimensions);
        Assert.Equal(values, (double[])x.Real);
        Assert.Equal(3.25, x.ToDoubleArray()[2 * 1 + 0]); // column-major: row 0 of column 1
    }

    [Theory]
    [InlineData(miINT8)]
    [InlineData(miUINT8)]
    [InlineData(miINT16)]
    [InlineData(miUINT16)]
    [InlineData(miINT32)]
    [InlineData(miSINGLE)]
    public void DoublesStoredInASmallerTypeComeBackAsDouble(int storedType)
    {
        // MATLAB saves a double array of small integers as miINT16 (etc.) to save space; the class decides the result.
        var b = new MatBytes();
        short[] ints = [0, 1, 2, 100, 127, 5, 7];
        byte[] data = storedType switch
        {
            miINT8 => b.Values(ints.Select(v => (sbyte)v).ToArray()),
            miUINT8 => b.Values(ints.Select(v => (byte)v).ToArray()),
            miINT16 => b.Values(ints),
            miUINT16 => b.Values(ints.Select(v => (ushort)v).ToArray()),
            miINT32 => b.Values(ints.Select(v => (int)v).ToArray()),
            _ => b.Values(ints.Select(v => (float)v).ToArray()),
        };
        var file = b.File(b.Compressed(b.Matrix(b.Flags(mxDOUBLE), b.Dims(7, 1), b.Name("rf"), b.Element(storedType, data))));
        var rf = (MatNumeric)ReadBytes(file)["rf"];
        Assert.Equal("double", rf.ClassName);
        Assert.Equal(ints.Select(v => (double)v), (double[])rf.Real);
    }

    [Fact]
    public void Int16ClassStoredAsUInt8AndLogicalFlag()
    {
        var b = new MatBytes();
        var file = b.File(
            b.Matrix(b.Flags(mxINT16), b.Dims(1, 3), b.Name("i"), b.Small(miUINT8, [7, 8, 255])),
            b.Matrix(b.Flags(mxUINT8, 0x0200), b.Dims(2, 2), b.Name("mask"), b.Small(miUINT8, [1, 0, 0, 1])));
        var vars = ReadBytes(file);
        Assert.Equal(new short[] { 7, 8, 255 }, (short[])((MatNumeric)vars["i"]).Real);
        var mask = (MatNumeric)vars["mask"];
        Assert.Equal("logical", mask.ClassName);
        Assert.Equal([true, false, false, true], (bool[])mask.Real);
    }

    [Fact]
    public void SmallDataElementsForNameDataAndFieldNameLength()
    {
        var b = new MatBytes();
        var file = b.File(b.Matrix(b.Flags(mxINT32), b.Dims(1, 1), b.Name("k"), b.Small(miINT32, b.Values(-42))));
        Assert.Equal(new[] { -42 }, (int[])((MatNumeric)ReadBytes(file)["k"]).Real);
    }

    [Theory]
    [InlineData(miUTF8)]
    [InlineData(miUTF16)]
    [InlineData(miUINT16)]
    [InlineData(miUINT8)]
    [InlineData(miUTF32)]
    public void CharArraysInEveryEncoding(int type)
    {
        var b = new MatBytes();
        string text = type is miUINT8 ? "4a-é" : "4a-é€";
        byte[] data = type switch
        {
            miUTF8 => Encoding.UTF8.GetBytes(text),
            miUTF16 or miUINT16 => b.Values(text.ToCharArray()),
            miUINT8 => Encoding.Latin1.GetBytes(text),
            _ => Encoding.UTF32.GetBytes(text),
        };
        var file = b.File(b.Matrix(b.Flags(mxCHAR), b.Dims(1, text.Length), b.Name("birads"), data.Length <= 4 ? b.Small(type, data) : b.Element(type, data)));
        var c = (MatChar)ReadBytes(file)["birads"];
        Assert.Equal(text, c.Text);
        Assert.Equal("char", c.ClassName);
    }

    [Fact]
    public void CellArrayOfMixedValuesAndEmptyMatrixElement()
    {
        var b = new MatBytes();
        var cell = b.Matrix(b.Flags(mxCELL), b.Dims(1, 3), b.Name("c"),
            b.Matrix(b.Flags(mxDOUBLE), b.Dims(1, 2), b.Name(""), b.Element(miDOUBLE, b.Values(1.0, 2.0))),
            b.Matrix(b.Flags(mxCHAR), b.Dims(1, 2), b.Name(""), b.Small(miUTF8, "hi"u8.ToArray())),
            b.Tag(miMATRIX, 0)); // MATLAB's empty [] inside a cell: a matrix element with no content
        var c = (MatCell)ReadBytes(b.File(cell))["c"];
        Assert.Equal([1, 3], c.Dimensions);
        Assert.Equal([1.0, 2.0], ((MatNumeric)c[0]).ToDoubleArray());
        Assert.Equal("hi", ((MatChar)c[1]).Text);
        Assert.Equal([0, 0], c[2].Dimensions);
    }

    [Fact]
    public void StructArrayWithMatlabsFieldNameLengthOf32()
    {
        var b = new MatBytes();
        byte[] names = new byte[64];
        Encoding.ASCII.GetBytes("rf1").CopyTo(names, 0);
        Encoding.ASCII.GetBytes("class").CopyTo(names, 32);
        var field = (short[] v) => b.Matrix(b.Flags(mxINT16), b.Dims(v.Length, 1), b.Name(""), b.Element(miINT16, b.Values(v)));
        var cls = (double v) => b.Matrix(b.Flags(mxDOUBLE), b.Dims(1, 1), b.Name(""), b.Element(miDOUBLE, b.Values(v)));
        var data = b.Matrix(b.Flags(mxSTRUCT), b.Dims(1, 2), b.Name("data"), b.Small(miINT32, b.Values(32)), b.Element(miINT8, names),
            field([1, 2, 3]), cls(1), field([-4]), cls(0));
        var s = (MatStruct)ReadBytes(b.File(b.Compressed(data)))["data"];
        Assert.Equal(["rf1", "class"], s.FieldNames);
        Assert.Equal(new short[] { 1, 2, 3 }, (short[])((MatNumeric)s[0, "rf1"]).Real);
        Assert.Equal(new short[] { -4 }, (short[])((MatNumeric)s[1, "rf1"]).Real);
        Assert.Equal(0.0, ((MatNumeric)s[1, "class"]).ToDoubleArray()[0]);
    }

    [Fact]
    public void ComplexSingleStoredAsInt8Parts()
    {
        var b = new MatBytes();
        var file = b.File(b.Matrix(b.Flags(mxSINGLE, 0x0800), b.Dims(1, 2), b.Name("z"), b.Small(miINT8, [1, 255]), b.Small(miINT8, [3, 4])));
        var z = (MatNumeric)ReadBytes(file)["z"];
        Assert.Equal(new float[] { 1, -1 }, (float[])z.Real);
        Assert.Equal(new float[] { 3, 4 }, (float[])z.Imaginary!);
    }

    [Fact]
    public void UnknownTopLevelElementsAreSkippedAsMatlabDoes()
    {
        var b = new MatBytes();
        var file = b.File(b.Element(miUINT8, [1, 2, 3]), b.Matrix(b.Flags(mxDOUBLE), b.Dims(1, 1), b.Name("a"), b.Element(miDOUBLE, b.Values(5.0))));
        Assert.Equal(5.0, ((MatNumeric)ReadBytes(file)["a"]).ToDoubleArray()[0]);
    }

    [Fact]
    public void SparseIsRejectedWithAClearMessage()
    {
        var b = new MatBytes();
        var sparse = b.Matrix(b.Flags(mxSPARSE), b.Dims(3, 3), b.Name("sp"), b.Element(miINT32, b.Values(0)), b.Element(miINT32, b.Values(0, 1, 1, 1)), b.Element(miDOUBLE, b.Values(2.0)));
        ReadFails(b.File(sparse), "variable 'sp' is a sparse array");
    }

    [Fact]
    public void StructuralErrorsNameTheProblem()
    {
        var b = new MatBytes();
        var good = b.Matrix(b.Flags(mxDOUBLE), b.Dims(2, 2), b.Name("x"), b.Element(miDOUBLE, b.Values(1.0, 2, 3, 4)));
        ReadFails([], "the file is empty");
        ReadFails(new byte[100], "shorter than the 128-byte MAT header");
        ReadFails(new byte[300], "not a MAT Level-5 or v7.3 file");
        ReadFails([.. b.Header(0x0300), .. good], "unknown MAT file version 0x0300");
        ReadFails(b.File(good)[..^5], "declares 80 bytes but only 75 remain");
        ReadFails(b.File(good, [1, 2, 3]), "ends inside an element tag");
        ReadFails(b.File(b.Matrix(b.Flags(mxDOUBLE), b.Dims(2, 3), b.Name("x"), b.Element(miDOUBLE, b.Values(1.0, 2, 3, 4)))), "32 bytes of miDOUBLE data for 6 elements");
        ReadFails(b.File(b.Matrix(b.Flags(mxDOUBLE), b.Dims(2, -1), b.Name("x"), b.Element(miDOUBLE, []))), "negative dimension");
        ReadFails(b.File(b.Matrix(b.Flags(mxDOUBLE), b.Dims(65536, 65536), b.Name("x"), b.Element(miDOUBLE, []))), "more elements than one array can");
        ReadFails(b.File(b.Matrix(b.Flags(mxCHAR), b.Dims(1, 3), b.Name("c"), b.Element(miDOUBLE, b.Values(1.0, 2, 3)))), "characters stored as miDOUBLE");
        ReadFails(b.File(b.Matrix(b.Flags(17), b.Dims(1, 1), b.Name("s"))), "MATLAB class 17");
        var compressedGarbage = b.Tag(miCOMPRESSED, 16).Concat(Enumerable.Repeat((byte)0x5A, 16)).ToArray();
        ReadFails(b.File(compressedGarbage), "damaged compressed data in the element at byte 128");
        // A compressed element whose inner tag claims far more than its compressed bytes can expand to.
        var huge = b.Compressed([.. b.Tag(miMATRIX, int.MaxValue), .. new byte[64]]);
        ReadFails(b.File(huge), "more than its");
    }

    [Fact]
    public void MissingVariableNamesTheOnesPresent()
    {
        var b = new MatBytes();
        using var dir = new MatTestData.TempDir();
        string path = dir.File("vars.mat");
        File.WriteAllBytes(path, b.File(b.Matrix(b.Flags(mxDOUBLE), b.Dims(1, 1), b.Name("alpha"), b.Element(miDOUBLE, b.Values(1.0)))));
        var e = Assert.Throws<BreastSegInputException>(() => MatFile.ReadVariable(path, "data"));
        Assert.Equal($"{path}: no variable 'data' (the file has alpha)", e.Message);
    }
}
