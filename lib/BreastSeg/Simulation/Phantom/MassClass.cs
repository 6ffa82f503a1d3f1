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
    /// <summary>Masses have the fibroglandular tissue's attenuation and no halo or capsule, their own scatterer density
    /// and amplitude distribution, and an echogenicity set so that their mean log-envelope (mean B-mode in dB) equals the
    /// tissue's around them: iso-echoic in the log domain, where B-mode is displayed, not merely in mean intensity.</summary>
    StatisticsOnly,
    /// <summary>Masses have the fibroglandular tissue's scatterer density and amplitude distribution, but their own
    /// echogenicity, attenuation, halo and capsule.</summary>
    EchogenicityOnly,
    /// <summary>Null control: the mass is the tissue around it in every respect (no echogenicity, statistics,
    /// attenuation, margin or interface difference); only the mask marks it. Measures the Dice that priors on position,
    /// size and shape alone give.</summary>
    Null,
}
