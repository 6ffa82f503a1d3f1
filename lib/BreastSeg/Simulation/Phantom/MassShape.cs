namespace BreastSeg.Simulation.Phantom;

/// <summary>
/// A 3-D mass: an ellipsoid whose radius is modulated by a Gaussian random sphere (the log-radius is a smooth random
/// field on the unit sphere: macro-lobulation and micro-lobulation), plus optional spicules, as the VICTRE breastMass
/// generator builds masses. The body frame is rotated by <see cref="TiltDeg"/> about the world Y axis (in the plane of
/// view 1) and by <see cref="YawDeg"/> about the depth axis. Coordinates are relative to the mass centre (mm).
/// </summary>
/// <param name="SemiAxesMm">Ellipsoid semi-axes in the body frame: X = half-width, Y = half elevation, Z = half-height (mm).</param>
/// <param name="TiltDeg">Rotation about the world Y axis (degrees).</param>
/// <param name="YawDeg">Rotation about the depth axis (degrees).</param>
/// <param name="LogRadius">Log-radius field, evaluated at the body-frame unit direction.</param>
/// <param name="Spicules">Spicules (body frame).</param>
public sealed record MassShape(Vec3 SemiAxesMm, double TiltDeg, double YawDeg, IReadOnlyList<PlaneWave> LogRadius, IReadOnlyList<Spicule> Spicules)
{
    /// <summary>World offset from the mass centre to body coordinates.</summary>
    public Vec3 ToBody(Vec3 w) => BodyFrame().ToBody(w);

    /// <summary>The rotation to the body frame, for evaluating many points.</summary>
    public BodyRotation BodyFrame() => new(TiltDeg, YawDeg);

    /// <summary>Surface radius (mm) along body-frame unit direction <paramref name="u"/>.</summary>
    public double RadiusAlong(Vec3 u)
    {
        var a = SemiAxesMm;
        double inv = u.X * u.X / (a.X * a.X) + u.Y * u.Y / (a.Y * a.Y) + u.Z * u.Z / (a.Z * a.Z);
        return Math.Exp(PlaneWaveField.Evaluate(LogRadius, u)) / Math.Sqrt(inv);
    }

    /// <summary>Whether world offset <paramref name="w"/> (from the centre) is inside the mass body or a spicule.</summary>
    public bool Contains(Vec3 w) => Contains(w, BodyFrame());

    /// <summary><see cref="Contains(Vec3)"/> with a precomputed <see cref="BodyFrame"/>.</summary>
    public bool Contains(Vec3 w, BodyRotation frame)
    {
        var q = frame.ToBody(w);
        double r = q.Length;
        if (r == 0 || r <= RadiusAlong((1 / r) * q)) return true;
        foreach (var s in Spicules)
            if (s.Contains(q)) return true;
        return false;
    }
}

/// <summary>Rotation from world offsets to a mass's body frame: body = Ry(-tilt) Rz(-yaw) world.</summary>
public readonly struct BodyRotation
{
    private readonly double cy, sy, ct, st;

    /// <summary>Rotation for a tilt about the world Y axis and a yaw about the depth axis (degrees).</summary>
    public BodyRotation(double tiltDeg, double yawDeg)
    {
        (sy, cy) = Math.SinCos(yawDeg * Math.PI / 180);
        (st, ct) = Math.SinCos(tiltDeg * Math.PI / 180);
    }

    /// <summary>Body coordinates of world offset <paramref name="w"/>.</summary>
    public Vec3 ToBody(Vec3 w)
    {
        double x1 = cy * w.X + sy * w.Y, y1 = -sy * w.X + cy * w.Y;
        return new Vec3(ct * x1 - st * w.Z, y1, st * x1 + ct * w.Z);
    }

    /// <summary>World offset of body coordinates <paramref name="b"/> (the inverse of <see cref="ToBody"/>).</summary>
    public Vec3 ToWorld(Vec3 b)
    {
        double x1 = ct * b.X + st * b.Z, z = -st * b.X + ct * b.Z;
        return new Vec3(cy * x1 - sy * b.Y, sy * x1 + cy * b.Y, z);
    }
}
