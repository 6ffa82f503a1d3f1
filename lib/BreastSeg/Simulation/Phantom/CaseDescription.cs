namespace BreastSeg.Simulation.Phantom;

/// <summary>The tissues of one case (each with its acoustic parameters).</summary>
/// <param name="Skin">Skin (dermis).</param>
/// <param name="Fat">Subcutaneous and retromammary fat, and fat lobules (the echogenicity reference).</param>
/// <param name="Ligament">Cooper's ligaments.</param>
/// <param name="Fibroglandular">Fibroglandular tissue.</param>
/// <param name="Muscle">Pectoralis muscle.</param>
/// <param name="Mass">The mass.</param>
/// <param name="Halo">The echogenic halo around a malignant mass (used when <see cref="MassDescription.HaloMm"/> &gt; 0).</param>
/// <param name="Duct">The lumen of the milk ducts (fluid: anechoic or sparse debris), or null where the case has none.</param>
public sealed record CaseTissues(TissueAcoustics Skin, TissueAcoustics Fat, TissueAcoustics Ligament, TissueAcoustics Fibroglandular,
    TissueAcoustics Muscle, TissueAcoustics Mass, TissueAcoustics Halo, TissueAcoustics? Duct = null);

/// <summary>The mass of one case.</summary>
/// <param name="Class">Kind of mass.</param>
/// <param name="Shape">3-D shape.</param>
/// <param name="DepthMm">Depth of the centre (mm).</param>
/// <param name="HaloMm">Thickness of the echogenic halo (mm; 0 = none).</param>
/// <param name="CapsuleDb">Peak echo of the thin capsule or cyst wall relative to reference fat (dB), or null for none.</param>
/// <param name="Heterogeneity">Smooth internal echogenicity variation (dB; world coordinates in mm from the centre).</param>
/// <param name="Shadowing">Whether its attenuation was drawn from the shadowing range.</param>
public sealed record MassDescription(MassClass Class, MassShape Shape, double DepthMm, double HaloMm, double? CapsuleDb,
    IReadOnlyList<PlaneWave> Heterogeneity, bool Shadowing);

/// <summary>One view: a slice through the mass centre, perpendicular to the other view's.</summary>
/// <param name="Plane">0: the world X-Z plane (view 1); 1: the Y-Z plane (view 2, probe turned by 90 degrees).</param>
/// <param name="MassLateralMm">Lateral position of the mass centre in the image (mm, 0 = aperture centre).</param>
/// <param name="Anatomy">The breast layers of this slice.</param>
/// <param name="Seed">Seed of this view's scatterers, reflector jitter and noise.</param>
public sealed record ViewDescription(int Plane, double MassLateralMm, BreastAnatomy Anatomy, int Seed);

/// <summary>Everything that defines one simulated case (written to the cohort's sidecar).</summary>
/// <param name="Index">Case index (0-based).</param>
/// <param name="Id">Id label.</param>
/// <param name="BiRads">BI-RADS category.</param>
/// <param name="Malignant">Pathology.</param>
/// <param name="ImagingDepthMm">Imaging depth (mm).</param>
/// <param name="Samples">Depth samples per line.</param>
/// <param name="TransmitFocusMm">Transmit focus depth (mm).</param>
/// <param name="Contrast">Contrast scenario.</param>
/// <param name="Tissues">Acoustic parameters.</param>
/// <param name="Mass">The mass.</param>
/// <param name="Views">The views.</param>
public sealed record CaseDescription(int Index, string Id, string BiRads, bool Malignant, double ImagingDepthMm, int Samples,
    double TransmitFocusMm, MassContrast Contrast, CaseTissues Tissues, MassDescription Mass, IReadOnlyList<ViewDescription> Views)
{
    /// <summary>Overall receive gain of this case relative to the scanner default (dB): sonographers adjust it per
    /// patient.</summary>
    public double GainDb { get; init; }

    /// <summary>Time-gain compensation slope of this case (dB/cm/MHz), or null for the scanner's.</summary>
    public double? TgcDbPerCmMHz { get; init; }

    /// <summary>Parenchymal texture: a smooth random field of echogenicity (dB, 1-10 mm scales; world coordinates in
    /// mm from the mass centre) over the fibroglandular tissue.</summary>
    public IReadOnlyList<PlaneWave> Parenchyma { get; init; } = [];

    /// <summary>Reader-like mask variability (standard deviation of the relative outline error; 0 = the mask is the
    /// exact mass outline).</summary>
    public double ReaderVariability { get; init; }

    /// <summary>Line-correlated electronic noise and line gain jitter of this case's acquisition.</summary>
    public LineArtefacts? LineArtefacts { get; init; }

    /// <summary>The scanner with this case's gain, TGC and line artefacts.</summary>
    public Simulation.ScannerSettings ScannerFor(Simulation.ScannerSettings s) => s with
    {
        CountsPerReferenceRms = s.CountsPerReferenceRms * Math.Pow(10, GainDb / 20),
        TgcDbPerCmMHz = s.TgcDbPerCmMHz is null ? null : TgcDbPerCmMHz ?? s.TgcDbPerCmMHz,
        CorrelatedNoiseFraction = LineArtefacts?.CorrelatedNoiseFraction ?? s.CorrelatedNoiseFraction,
        NoiseLineCorrelationLines = LineArtefacts?.NoiseCorrelationLines ?? s.NoiseLineCorrelationLines,
        LineGainJitterDb = LineArtefacts?.GainJitterDb ?? s.LineGainJitterDb,
        LineGainCorrelationLines = LineArtefacts?.GainCorrelationLines ?? s.LineGainCorrelationLines,
    };
}

/// <summary>Line artefacts of one acquisition (see <see cref="Simulation.ScannerSettings.CorrelatedNoiseFraction"/> and
/// <see cref="Simulation.ScannerSettings.LineGainJitterDb"/>).</summary>
/// <param name="CorrelatedNoiseFraction">Fraction of the electronic noise power shared between lines (0..1).</param>
/// <param name="NoiseCorrelationLines">Correlation length of the shared noise (scan lines).</param>
/// <param name="GainJitterDb">Per-line gain jitter, standard deviation (dB).</param>
/// <param name="GainCorrelationLines">Correlation length of the gain jitter (scan lines).</param>
public sealed record LineArtefacts(double CorrelatedNoiseFraction, double NoiseCorrelationLines, double GainJitterDb, double GainCorrelationLines);
