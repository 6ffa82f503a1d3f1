using System.Globalization;
using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Reproduce;

namespace BreastSeg.Notebooks;

/// <summary>
/// The entropy parameters chosen in notebook 02, carried to 03 and 04 through one file, notebooks/parameters.json
/// (<see cref="DefaultPath"/>): 02 saves them, 03 and 04 load them (the reproduce defaults when the file is absent) and
/// apply them to their configuration, so models are trained and evaluated on the maps that were looked at.
/// </summary>
/// <param name="WindowPulseLengths">Entropy window side (pulse lengths).</param>
/// <param name="Bins">Histogram bins.</param>
/// <param name="Normalization">What the bins span: each window's range or the frame's.</param>
public sealed record NotebookParameters(double WindowPulseLengths, int Bins, EntropyNormalization Normalization)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The reproduce defaults (<see cref="ReproduceConfig.Quick"/>' map options).</summary>
    public static NotebookParameters Defaults { get; } = Of(ReproduceConfig.Quick);

    /// <summary>Environment variable naming another parameters file (the tests use one of their own).</summary>
    public const string PathVariable = "BREASTSEG_PARAMETERS";

    /// <summary>
    /// notebooks/parameters.json under the kit's root (notebooks/parameters.quick.json in quick mode, so a quick run does
    /// not replace a choice made for real runs), or <see cref="PathVariable"/>. Not committed: it is the reader's choice.
    /// </summary>
    public static string DefaultPath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given
        ? Path.GetFullPath(given)
        : Path.Combine(NotebookKernel.KitRoot, NotebookCatalog.FolderName, NotebookKernel.Quick ? "parameters.quick.json" : "parameters.json");

    /// <summary>Where these parameters came from (a file and its time, or "defaults"), for the notebook to show.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Source { get; init; } = "reproduce defaults (no parameters file)";

    /// <summary>The entropy parameters of <paramref name="config"/>.</summary>
    public static NotebookParameters Of(ReproduceConfig config)
    {
        return Of(config.Experiment.Maps);
    }

    /// <summary>The parameters in <paramref name="path"/> (default <see cref="DefaultPath"/>), or <see cref="Defaults"/> when there is no file.</summary>
    /// <exception cref="BreastSegInputException">The file is not a valid parameters file.</exception>
    public static NotebookParameters Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path)) return Defaults;
        NotebookParameters? read;
        try { read = JsonSerializer.Deserialize<NotebookParameters>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new BreastSegInputException(path, $"not a parameters file ({e.Message.Split('\n')[0]})"); }
        if (read is null) throw new BreastSegInputException(path, "empty parameters file");
        read.Validate(path);
        return read with { Source = string.Create(CultureInfo.InvariantCulture, $"{path} (saved {File.GetLastWriteTimeUtc(path):yyyy-MM-dd HH:mm} UTC)") };
    }

    /// <summary>Writes the parameters to <paramref name="path"/> (default <see cref="DefaultPath"/>), atomically; returns the path.</summary>
    public string Save(string? path = null)
    {
        path ??= DefaultPath;
        Validate(path);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));
        return path;
    }

    /// <summary><paramref name="config"/> with these entropy parameters.</summary>
    public ReproduceConfig ApplyTo(ReproduceConfig config) =>
        this == Of(config) ? config : config with { Experiment = config.Experiment with { Maps = MapOptions(config.Experiment.Maps) } };

    /// <summary>The map options with these entropy parameters (other options from <paramref name="baseOptions"/>).</summary>
    public MapOptions MapOptions(MapOptions? baseOptions = null) =>
        (baseOptions ?? new MapOptions()) is var b && this == Of(b)
            ? b
            : b with { Window = MapWindow.PulseLengths(WindowPulseLengths), Bins = Bins, BinRule = EntropyBinRule.Fixed, Normalization = Normalization };

    private static NotebookParameters Of(MapOptions options) =>
        new(options.Window is MapWindow.InPulseLengths pl ? pl.SideLength : 1.0, options.Bins, options.Normalization);

    /// <summary>Equal when the parameters are (where they came from does not count).</summary>
    public bool Equals(NotebookParameters? other) =>
        other is not null && WindowPulseLengths.Equals(other.WindowPulseLengths) && Bins == other.Bins && Normalization == other.Normalization;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(WindowPulseLengths, Bins, Normalization);

    /// <summary>One line: window, bins, normalisation.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"entropy window {WindowPulseLengths:G4} pulse lengths, {Bins} bins, {Normalization.ToString().ToLowerInvariant()} normalisation");

    private void Validate(string origin)
    {
        if (!(WindowPulseLengths > 0) || !double.IsFinite(WindowPulseLengths))
            throw new BreastSegInputException(origin, $"windowPulseLengths must be a positive number, not {WindowPulseLengths.ToString(CultureInfo.InvariantCulture)}");
        if (Bins < 2) throw new BreastSegInputException(origin, $"bins must be at least 2, not {Bins}");
        if (!Enum.IsDefined(Normalization)) throw new BreastSegInputException(origin, $"normalization {(int)Normalization} is not window, global or robust");
    }
}
