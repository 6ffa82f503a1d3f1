using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

/// <summary>Random MATLAB values of every class, and a structural comparison of two values.</summary>
internal static class MatTestData
{
    /// <summary>The MATLAB numeric class name of each element type (logical and char excluded).</summary>
    public static readonly IReadOnlyDictionary<Type, string> NumericClassNames = new Dictionary<Type, string>
    {
        [typeof(double)] = "double", [typeof(float)] = "single", [typeof(sbyte)] = "int8", [typeof(byte)] = "uint8",
        [typeof(short)] = "int16", [typeof(ushort)] = "uint16", [typeof(int)] = "int32", [typeof(uint)] = "uint32",
        [typeof(long)] = "int64", [typeof(ulong)] = "uint64",
    };

    public static readonly Type[] ElementTypes =
        [typeof(double), typeof(float), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(bool)];

    /// <summary>Random values covering each type's full range (extremes included), column-major.</summary>
    public static Array RandomArray(Type type, int count, Random rng)
    {
        var a = Array.CreateInstance(type, count);
        for (int i = 0; i < count; i++)
        {
            object v = type switch
            {
                _ when type == typeof(double) => i == 0 ? double.MaxValue : i == 1 ? double.Epsilon : i == 2 ? double.NaN : (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-300, 300)),
                _ when type == typeof(float) => i == 0 ? float.MinValue : i == 1 ? float.PositiveInfinity : (float)((rng.NextDouble() - 0.5) * 1e6),
                _ when type == typeof(sbyte) => i == 0 ? sbyte.MinValue : (sbyte)rng.Next(sbyte.MinValue, sbyte.MaxValue + 1),
                _ when type == typeof(byte) => i == 0 ? byte.MaxValue : (byte)rng.Next(256),
                _ when type == typeof(short) => i == 0 ? short.MinValue : (short)rng.Next(short.MinValue, short.MaxValue + 1),
                _ when type == typeof(ushort) => i == 0 ? ushort.MaxValue : (ushort)rng.Next(ushort.MaxValue + 1),
                _ when type == typeof(int) => i == 0 ? int.MinValue : rng.Next(int.MinValue, int.MaxValue),
                _ when type == typeof(uint) => i == 0 ? uint.MaxValue : (uint)rng.NextInt64(uint.MaxValue + 1L),
                _ when type == typeof(long) => i == 0 ? long.MinValue : rng.NextInt64(long.MinValue, long.MaxValue),
                _ when type == typeof(ulong) => i == 0 ? ulong.MaxValue : (ulong)rng.NextInt64() * 2 + (ulong)rng.Next(2),
                _ => rng.Next(2) == 1,
            };
            a.SetValue(v, i);
        }
        return a;
    }

    public static MatNumeric RandomNumeric(Type type, int[] dims, Random rng, bool complex = false)
    {
        int count = dims.Aggregate(1, (p, d) => p * d);
        return new MatNumeric(dims, RandomArray(type, count, rng), complex ? RandomArray(type, count, rng) : null);
    }

    /// <summary>Asserts that two values have the same class, dimensions and contents (NaN equals NaN).</summary>
    public static void AssertSame(MatValue expected, MatValue actual, string where = "value")
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{where}: {expected.GetType().Name} expected, got {actual.GetType().Name}");
        Assert.True(expected.ClassName == actual.ClassName, $"{where}: class {expected.ClassName} expected, got {actual.ClassName}");
        Assert.True(expected.Dimensions.SequenceEqual(actual.Dimensions), $"{where}: shape {expected.ShapeText} expected, got {actual.ShapeText}");
        switch (expected)
        {
            case MatNumeric e:
                var a = (MatNumeric)actual;
                AssertArrays(e.Real, a.Real, where + " real part");
                Assert.Equal(e.IsComplex, a.IsComplex);
                if (e.Imaginary is not null) AssertArrays(e.Imaginary, a.Imaginary!, where + " imaginary part");
                break;
            case MatChar e:
                Assert.Equal(e.Characters, ((MatChar)actual).Characters);
                break;
            case MatStruct e:
                var s = (MatStruct)actual;
                Assert.Equal(e.FieldNames, s.FieldNames);
                for (int i = 0; i < e.Count; i++)
                    foreach (string f in e.FieldNames) AssertSame(e[i, f], s[i, f], $"{where}({i + 1}).{f}");
                break;
            case MatCell e:
                for (int i = 0; i < e.Count; i++) AssertSame(e[i], ((MatCell)actual)[i], $"{where}{{{i + 1}}}");
                break;
        }
    }

    private static void AssertArrays(Array expected, Array actual, string where)
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{where}: {expected.GetType().Name} expected, got {actual.GetType().Name}");
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            object? x = expected.GetValue(i), y = actual.GetValue(i);
            if (!Equals(x, y)) Assert.Fail($"{where}: element {i} is {y}, expected {x}");
        }
    }

    /// <summary>A fresh temporary directory, deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("breastseg-rf-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
