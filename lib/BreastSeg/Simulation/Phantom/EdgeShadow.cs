namespace BreastSeg.Simulation.Phantom;

/// <summary>
/// Edge (refraction) shadows of a mass: each scan line that enters and leaves the mass crosses its surface at an
/// incidence angle given by the surface's slope there. At that crossing the beam loses (1) the energy reflected by the
/// interface (Fresnel, with total reflection beyond the critical angle asin(c1 / c2) where the mass is faster than the
/// tissue above it) and (2) the energy refracted away from the line (a ray turned by more than the receive aperture's
/// half-angle no longer returns along its line). Both grow steeply towards the lateral edges of a rounded mass, where
/// the beam meets the surface nearly tangentially, so the lines below the edges are darker: the edge shadow (Sommer,
/// Filly and Minton 1979, AJR 132:973; Steel et al. 2004, Ultrasound Med Biol 30:1153, who trace it to refraction and
/// to the sound-speed contrast). Simplifications: equal densities (acoustic impedance proportional to sound speed),
/// straight rays after the crossing, and only the mass surface refracts (the beamformer still assumes 1540 m/s).
/// </summary>
public static class EdgeShadow
{
    /// <summary>Largest one-way loss of one crossing (dB): total reflection leaves some energy by diffraction around the edge.</summary>
    public const double MaxLossDb = 20;

    /// <summary>Per-pixel one-way loss (dB) at the first and last pixel of label <paramref name="mass"/> on each line;
    /// null when no line crosses the mass.</summary>
    /// <param name="labels">Tissue labels, column-major (samples x lines).</param>
    /// <param name="n">Samples per line.</param>
    /// <param name="lines">Lines.</param>
    /// <param name="dz">Axial spacing (mm).</param>
    /// <param name="pitch">Line pitch (mm).</param>
    /// <param name="tissues">Tissue table (sound speeds in m/s).</param>
    /// <param name="mass">Label of the mass.</param>
    /// <param name="scanner">Its receive F-number sets the accepted deflection.</param>
    public static float[]? Losses(byte[] labels, int n, int lines, double dz, double pitch, IReadOnlyList<TissueAcoustics> tissues, byte mass, ScannerSettings scanner)
    {
        var top = new int[lines];
        var bottom = new int[lines];
        bool any = false;
        for (int j = 0; j < lines; j++)
        {
            top[j] = bottom[j] = -1;
            for (int i = 0; i < n; i++)
            {
                if (labels[j * n + i] != mass) continue;
                if (top[j] < 0) top[j] = i;
                bottom[j] = i;
            }
            any |= top[j] >= 0;
        }
        if (!any) return null;
        double acceptance = Math.Atan(1 / (2 * scanner.ReceiveFNumber));
        double cMass = tissues[mass].SoundSpeed;
        var loss = new float[labels.Length];
        for (int j = 0; j < lines; j++)
        {
            if (top[j] < 0) continue;
            if (top[j] > 0)
            {
                double c1 = tissues[labels[j * n + top[j] - 1]].SoundSpeed;
                loss[j * n + top[j]] = (float)CrossingLossDb(IncidenceAngle(top, j, dz, pitch), c1, cMass, acceptance);
            }
            if (bottom[j] < n - 1)
            {
                double c3 = tissues[labels[j * n + bottom[j] + 1]].SoundSpeed;
                loss[j * n + bottom[j]] += (float)CrossingLossDb(IncidenceAngle(bottom, j, dz, pitch), cMass, c3, acceptance);
            }
        }
        return loss;
    }

    /// <summary>One-way loss (dB) of a beam crossing from sound speed <paramref name="c1"/> into <paramref name="c2"/>
    /// at incidence angle <paramref name="theta"/> (radians from the interface normal): Fresnel energy transmission for
    /// equal densities times the fraction kept within <paramref name="acceptance"/> (radians) of the line's direction,
    /// exp(-(deflection / acceptance)^2 / 2). At most <see cref="MaxLossDb"/>.</summary>
    public static double CrossingLossDb(double theta, double c1, double c2, double acceptance)
    {
        if (c1 == c2) return 0;
        double sinT = c2 / c1 * Math.Sin(theta);
        if (sinT >= 1) return MaxLossDb;
        double cosI = Math.Cos(theta), cosT = Math.Sqrt(1 - sinT * sinT);
        double rc = (c2 * cosI - c1 * cosT) / (c2 * cosI + c1 * cosT);
        double deflection = Math.Abs(Math.Asin(sinT) - theta) / acceptance;
        double kept = (1 - rc * rc) * Math.Exp(-0.5 * deflection * deflection);
        return Math.Min(MaxLossDb, -10 * Math.Log10(Math.Max(kept, 1e-12)));
    }

    // Incidence angle on the surface depth(line) at line j: the slope over +-3 lines (about 0.2 mm, less than the
    // beam width), one-sided at the mass's lateral ends; a line with no neighbour on the surface meets it tangentially.
    private static double IncidenceAngle(int[] depth, int j, double dz, double pitch)
    {
        const int k = 3;
        int lo = j, hi = j;
        for (int d = 1; d <= k && j - d >= 0 && depth[j - d] >= 0; d++) lo = j - d;
        for (int d = 1; d <= k && j + d < depth.Length && depth[j + d] >= 0; d++) hi = j + d;
        if (hi == lo) return Math.PI / 2;
        double slope = (depth[hi] - depth[lo]) * dz / ((hi - lo) * pitch);
        return Math.Atan(Math.Abs(slope));
    }
}
