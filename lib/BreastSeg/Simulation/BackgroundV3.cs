using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>
/// The structure cohort v3 adds to a v2 case, drawn from the case's generator after every v2 draw (so a v3 case has
/// the v2 case's mass, anatomy and tissues plus these): sound speeds (edge shadows at the mass's lateral walls),
/// collagen-like attenuation of Cooper's ligaments (shadows beneath steep ligaments), milk ducts, and line-correlated
/// electronic noise with per-line gain jitter.
/// </summary>
public static class BackgroundV3
{
    /// <summary>Returns <paramref name="c"/> with the v3 structure drawn from <paramref name="r"/>.</summary>
    public static CaseDescription Draw(Random r, CaseDescription c)
    {
        var t = c.Tissues;
        // Sound speeds (m/s), spans chosen around in-vivo ultrasound tomography (Ranger et al. 2012, AJR 198:233: fat
        // below ~1460, fibroglandular tissue above, solid masses ~1520 +- 30; the kit's reference: fat 1440, gland 1520,
        // tumour 1548). Only the mass surface refracts (EdgeShadow). The
        // controls keep the mass's speed equal to the gland's: refraction is a cue beyond statistics or brightness.
        double fat = r.Uniform(1420, 1470), gland = r.Uniform(1490, 1540);
        double mass = c.Mass.Class switch
        {
            MassClass.Malignant => r.Uniform(1530, 1580),
            MassClass.Benign => r.Uniform(1520, 1570),
            _ => r.Uniform(1520, 1570),
        };
        if (c.Contrast != MassContrast.Clinical) mass = gland;
        // Cooper's ligaments are collagen: tendon-like attenuation, about 4-5 dB/cm/MHz (Duck 1990, Physical
        // Properties of Tissue), taken here as 2-5 (thinner, looser bundles). A line that runs along a steep ligament
        // crosses millimetres of it and is shadowed below; one crossing a flat ligament loses a fraction of a dB.
        double ligament = r.Uniform(2, 5);
        // Duct lumen: fluid, anechoic or with sparse low-level debris; attenuation of fluid.
        var duct = r.Chance(0.65)
            ? new TissueAcoustics("duct", 0, ScattererAmplitude.Gaussian, -60, r.Uniform(0.05, 0.2), 1520)
            : new TissueAcoustics("duct", r.Uniform(0.3, 1), ScattererAmplitude.Gaussian, t.Fibroglandular.EchogenicityDb - r.Uniform(15, 25), r.Uniform(0.05, 0.2), 1520);
        var tissues = t with
        {
            Fat = t.Fat with { SoundSpeed = fat },
            Fibroglandular = t.Fibroglandular with { SoundSpeed = gland },
            Mass = t.Mass with { SoundSpeed = mass },
            Ligament = t.Ligament with { AttenuationDbPerCmMHz = ligament },
            Halo = t.Halo with { SoundSpeed = gland },
            Duct = duct,
        };
        var views = c.Views.Select(v => v with { Anatomy = v.Anatomy with { Ducts = DrawDucts(r, v.Anatomy) } }).ToArray();
        // Line artefacts. Not from a published range (scanners do not publish them): a small shared-noise fraction and
        // sub-dB line gain jitter, enough to streak the deep, noise-dominated part of the frame without changing the
        // speckle statistics of the calibration depth (8-28 mm), where noise is 30-50 dB below the echo.
        var artefacts = new LineArtefacts(r.Uniform(0.1, 0.5), r.Uniform(10, 60), r.Uniform(0.1, 0.5), r.Uniform(1, 4));
        return c with { Tissues = tissues, Views = views, LineArtefacts = artefacts };
    }

    // Ducts: 0-3 per slice, in the fibroglandular layer, roughly parallel to the skin (they converge on the nipple).
    // Diameter: normal ducts about 1-3 mm, ectatic ducts up to about 8 mm (Stavros, Breast Ultrasound, 2004; duct
    // ectasia is a duct wider than about 3 mm); three in four drawn normal. A duct crosses the slice along its length or
    // across it (an ellipse), as the probe's orientation to the radial duct system varies. Walls echogenic (epithelium
    // and periductal stroma): 14-20 dB re fat where they face the beam, 4-14 dB above the gland (6-10 dB).
    private static IReadOnlyList<Duct> DrawDucts(Random r, BreastAnatomy a)
    {
        int count = r.Next(0, 4);
        var ducts = new List<Duct>();
        for (int k = 0; k < count; k++)
        {
            double diameter = r.Chance(0.75) ? r.Uniform(1, 3) : r.Uniform(3, 8);
            double x = r.Uniform(-17, 17);
            double lo = a.GlandTop(x) + diameter / 2 + 0.5, hi = a.GlandBottom(x) - diameter / 2 - 0.5;
            bool across = r.Chance(0.5);
            double depth = r.Uniform(0, 1), angle = r.Normal(0, 12), length = r.Uniform(6, 25);
            double bow = across ? r.Uniform(0, 0.6) : r.Uniform(-1.5, 1.5), wall = r.Uniform(14, 20);
            if (hi <= lo) continue;
            ducts.Add(new Duct(x, lo + depth * (hi - lo), angle, across ? 0 : length, diameter, bow, wall));
        }
        return ducts;
    }
}
