namespace BreastSeg.Simulation.Phantom;

/// <summary>Kinds of simulated breast mass.</summary>
public enum MassClass
{
    /// <summary>Benign solid mass (fibroadenoma-like): oval, wider than tall, circumscribed, thin echogenic capsule.</summary>
    Benign,
    /// <summary>Carcinoma: irregular, often taller than wide, lobulated or spiculated, echogenic halo, shadowing.</summary>
    Malignant,
    /// <summary>Cyst: anechoic, smooth thin wall, posterior enhancement (benign pathology).</summary>
    Cyst,
}

/// <summary>How masses differ from their surroundings (the question B-mode vs entropy maps turns on).</summary>
public enum MassContrast
{
    /// <summary>As in the clinic: masses differ in echogenicity, scatterer statistics and attenuation, with halo,
    /// capsule and posterior features.</summary>
    Clinical,
    /// <summary>Masses have the fibroglandular tissue's echogenicity and attenuation and no halo or capsule, but their
    /// own scatterer density and amplitude distribution: invisible on average in B-mode, visible to statistics.</summary>
    StatisticsOnly,
    /// <summary>Masses have the fibroglandular tissue's scatterer density and amplitude distribution, but their own
    /// echogenicity, attenuation, halo and capsule.</summary>
    EchogenicityOnly,
}
