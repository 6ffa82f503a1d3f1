namespace BreastSeg.Simulation.Phantom;

/// <summary>A tapered cone of tumour tissue radiating from the mass surface (mass body frame, mm).</summary>
/// <param name="Start">Start point, inside the mass body.</param>
/// <param name="Direction">Unit direction.</param>
/// <param name="LengthMm">Length (mm).</param>
/// <param name="BaseRadiusMm">Radius at the start (mm).</param>
/// <param name="TipRadiusMm">Radius at the tip (mm).</param>
public sealed record Spicule(Vec3 Start, Vec3 Direction, double LengthMm, double BaseRadiusMm, double TipRadiusMm)
{
    /// <summary>Whether body-frame point <paramref name="q"/> lies inside the cone.</summary>
    public bool Contains(Vec3 q)
    {
        var d = q - Start;
        double t = Math.Clamp(d.Dot(Direction) / LengthMm, 0, 1);
        var off = d - (t * LengthMm) * Direction;
        double r = BaseRadiusMm + (TipRadiusMm - BaseRadiusMm) * t;
        return off.Dot(off) <= r * r;
    }

    /// <summary>Distance from the spicule's axis segment to a plane through the origin with unit normal
    /// <paramref name="normal"/> (0 if it crosses the plane).</summary>
    public double DistanceToPlane(Vec3 normal)
    {
        double a = Start.Dot(normal), b = (Start + LengthMm * Direction).Dot(normal);
        return a * b <= 0 ? 0 : Math.Min(Math.Abs(a), Math.Abs(b));
    }
}
