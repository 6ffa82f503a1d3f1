using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>
/// Draws case descriptions: anatomy, mass class, size, shape, position and tissue acoustics. Case i depends only on
/// (seed, i) and its class; classes are an exact-count shuffle, so the cohort's class balance is what was asked.
/// Ranges come from the literature collected in the kit's simulation reference (sizes: carcinoma about 20.8 x 19.1 mm,
/// fibroadenoma about 19.0 x 11.5 mm; attenuation: fat 0.4-0.75, gland 0.75, carcinoma above fibroadenoma, cysts near
/// 0 dB/cm/MHz; Nakagami m: fat 0.89, fibroadenoma 0.67, lower in carcinoma).
/// </summary>
public static class CaseGenerator
{
    /// <summary>Class of every case: exact counts from the fractions, in a seeded random order.</summary>
    public static MassClass[] AssignClasses(CohortOptions o)
    {
        int malignant = (int)Math.Round(o.MalignantFraction * o.Cases);
        int cysts = Math.Min(o.Cases - malignant, (int)Math.Round(o.CystFraction * o.Cases));
        var classes = new MassClass[o.Cases];
        for (int i = 0; i < o.Cases; i++)
            classes[i] = i < malignant ? MassClass.Malignant : i < malignant + cysts ? MassClass.Cyst : MassClass.Benign;
        new Random(SeedHash.Derive(o.Seed, -1)).Shuffle(classes);
        return classes;
    }

    /// <summary>Descriptions of the whole cohort (cheap: no RF).</summary>
    public static CaseDescription[] DescribeCohort(CohortOptions o)
    {
        var classes = AssignClasses(o);
        return Enumerable.Range(0, o.Cases).Select(i => Describe(o, i, classes[i])).ToArray();
    }

    /// <summary>Description of case <paramref name="index"/> of class <paramref name="cls"/>.</summary>
    public static CaseDescription Describe(CohortOptions o, int index, MassClass cls)
    {
        var r = new Random(SeedHash.Derive(o.Seed, index));
        var tissues = DrawTissues(r, cls, o.Contrast);
        var mass = DrawMass(r, cls, o.Contrast, tissues);
        double skin = r.Uniform(1.2, 2.5), subFat = r.Uniform(3, 9), gland = r.Uniform(10, 22), retro = r.Uniform(2, 6);

        // Place the mass in the fibroglandular layer, below the skin, with room for posterior features.
        var radii = Enumerable.Range(0, o.Views).Select(p => PhantomBuilder.InPlaneRadii(mass.Shape, p, 720)).ToArray();
        double above = radii.Max(t => Extent(t, up: true)) + mass.HaloMm, below = radii.Max(t => Extent(t, up: false)) + mass.HaloMm;
        double depth = Math.Max(skin + 1.5 + above, skin + subFat + r.Uniform(0.3, 0.7) * gland);
        double imaging = Math.Clamp(depth + below + 12, 40, 50);
        depth = Math.Min(depth, imaging - 8 - below);
        int samples = (int)Math.Round(imaging / o.Scanner.Acquisition.AxialSpacingMm);
        mass = mass with { DepthMm = depth };

        var views = new ViewDescription[o.Views];
        double halfAperture = o.Scanner.Acquisition.ApertureMm / 2 - 0.5;
        for (int v = 0; v < o.Views; v++)
        {
            double lateralExtent = Math.Max(Extent(radii[v], up: true, lateral: true), Extent(radii[v], up: false, lateral: true)) + mass.HaloMm;
            // Masses sit anywhere across the aperture; about one view in six is cut by the frame edge (up to 40 % of its width).
            double room = Math.Max(0, halfAperture - (r.Chance(0.15) ? 0.2 : 1) * lateralExtent);
            double lateral = Math.Clamp(r.Uniform(-12, 12) * (r.Chance(0.5) ? 1 : 1.6), -room, room);
            views[v] = new ViewDescription(v, lateral, DrawAnatomy(r, skin, subFat, gland, retro), SeedHash.Derive(o.Seed, index, v + 1));
        }
        string birads = BiRadsModel.Draw(r, cls);
        // The sonographer sets the focus near, not at, the mass, and the gain and TGC per patient.
        double focus = Math.Clamp(depth + r.Normal(0, 4), 6, imaging - 4);
        var c = new CaseDescription(index, $"SIM{index + 1:D4}", birads, cls == MassClass.Malignant, samples * o.Scanner.Acquisition.AxialSpacingMm,
            samples, focus, o.Contrast, tissues, mass, views)
        {
            GainDb = r.Normal(0, 3),
            ReaderVariability = 0.03,
            TgcDbPerCmMHz = o.Scanner.TgcDbPerCmMHz is double tgc ? Math.Max(0, tgc + r.Normal(0, 0.1)) : null,
            // Parenchymal texture on 1-10 mm scales (|k| = 2 pi / lambda), 1.5-3 dB standard deviation.
            Parenchyma = PlaneWaveField.Random(r, 24, 2 * Math.PI / 10, 2 * Math.PI / 1, r.Uniform(1.5, 3)),
        };
        // Cohort v3 draws last, so every v2 parameter above keeps its value.
        return BackgroundV3.Draw(r, c);
    }

    // Largest extent of the in-plane outline above/below the centre (or left/right of it).
    private static double Extent(double[] radii, bool up, bool lateral = false)
    {
        double m = 0;
        for (int k = 0; k < radii.Length; k++)
        {
            double phi = 2 * Math.PI * k / radii.Length;
            double c = lateral ? Math.Cos(phi) : Math.Sin(phi);
            m = Math.Max(m, radii[k] * (up ? -c : c));
        }
        return m;
    }

    // Scatterer statistics. The fibroglandular tissue is drawn from 4-20 Gaussian scatterers per cell (Nakagami m
    // about 0.6-0.88 by m = 1 / (1 + 3 x 0.8825 / N)), fat from 10-25 (0.79-0.9; Tsui et al. 2008: fat 0.89 +/- 0.08).
    // Masses have m on both sides of their surroundings: pre-Rayleigh Gaussian scatterers (m 0.25-0.6, carcinomas
    // mostly; Tsui: fibroadenoma 0.67 +/- 0.11, carcinoma lower; Shankar et al. 2001, IEEE TUFFC 48:569, report
    // malignant masses with m both above and below benign ones) or many equal-strength scatterers (constant amplitudes,
    // m 0.87-0.96: a more regular, Rician-like texture than the gland's).
    private static CaseTissues DrawTissues(Random r, MassClass cls, MassContrast contrast)
    {
        var cal = CohortCalibration.Current;
        var fat = new TissueAcoustics("fat", r.Uniform(10, 25), ScattererAmplitude.Gaussian, 0, r.Uniform(0.45, 0.75), 1440);
        var gland = new TissueAcoustics("fibroglandular", r.Uniform(4, 20), ScattererAmplitude.Gaussian, r.Uniform(6, 10), r.Uniform(0.65, 0.85), 1520);
        var skin = new TissueAcoustics("skin", 20, ScattererAmplitude.Gaussian, 12, 1.8, 1555);
        var ligament = new TissueAcoustics("ligament", 30, ScattererAmplitude.Constant, 12, fat.AttenuationDbPerCmMHz, 1540);
        var muscle = new TissueAcoustics("muscle", 12, ScattererAmplitude.Gaussian, -3, 1.0, 1580);
        var halo = new TissueAcoustics("halo", 15, ScattererAmplitude.Gaussian, r.Uniform(8, 12), gland.AttenuationDbPerCmMHz, 1540);
        bool lowM = r.Chance(cls == MassClass.Malignant ? 0.65 : 0.5);
        double density = lowM ? r.Uniform(cls == MassClass.Malignant ? 0.7 : 1.5, 5) : r.Uniform(6, 20);
        var amplitude = lowM ? ScattererAmplitude.Gaussian : ScattererAmplitude.Constant;
        TissueAcoustics mass = cls switch
        {
            MassClass.Malignant => new("mass", density, amplitude, gland.EchogenicityDb + cal.DrawRelativeEchogenicityDb(r, cls),
                r.Chance(0.6) ? r.Uniform(1.2, 1.8) : r.Uniform(0.85, 1.1), 1548),
            MassClass.Benign => new("mass", density, amplitude, gland.EchogenicityDb + cal.DrawRelativeEchogenicityDb(r, cls),
                r.Uniform(0.6, 0.9), 1540),
            // Cysts: anechoic, or (complicated cysts) sparse low-level internal echoes.
            _ => r.Chance(0.6)
                ? new("mass", 0, ScattererAmplitude.Gaussian, -60, r.Uniform(0.05, 0.2), 1520)
                : new("mass", r.Uniform(0.2, 1), ScattererAmplitude.Gaussian, gland.EchogenicityDb - r.Uniform(12, 20), r.Uniform(0.05, 0.2), 1520),
        };
        mass = contrast switch
        {
            MassContrast.StatisticsOnly => mass with
            {
                ScatterersPerCell = Math.Max(mass.ScatterersPerCell, 0.3),
                EchogenicityDb = gland.EchogenicityDb + LogIsoEchoicOffsetDb(gland, mass with { ScatterersPerCell = Math.Max(mass.ScatterersPerCell, 0.3) }),
                AttenuationDbPerCmMHz = gland.AttenuationDbPerCmMHz,
            },
            MassContrast.EchogenicityOnly => mass with
            {
                ScatterersPerCell = gland.ScatterersPerCell, Amplitude = gland.Amplitude,
                EchogenicityDb = Math.Max(mass.EchogenicityDb, gland.EchogenicityDb - 30),
            },
            MassContrast.Null => gland with { Name = "mass" },
            _ => mass,
        };
        return new CaseTissues(skin, fat, ligament, gland, muscle, mass, halo);
    }

    /// <summary>Nakagami m of speckle from <paramref name="perCell"/> scatterers per resolution cell: the closed form
    /// 1 / (1 + k 0.8825 / N), k = 3 for Gaussian amplitudes (fourth moment 3), 1 for constant ones.</summary>
    public static double NakagamiM(double perCell, ScattererAmplitude amplitude) =>
        1 / (1 + (amplitude == ScattererAmplitude.Gaussian ? 3 : 1) * 0.8825 / perCell);

    /// <summary>
    /// Echogenicity offset (dB) that gives <paramref name="mass"/> the same mean log-envelope as <paramref name="around"/>.
    /// Speckle of a finite number of scatterers is K-distributed: intensity I with shape alpha has
    /// E[ln I] = ln Omega + psi(1) + psi(alpha) - ln alpha (Omega the mean intensity), and alpha = 2 m / (1 - m) for the
    /// speckle's Nakagami m (both share E[I^2] / E[I]^2 = 2 (1 + 1/alpha) = 1 + 1/m). Equal means need
    /// ln Omega_mass - ln Omega_around = g(alpha_around) - g(alpha_mass), g(a) = psi(a) - ln a.
    /// (The Nakagami law's own E[ln I] = psi(m) - ln m overstates the bias of sparse speckle by about a factor two.)
    /// </summary>
    public static double LogIsoEchoicOffsetDb(TissueAcoustics around, TissueAcoustics mass)
    {
        static double G(double m)
        {
            if (m >= 1 - 1e-9) return 0;
            double alpha = 2 * m / (1 - m);
            return MathNet.Numerics.SpecialFunctions.DiGamma(alpha) - Math.Log(alpha);
        }
        double ma = NakagamiM(around.ScatterersPerCell, around.Amplitude), mm = NakagamiM(mass.ScatterersPerCell, mass.Amplitude);
        return 10 / Math.Log(10) * (G(ma) - G(mm));
    }

    private static MassDescription DrawMass(Random r, MassClass cls, MassContrast contrast, CaseTissues t)
    {
        var cal = CohortCalibration.Current;
        double width, ratio, tiltSd;
        List<PlaneWave> logRadius;
        switch (cls)
        {
            case MassClass.Malignant:
                width = r.LogNormal(cal.MalignantWidthMedianMm, cal.WidthLogSd, 4, 32); ratio = Math.Clamp(r.Normal(0.95, 0.2), 0.6, 1.5); tiltSd = 15;
                logRadius = PlaneWaveField.Random(r, 12, 2, 6, r.Uniform(0.06, 0.14));
                logRadius.AddRange(PlaneWaveField.Random(r, 24, 10, 22, r.Uniform(0.02, 0.045)));
                break;
            case MassClass.Benign:
                width = r.LogNormal(cal.BenignWidthMedianMm, cal.WidthLogSd, 4, 32); ratio = Math.Clamp(r.Normal(0.6, 0.1), 0.4, 0.85); tiltSd = 8;
                logRadius = PlaneWaveField.Random(r, 12, 1.5, 4, r.Uniform(0.04, 0.10));
                break;
            default:
                width = r.LogNormal(cal.CystWidthMedianMm, cal.WidthLogSd, 3, 25); ratio = Math.Clamp(r.Normal(0.7, 0.12), 0.45, 0.95); tiltSd = 10;
                logRadius = PlaneWaveField.Random(r, 8, 1.5, 3, 0.03);
                break;
        }
        double height = Math.Min(width * ratio, 26);
        double elevation = Math.Clamp(width * r.Normal(1, 0.15), 0.6 * width, 1.4 * width);
        var axes = new Vec3(width / 2, elevation / 2, height / 2);
        var shape = new MassShape(axes, r.Normal(0, tiltSd), r.Uniform(0, 180), logRadius, []);
        if (cls == MassClass.Malignant && r.Chance(0.45)) shape = shape with { Spicules = DrawSpicules(r, shape) };

        bool clinicalMargins = contrast is MassContrast.Clinical or MassContrast.EchogenicityOnly;
        // v2 draws no echogenic halo: a halo of constant thickness traces the mask, a cue real images do not give.
        double halo = 0;
        double? capsule = !clinicalMargins ? null
            : cls == MassClass.Cyst ? r.Uniform(0, 6)
            : cls == MassClass.Benign && r.Chance(0.5) ? r.Uniform(-2, 5) : null;
        double heterogeneity = !clinicalMargins ? 0 : cls switch
        {
            MassClass.Malignant => r.Uniform(1.5, 3.0),
            MassClass.Benign => r.Uniform(0.5, 1.5),
            _ => 0,
        };
        var field = heterogeneity > 0 ? PlaneWaveField.Random(r, 10, 1, 3, heterogeneity) : [];
        return new MassDescription(cls, shape, 0, halo, capsule, field, t.Mass.AttenuationDbPerCmMHz >= 1.2);
    }

    private static List<Spicule> DrawSpicules(Random r, MassShape body)
    {
        var list = new List<Spicule>();
        int count = r.Next(20, 41);
        for (int k = 0; k < count; k++)
        {
            var (x, y, z) = r.UnitVector();
            var d = new Vec3(x, y, z);
            var start = (0.85 * body.RadiusAlong(d)) * d;
            double length = r.Uniform(3, 9), baseRadius = r.Uniform(0.3, 0.8);
            list.Add(new Spicule(start, d, length, baseRadius, 0.05));
            if (r.Chance(0.3))
            {
                var (bx, by, bz) = r.UnitVector();
                var b = d + 0.6 * new Vec3(bx, by, bz);
                b = (1 / b.Length) * b;
                list.Add(new Spicule(start + (0.5 * length) * d, b, 0.5 * length, 0.5 * baseRadius, 0.05));
            }
        }
        return list;
    }

    private static BreastAnatomy DrawAnatomy(Random r, double skin, double subFat, double gland, double retro)
    {
        List<Undulation> Waves(int count, double maxAmp) =>
            Enumerable.Range(0, count).Select(_ => new Undulation(r.Uniform(0.3, maxAmp), r.Uniform(15, 60), r.Uniform(0, 2 * Math.PI))).ToList();
        var a = new BreastAnatomy(skin, subFat, gland, retro, Waves(2, 2.5), Waves(2, 2.5), Waves(1, 1.5), [], [],
            r.Uniform(1.5, 3), r.Normal(0, 0.08));
        var ligaments = new List<Ligament>();
        int nl = r.Next(3, 7);
        // Ligaments run side by side and do not cross: sorted feet, each shifted by the same drift +- a little.
        var feet = Enumerable.Range(0, nl).Select(_ => r.Uniform(-19, 19)).Order().ToArray();
        double drift = r.Uniform(-6, 6);
        for (int k = 0; k < nl; k++)
        {
            double x0 = feet[k], x2 = x0 + drift + r.Uniform(-1, 1);
            double top = a.GlandTop(x0);
            ligaments.Add(new Ligament(x0, (x0 + x2) / 2 + r.Uniform(-1, 1), r.Uniform(skin + 0.5, Math.Max(skin + 0.6, top - 0.5)), x2, r.Uniform(0.2, 0.45)));
        }
        var lobules = new List<FatLobule>();
        int nf = r.Next(3, 9);
        for (int k = 0; k < nf; k++)
        {
            double x = r.Uniform(-19, 19), lo = a.GlandTop(x) + 1, hi = Math.Max(lo, a.GlandBottom(x) - 1);
            double semiWidth = r.Uniform(1.5, 7.5); // 3-15 mm lobules
            lobules.Add(new FatLobule(x, r.Uniform(lo, hi), semiWidth, semiWidth * r.Uniform(0.35, 0.7), r.Normal(0, 15)));
        }
        return a with { Ligaments = ligaments, FatLobules = lobules };
    }
}
