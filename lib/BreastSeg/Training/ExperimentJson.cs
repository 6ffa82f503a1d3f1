using System.Text.Json;
using System.Text.Json.Serialization;
using BreastSeg.Maps;

namespace BreastSeg.Training;

/// <summary>
/// The one JSON form of experiments, run manifests and checkpoints: enums by name, NaN/Infinity allowed (runs without a
/// validation set), map windows in their CLI spelling ("1pl", "0.5mm", "23x6"), and any other abstract type written
/// with its run-time type, so a new option of a subtype is part of the identity without code here.
/// </summary>
public static class ExperimentJson
{
    /// <summary>Indented, round-trippable options.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same, on one line (hashes, flat parameter values).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new RuntimeTypeConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // Abstract types without a converter of their own are written as their run-time type (plus "$type"), so their
    // values count in identities; reading them back needs a converter of their own (as MapWindow has).
    private sealed class RuntimeTypeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsAbstract && !typeToConvert.IsInterface
            && typeToConvert != typeof(MapWindow) && typeToConvert != typeof(object) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(RuntimeTypeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class RuntimeTypeConverter<T> : JsonConverter<T> where T : class
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new JsonException($"{typeof(T).Name} values cannot be read back (no converter)");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var node = JsonSerializer.SerializeToNode(value, value.GetType(), options)!;
            if (node is System.Text.Json.Nodes.JsonObject o) o.Insert(0, "$type", value.GetType().Name);
            node.WriteTo(writer, options);
        }
    }
}
