using BreastSeg.Rf;

namespace BreastSeg.Simulation.Phantom;

/// <summary>Rasterises one view of a case onto the RF grid: tissue labels, reflectors, heterogeneity and the mask.</summary>
public static class PhantomBuilder
{
    /// <summary>Tissue labels (indices into the slice phantom's tissue table).</summary>
    public enum Label : byte
    {
        /// <summary>Skin.</summary>
        Skin,
        /// <summary>Fat.</summary>
        Fat,
        /// <summary>Cooper's ligament.</summary>
        Ligament,
        /// <summary>Fibroglandular tissue.</summary>
        Fibroglandular,
        /// <summary>Pectoralis muscle.</summary>
        Muscle,
        /// <summary>Mass (the lesion mask).</summary>
        Mass,
        /// <summary>Echogenic halo.</summary>
        Halo,
        /// <summary>Lumen of a milk duct.</summary>
        Duct,
    }

    private const double ReflectorSpacingMm = 0.02; // < lambda/4, so tilted sheets do not alias
    private const int AngleTable = 4096;

    // Peak echo of the specular sheets relative to reference fat (dB).
    private const double SkinEntryDb = 20, DermisFatDb = 10, LigamentDb = 6, FasciaDb = 10, StriationDb = 8;

    /// <summary>Builds view <paramref name="view"/> of <paramref name="c"/>.</summary>
    public static (SlicePhantom Phantom, LesionMask Mask) Build(CaseDescription c, int view, ScannerSettings scanner)
    {
        var v = c.Views[view];
        var a = v.Anatomy;
        int n = c.Samples, lines = scanner.Lines;
        double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(lines);
        double Lateral(int j) => (j - (lines - 1) / 2.0) * pitch;
        var labels = new byte[(long)n * lines];
        var rng = new Random(SeedHash.Derive(v.Seed, 1));

        for (int j = 0; j < lines; j++)
        {
            double x = Lateral(j);
            double skin = a.SkinMm, top = a.GlandTop(x), bottom = a.GlandBottom(x), muscle = a.MuscleTop(x);
            for (int i = 0; i < n; i++)
            {
                double z = i * dz;
                labels[j * n + i] = (byte)(z < skin ? Label.Skin : z < top ? Label.Fat : z < bottom ? Label.Fibroglandular : z < muscle ? Label.Fat : Label.Muscle);
            }
        }
        foreach (var f in a.FatLobules) PaintLobule(labels, n, lines, dz, pitch, f);
        var reflectors = new List<PointReflector>();
        foreach (var l in a.Ligaments) PaintLigament(labels, n, lines, dz, pitch, a, l, reflectors, scanner, rng);
        if (c.Tissues.Duct is not null)
            foreach (var d in a.Ducts) PaintDuct(labels, n, lines, dz, pitch, d, reflectors, scanner, rng);

        var offsets = new float[labels.Length];
        PaintParenchyma(c, v, labels, offsets, n, lines, dz, pitch);
        var mask = new bool[labels.Length];
        var capsule = new List<PointReflector>();
        PaintMass(c, v, labels, offsets, mask, n, lines, dz, pitch, capsule, scanner, rng);

        AddSheet(reflectors, x => 0.15, -19.5, 19.5, SkinEntryDb, scanner, rng);
        AddSheet(reflectors, x => a.SkinMm, -19.5, 19.5, DermisFatDb, scanner, rng);
        AddSheet(reflectors, a.MuscleTop, -19.5, 19.5, FasciaDb, scanner, rng);
        double depth = n * dz;
        for (double z0 = a.SkinMm + a.SubcutaneousFatMm + a.FibroglandularMm + a.RetromammaryFatMm + a.MuscleStriationSpacingMm;
             z0 < depth + 20 * Math.Abs(a.MuscleStriationSlope); z0 += a.MuscleStriationSpacingMm)
        {
            double zStart = z0;
            AddSheet(reflectors, x => zStart + a.MuscleStriationSlope * x, -19.5, 19.5, StriationDb, scanner, rng,
                keep: (x, z) => z > a.MuscleTop(x) + 0.3 && z < depth);
        }

        // Tissue interfaces stop at the mass and its halo; the mass's own capsule is added after. (A null-control mass
        // is not a different tissue, so nothing stops there.)
        if (c.Contrast != MassContrast.Null) reflectors.RemoveAll(r =>
        {
            int i = (int)Math.Round(r.DepthMm / dz), j = (int)Math.Round(r.LateralMm / pitch + (lines - 1) / 2.0);
            return i >= 0 && i < n && j >= 0 && j < lines && labels[j * n + i] is (byte)Label.Mass or (byte)Label.Halo;
        });
        reflectors.AddRange(capsule);
        var t = c.Tissues;
        TissueAcoustics[] table = [t.Skin, t.Fat, t.Ligament, t.Fibroglandular, t.Muscle, t.Mass, t.Halo, t.Duct ?? t.Fibroglandular];
        var loss = c.Contrast == MassContrast.Null ? null : EdgeShadow.Losses(labels, n, lines, dz, pitch, table, (byte)Label.Mass, scanner);
        var phantom = new SlicePhantom(n, lines, labels, table, reflectors, offsets, loss);
        return (phantom, new LesionMask(n, lines, mask));
    }

    /// <summary>World offset from the mass centre of image point (lateral, depth) in view <paramref name="v"/>.</summary>
    public static Vec3 ToWorld(ViewDescription v, double massDepthMm, double lateralMm, double depthMm) =>
        v.Plane == 0 ? new Vec3(lateralMm - v.MassLateralMm, 0, depthMm - massDepthMm) : new Vec3(0, lateralMm - v.MassLateralMm, depthMm - massDepthMm);

    /// <summary>In-plane surface radius of the mass body (mm) at in-plane angles 2 pi k / count (0 = +lateral, pi/2 = deeper).</summary>
    public static double[] InPlaneRadii(MassShape shape, int plane, int count = AngleTable)
    {
        var r = new double[count];
        var frame = shape.BodyFrame();
        for (int k = 0; k < count; k++)
        {
            double phi = 2 * Math.PI * k / count;
            var w = plane == 0 ? new Vec3(Math.Cos(phi), 0, Math.Sin(phi)) : new Vec3(0, Math.Cos(phi), Math.Sin(phi));
            var u = frame.ToBody(w);
            r[k] = shape.RadiusAlong(u);
        }
        return r;
    }

    private static double Radius(double[] table, double phi)
    {
        double f = (phi < 0 ? phi + 2 * Math.PI : phi) / (2 * Math.PI) * table.Length;
        int k = (int)f;
        double w = f - k;
        return table[k % table.Length] * (1 - w) + table[(k + 1) % table.Length] * w;
    }

    private static void PaintMass(CaseDescription c, ViewDescription v, byte[] labels, float[] offsets, bool[] mask, int n, int lines,
        double dz, double pitch, List<PointReflector> reflectors, ScannerSettings scanner, Random rng)
    {
        var m = c.Mass;
        var radii = InPlaneRadii(m.Shape, v.Plane);
        var drawn = c.ReaderVariability > 0 ? ReaderOutline(radii, c.ReaderVariability, new Random(SeedHash.Derive(v.Seed, 2))) : radii;
        bool paintTissue = c.Contrast != MassContrast.Null;
        var frame = m.Shape.BodyFrame();
        // The slice's normal in the body frame, where the spicules live.
        var normal = frame.ToBody(v.Plane == 0 ? new Vec3(0, 1, 0) : new Vec3(1, 0, 0));
        var spicules = m.Shape.Spicules.Where(s => s.DistanceToPlane(normal) <= Math.Max(s.BaseRadiusMm, s.TipRadiusMm)).ToArray();
        // In-plane bounding box of each spicule (offsets from the mass centre, mm), so a pixel tests only the few
        // spicules that can reach it.
        var boxes = spicules.Select(s =>
        {
            var a = frame.ToWorld(s.Start);
            var b = frame.ToWorld(s.Start + s.LengthMm * s.Direction);
            double pad = Math.Max(s.BaseRadiusMm, s.TipRadiusMm);
            double ua = v.Plane == 0 ? a.X : a.Y, ub = v.Plane == 0 ? b.X : b.Y;
            return (X0: Math.Min(ua, ub) - pad, X1: Math.Max(ua, ub) + pad, Z0: Math.Min(a.Z, b.Z) - pad, Z1: Math.Max(a.Z, b.Z) + pad);
        }).ToArray();
        double reach = radii.Max() + m.HaloMm + (spicules.Length > 0 ? spicules.Max(s => s.LengthMm + s.Start.Length) : 0) + 0.5;
        int j0 = Math.Max(0, (int)Math.Floor((v.MassLateralMm - reach) / pitch + (lines - 1) / 2.0));
        int j1 = Math.Min(lines - 1, (int)Math.Ceiling((v.MassLateralMm + reach) / pitch + (lines - 1) / 2.0));
        int i0 = Math.Max(0, (int)Math.Floor((m.DepthMm - reach) / dz)), i1 = Math.Min(n - 1, (int)Math.Ceiling((m.DepthMm + reach) / dz));
        for (int j = j0; j <= j1; j++)
        {
            double x = (j - (lines - 1) / 2.0) * pitch - v.MassLateralMm;
            for (int i = i0; i <= i1; i++)
            {
                double z = i * dz - m.DepthMm;
                double r = Math.Sqrt(x * x + z * z);
                double phi = Math.Atan2(z, x);
                double excess = r - Radius(radii, phi);
                bool inside = excess <= 0, inMask = r <= Radius(drawn, phi);
                if (!inside && !inMask && excess >= m.HaloMm && spicules.Length == 0) continue;
                var w = ToWorld(v, m.DepthMm, x + v.MassLateralMm, z + m.DepthMm);
                if (!inside && spicules.Length > 0)
                {
                    var q = frame.ToBody(w);
                    for (int k = 0; k < spicules.Length; k++)
                    {
                        var box = boxes[k];
                        if (x < box.X0 || x > box.X1 || z < box.Z0 || z > box.Z1) continue;
                        if (spicules[k].Contains(q)) { inside = true; break; }
                    }
                }
                int p = j * n + i;
                // The reader's outline follows the body's (spicules included), give or take a few per cent.
                mask[p] = inMask || (inside && excess > 0);
                if (inside && paintTissue)
                {
                    labels[p] = (byte)Label.Mass;
                    offsets[p] = m.Heterogeneity.Count > 0 ? (float)PlaneWaveField.Evaluate(m.Heterogeneity, w) : 0;
                }
                else if (excess < m.HaloMm && paintTissue)
                {
                    labels[p] = (byte)Label.Halo;
                }
            }
        }
        if (m.CapsuleDb is double capsuleDb && paintTissue)
        {
            // A specular wall echoes back to the probe only where it faces the beam: amplitude |n_z|^4 (n the outline's
            // unit normal, z the beam axis), so the top and bottom walls are bright and the lateral walls absent.
            double amp = SheetAmplitude(capsuleDb, scanner);
            int count = (int)Math.Ceiling(2 * Math.PI * radii.Max() / ReflectorSpacingMm);
            double dphi = 2 * Math.PI / count;
            for (int k = 0; k < count; k++)
            {
                double phi = k * dphi, r = Radius(radii, phi), dr = (Radius(radii, phi + dphi) - Radius(radii, phi - dphi)) / (2 * dphi);
                // Tangent (dr cos - r sin, dr sin + r cos); normal is the tangent turned by 90 degrees.
                double tx = dr * Math.Cos(phi) - r * Math.Sin(phi), tz = dr * Math.Sin(phi) + r * Math.Cos(phi);
                double nz = tx / Math.Sqrt(tx * tx + tz * tz);
                double facing = nz * nz * nz * nz;
                if (facing < 0.01) continue;
                reflectors.Add(new PointReflector(v.MassLateralMm + r * Math.Cos(phi), m.DepthMm + r * Math.Sin(phi), amp * facing * Jitter(rng)));
            }
        }
    }

    // A reader's outline: the true in-plane radii scaled by 1 + a smooth random function of angle (a few per cent: a
    // constant under- or over-segmentation plus low-order wobble), as two readers' masks of one mass differ.
    private static double[] ReaderOutline(double[] radii, double sd, Random r)
    {
        double bias = r.Normal(0, sd);
        var terms = Enumerable.Range(2, 5).Select(k => (K: k, A: r.Normal(0, sd / 2), P: r.Uniform(0, 2 * Math.PI))).ToArray();
        var drawn = new double[radii.Length];
        for (int k = 0; k < radii.Length; k++)
        {
            double phi = 2 * Math.PI * k / radii.Length, f = 1 + bias;
            foreach (var t in terms) f += t.A * Math.Cos(t.K * phi + t.P);
            drawn[k] = radii[k] * Math.Max(0.8, f);
        }
        return drawn;
    }

    // Parenchymal texture: the case's smooth random echogenicity field over fibroglandular pixels, evaluated on a
    // 0.2 x 0.15 mm grid (the field's shortest wavelength is 1 mm) and held constant within each cell.
    private static void PaintParenchyma(CaseDescription c, ViewDescription v, byte[] labels, float[] offsets, int n, int lines, double dz, double pitch)
    {
        if (c.Parenchyma.Count == 0) return;
        int si = Math.Max(1, (int)(0.2 / dz)), sj = Math.Max(1, (int)(0.15 / pitch));
        for (int j0 = 0; j0 < lines; j0 += sj)
            for (int i0 = 0; i0 < n; i0 += si)
            {
                float value = float.NaN;
                for (int j = j0; j < Math.Min(lines, j0 + sj); j++)
                    for (int i = i0; i < Math.Min(n, i0 + si); i++)
                    {
                        int p = j * n + i;
                        if (labels[p] != (byte)Label.Fibroglandular) continue;
                        if (float.IsNaN(value))
                            value = (float)PlaneWaveField.Evaluate(c.Parenchyma, ToWorld(v, c.Mass.DepthMm, (j0 + sj / 2.0 - (lines - 1) / 2.0) * pitch, (i0 + si / 2.0) * dz));
                        offsets[p] = value;
                    }
            }
    }

    private static void PaintLobule(byte[] labels, int n, int lines, double dz, double pitch, FatLobule f)
    {
        double ca = Math.Cos(f.AngleDeg * Math.PI / 180), sa = Math.Sin(f.AngleDeg * Math.PI / 180);
        double reach = Math.Max(f.SemiWidthMm, f.SemiHeightMm);
        int j0 = Math.Max(0, (int)((f.LateralMm - reach) / pitch + (lines - 1) / 2.0)), j1 = Math.Min(lines - 1, (int)((f.LateralMm + reach) / pitch + (lines - 1) / 2.0) + 1);
        int i0 = Math.Max(0, (int)((f.DepthMm - reach) / dz)), i1 = Math.Min(n - 1, (int)((f.DepthMm + reach) / dz) + 1);
        for (int j = j0; j <= j1; j++)
        for (int i = i0; i <= i1; i++)
        {
            double x = (j - (lines - 1) / 2.0) * pitch - f.LateralMm, z = i * dz - f.DepthMm;
            double u = (ca * x + sa * z) / f.SemiWidthMm, w = (-sa * x + ca * z) / f.SemiHeightMm;
            int p = j * n + i;
            if (u * u + w * w <= 1 && labels[p] == (byte)Label.Fibroglandular) labels[p] = (byte)Label.Fat;
        }
    }

    private static void PaintLigament(byte[] labels, int n, int lines, double dz, double pitch, BreastAnatomy a, Ligament l,
        List<PointReflector> reflectors, ScannerSettings scanner, Random rng)
    {
        double amp = SheetAmplitude(LigamentDb, scanner), half = l.ThicknessMm / 2;
        int steps = 2000;
        var (px, pz) = a.LigamentPoint(l, 0);
        double travelled = 0;
        for (int s = 0; s <= steps; s++)
        {
            var (x, z) = a.LigamentPoint(l, s / (double)steps);
            travelled += Math.Sqrt((x - px) * (x - px) + (z - pz) * (z - pz));
            (px, pz) = (x, z);
            if (travelled >= ReflectorSpacingMm || s == 0)
            {
                travelled = 0;
                reflectors.Add(new PointReflector(x, z, amp * Jitter(rng)));
            }
            int jc = (int)Math.Round(x / pitch + (lines - 1) / 2.0), ic = (int)Math.Round(z / dz);
            int dj = (int)Math.Ceiling(half / pitch), di = (int)Math.Ceiling(half / dz);
            for (int j = Math.Max(0, jc - dj); j <= Math.Min(lines - 1, jc + dj); j++)
            for (int i = Math.Max(0, ic - di); i <= Math.Min(n - 1, ic + di); i++)
            {
                double ex = (j - (lines - 1) / 2.0) * pitch - x, ez = i * dz - z;
                int p = j * n + i;
                if (ex * ex + ez * ez <= half * half && labels[p] is (byte)Label.Fat or (byte)Label.Fibroglandular) labels[p] = (byte)Label.Ligament;
            }
        }
    }

    // A duct: the lumen replaces fibroglandular pixels only (ducts run in the gland), and its walls are specular like a
    // capsule, |n_z|^4, so the walls parallel to the skin are bright and the steep ones absent.
    private static void PaintDuct(byte[] labels, int n, int lines, double dz, double pitch, Duct d,
        List<PointReflector> reflectors, ScannerSettings scanner, Random rng)
    {
        double ca = Math.Cos(d.AngleDeg * Math.PI / 180), sa = Math.Sin(d.AngleDeg * Math.PI / 180);
        double r = d.DiameterMm / 2, semiX = r * (1 + Math.Max(0, d.SagittaMm)), halfL = d.LengthMm / 2;
        double reach = d.IsCrossSection ? semiX + 0.2 : halfL + r + Math.Abs(d.SagittaMm) + 0.2;
        double Bow(double u) => d.SagittaMm * (1 - 4 * u * u / (d.LengthMm * d.LengthMm));
        bool Inside(double x, double z)
        {
            double u = ca * x + sa * z, w = -sa * x + ca * z;
            if (d.IsCrossSection) return u * u / (semiX * semiX) + w * w / (r * r) <= 1;
            return Math.Abs(u) <= halfL && Math.Abs(w - Bow(u)) <= r;
        }
        int j0 = Math.Max(0, (int)((d.LateralMm - reach) / pitch + (lines - 1) / 2.0)), j1 = Math.Min(lines - 1, (int)((d.LateralMm + reach) / pitch + (lines - 1) / 2.0) + 1);
        int i0 = Math.Max(0, (int)((d.DepthMm - reach) / dz)), i1 = Math.Min(n - 1, (int)((d.DepthMm + reach) / dz) + 1);
        for (int j = j0; j <= j1; j++)
        for (int i = i0; i <= i1; i++)
        {
            int p = j * n + i;
            if (labels[p] == (byte)Label.Fibroglandular && Inside((j - (lines - 1) / 2.0) * pitch - d.LateralMm, i * dz - d.DepthMm))
                labels[p] = (byte)Label.Duct;
        }

        // Wall points (frame coordinates u, w with the outward normal), kept where the wall lies in the gland.
        double amp = SheetAmplitude(d.WallDb, scanner);
        void Wall(double u, double w, double nu, double nw)
        {
            double x = d.LateralMm + ca * u - sa * w, z = d.DepthMm + sa * u + ca * w;
            double nz = (sa * nu + ca * nw) / Math.Sqrt(nu * nu + nw * nw);
            double facing = nz * nz * nz * nz;
            int i = (int)Math.Round(z / dz), j = (int)Math.Round(x / pitch + (lines - 1) / 2.0);
            if (facing < 0.01 || i < 0 || i >= n || j < 0 || j >= lines || labels[j * n + i] is not ((byte)Label.Fibroglandular or (byte)Label.Duct)) return;
            reflectors.Add(new PointReflector(x, z, amp * facing * Jitter(rng)));
        }
        if (d.IsCrossSection)
        {
            int count = (int)Math.Ceiling(2 * Math.PI * semiX / ReflectorSpacingMm);
            for (int k = 0; k < count; k++)
            {
                double t = 2 * Math.PI * k / count, cu = Math.Cos(t), sw = Math.Sin(t);
                Wall(semiX * cu, r * sw, cu / semiX, sw / r);
            }
            return;
        }
        for (double u = -halfL; u <= halfL;)
        {
            double slope = -8 * d.SagittaMm * u / (d.LengthMm * d.LengthMm); // dBow/du
            Wall(u, Bow(u) + r, -slope, 1);
            Wall(u, Bow(u) - r, slope, -1);
            u += ReflectorSpacingMm / Math.Sqrt(1 + slope * slope);
        }
    }

    // A sheet of reflectors along depth = f(lateral), spaced ReflectorSpacingMm along the curve.
    private static void AddSheet(List<PointReflector> reflectors, Func<double, double> depthAt, double x0, double x1, double db,
        ScannerSettings scanner, Random rng, Func<double, double, bool>? keep = null)
    {
        double amp = SheetAmplitude(db, scanner);
        double x = x0, z = depthAt(x0);
        while (x <= x1)
        {
            if (keep is null || keep(x, z)) reflectors.Add(new PointReflector(x, z, amp * Jitter(rng)));
            // Step so the arc length is the spacing.
            double dx = ReflectorSpacingMm, zNext = depthAt(x + dx);
            double arc = Math.Sqrt(dx * dx + (zNext - z) * (zNext - z));
            x += dx * ReflectorSpacingMm / arc;
            z = depthAt(x);
        }
    }

    // A coherent sheet with linear density 1/spacing peaks at amp / spacing * integral of the lateral PSF
    // (sigma sqrt(2 pi)); choose amp so the sheet's echo peaks at `db` above reference fat's RMS.
    private static double SheetAmplitude(double db, ScannerSettings scanner) =>
        Math.Pow(10, db / 20) * ReflectorSpacingMm / (BeamModel.FocalSigmaMm(scanner) * Math.Sqrt(2 * Math.PI));

    // Real interfaces are not perfectly smooth: +-30% amplitude roughness breaks the sheet's coherence a little.
    private static double Jitter(Random rng) => Math.Max(0, 1 + 0.3 * rng.Normal());
}
