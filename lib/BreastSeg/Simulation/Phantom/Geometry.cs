using System.Text.Json.Serialization;

namespace BreastSeg.Simulation.Phantom;

/// <summary>A 3-D vector (mm or unitless). World axes: X = lateral of view 1, Y = lateral of view 2, Z = depth.</summary>
/// <param name="X">X component.</param>
/// <param name="Y">Y component.</param>
/// <param name="Z">Z component.</param>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>Euclidean length.</summary>
    [JsonIgnore]
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>Dot product.</summary>
    public double Dot(Vec3 o) => X * o.X + Y * o.Y + Z * o.Z;

    /// <summary>Sum.</summary>
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Difference.</summary>
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Scaling.</summary>
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);
}

/// <summary>One term of a smooth random field: amplitude * cos(k . p + phase).</summary>
/// <param name="K">Wave vector (radians per unit of p).</param>
/// <param name="Amplitude">Amplitude of the term.</param>
/// <param name="Phase">Phase (radians).</param>
public sealed record PlaneWave(Vec3 K, double Amplitude, double Phase);

/// <summary>Sums of plane waves: smooth Gaussian random fields (many terms with random directions and phases).</summary>
public static class PlaneWaveField
{
    /// <summary>Value of the field at <paramref name="p"/>.</summary>
    public static double Evaluate(IReadOnlyList<PlaneWave> waves, Vec3 p)
    {
        double s = 0;
        foreach (var w in waves) s += w.Amplitude * Math.Cos(w.K.Dot(p) + w.Phase);
        return s;
    }

    /// <summary><paramref name="count"/> terms with |k| uniform in [kMin, kMax], random directions and phases, scaled
    /// so the field's standard deviation is <paramref name="sd"/>.</summary>
    public static List<PlaneWave> Random(Random r, int count, double kMin, double kMax, double sd)
    {
        var list = new List<PlaneWave>(count);
        double amp = sd * Math.Sqrt(2.0 / count);
        for (int i = 0; i < count; i++)
        {
            var (x, y, z) = r.UnitVector();
            double k = r.Uniform(kMin, kMax);
            list.Add(new PlaneWave(new Vec3(k * x, k * y, k * z), amp, r.Uniform(0, 2 * Math.PI)));
        }
        return list;
    }
}
