using System.Text.Json;
using System.Text.Json.Serialization;
using BreastSeg.IO;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>
/// The sidecar of a simulated cohort (FILE.params.json): the options and every phantom parameter of every case, so
/// researchers can relate a model's failures to mass class, size, shape, echogenicity, scatterer density or attenuation.
/// </summary>
public static class CohortSidecar
{
    /// <summary>JSON options: camelCase names, enums as strings, compact (a few MB for the default cohort).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The sidecar's contents.</summary>
    /// <param name="Generator">Generator name and version.</param>
    /// <param name="Options">Cohort options.</param>
    /// <param name="Cases">Case descriptions.</param>
    public sealed record Contents(string Generator, CohortOptions Options, IReadOnlyList<CaseDescription> Cases);

    /// <summary>Generator name and cohort version written to (and required of) every sidecar.</summary>
    public static string Generator => $"BreastSeg.Simulation {CohortCalibration.Current.Name}";

    /// <summary>The sidecar path for a data file: FILE.params.json beside FILE.mat.</summary>
    public static string PathFor(string dataPath) => Path.ChangeExtension(dataPath, null) + ".params.json";

    /// <summary>Writes the sidecar atomically.</summary>
    public static void Write(string path, CohortOptions options, IReadOnlyList<CaseDescription> cases) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Contents(Generator, options, cases), Json));

    /// <summary>Reads a sidecar.</summary>
    public static Contents Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Contents>(File.ReadAllText(path), Json) ?? throw new BreastSegInputException(path, "empty sidecar");
        }
        catch (JsonException e)
        {
            throw new BreastSegInputException(path, $"not a simulation sidecar ({e.Message})", e);
        }
    }
}
