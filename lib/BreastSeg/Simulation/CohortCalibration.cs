using System.Text.Json;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>One component of a mixture: weight and a uniform range of mass echogenicity relative to the mass's
/// surroundings (dB).</summary>
/// <param name="Weight">Mixture weight (the weights of a class sum to 1).</param>
/// <param name="MinDb">Lower bound (dB re surroundings).</param>
/// <param name="MaxDb">Upper bound (dB re surroundings).</param>
public sealed record EchogenicityComponent(double Weight, double MinDb, double MaxDb);

/// <summary>
/// The frozen calibration of the default simulated cohort: the simulated pulse (centre frequency, bandwidth, receive
/// F-number) fitted to the speckle of real L14-5/38 RF, the distribution of mass echogenicity relative to its
/// surroundings and the mass sizes fitted to the BUSI masks, and the real statistics they were fitted to. It is an
/// embedded, versioned file (Simulation/Calibration/cohort-v&lt;N&gt;.json) changed only by a new version; every
/// cohort's sidecar records the version. Calibrated to image statistics, never to Dice.
/// </summary>
public sealed record CohortCalibration
{
    /// <summary>Calibration version (the cohort version).</summary>
    public required int Version { get; init; }

    /// <summary>Name, "cohort-vN".</summary>
    public required string Name { get; init; }

    /// <summary>Simulated pulse-echo centre frequency (Hz).</summary>
    public required double PulseCenterFrequencyHz { get; init; }

    /// <summary>Simulated -6 dB fractional bandwidth.</summary>
    public required double PulseFractionalBandwidth { get; init; }

    /// <summary>Receive F-number of the dynamic receive focus.</summary>
    public required double ReceiveFNumber { get; init; }

    /// <summary>Echogenicity mixture of carcinomas (dB re surroundings).</summary>
    public required IReadOnlyList<EchogenicityComponent> MalignantEchogenicity { get; init; }

    /// <summary>Echogenicity mixture of solid benign masses (dB re surroundings).</summary>
    public required IReadOnlyList<EchogenicityComponent> BenignEchogenicity { get; init; }

    /// <summary>Median in-plane width of carcinomas (mm).</summary>
    public required double MalignantWidthMedianMm { get; init; }

    /// <summary>Median in-plane width of solid benign masses (mm).</summary>
    public required double BenignWidthMedianMm { get; init; }

    /// <summary>Median in-plane width of cysts (mm).</summary>
    public required double CystWidthMedianMm { get; init; }

    /// <summary>Standard deviation of log width.</summary>
    public required double WidthLogSd { get; init; }

    /// <summary>The calibration the simulator uses (cohort v3: v2's calibration plus edge and ligament shadows, ducts
    /// and line artefacts, <see cref="BackgroundV3"/>).</summary>
    public static CohortCalibration Current { get; } = Load("cohort-v3");

    /// <summary>The raw JSON text of an embedded calibration.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(CohortCalibration).Assembly.GetManifestResourceStream($"BreastSeg.Simulation.{name}.json")
            ?? throw new InvalidOperationException($"no embedded calibration {name}");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Loads an embedded calibration by name ("cohort-v2").</summary>
    public static CohortCalibration Load(string name)
    {
        using var doc = JsonDocument.Parse(Text(name));
        var root = doc.RootElement;
        var pulse = root.GetProperty("pulse");
        var echo = root.GetProperty("echogenicity");
        var size = root.GetProperty("size");
        IReadOnlyList<EchogenicityComponent> Mixture(string cls)
        {
            var list = echo.GetProperty(cls).EnumerateArray()
                .Select(e => new EchogenicityComponent(e.GetProperty("weight").GetDouble(), e.GetProperty("minDb").GetDouble(), e.GetProperty("maxDb").GetDouble()))
                .ToArray();
            if (Math.Abs(list.Sum(c => c.Weight) - 1) > 1e-9 || list.Any(c => c.Weight < 0 || c.MaxDb < c.MinDb))
                throw new InvalidOperationException($"calibration {name}: the {cls} echogenicity mixture needs weights >= 0 summing to 1 and min <= max");
            return list;
        }
        return new CohortCalibration
        {
            Version = root.GetProperty("version").GetInt32(),
            Name = root.GetProperty("name").GetString()!,
            PulseCenterFrequencyHz = pulse.GetProperty("centerFrequencyHz").GetDouble(),
            PulseFractionalBandwidth = pulse.GetProperty("fractionalBandwidth").GetDouble(),
            ReceiveFNumber = pulse.GetProperty("receiveFNumber").GetDouble(),
            MalignantEchogenicity = Mixture("malignant"),
            BenignEchogenicity = Mixture("benign"),
            MalignantWidthMedianMm = size.GetProperty("malignantWidthMedianMm").GetDouble(),
            BenignWidthMedianMm = size.GetProperty("benignWidthMedianMm").GetDouble(),
            CystWidthMedianMm = size.GetProperty("cystWidthMedianMm").GetDouble(),
            WidthLogSd = size.GetProperty("logSd").GetDouble(),
        };
    }

    /// <summary>Draws a mass echogenicity relative to its surroundings (dB) for class <paramref name="c"/> (cysts are
    /// anechoic and not drawn from a mixture).</summary>
    public double DrawRelativeEchogenicityDb(Random r, MassClass c)
    {
        var mixture = c == MassClass.Malignant ? MalignantEchogenicity : BenignEchogenicity;
        var k = r.Pick(mixture.Select(m => m.Weight).ToArray());
        return r.Uniform(mixture[k].MinDb, mixture[k].MaxDb);
    }
}
