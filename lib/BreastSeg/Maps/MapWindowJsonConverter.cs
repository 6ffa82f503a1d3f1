using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreastSeg.Maps;

/// <summary>Reads and writes a <see cref="MapWindow"/> as its CLI spelling ("4pl", "0.5mm", "0.5x1mm", "23x6").</summary>
public sealed class MapWindowJsonConverter : JsonConverter<MapWindow>
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeof(MapWindow).IsAssignableFrom(typeToConvert);

    /// <inheritdoc />
    public override MapWindow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MapWindow.Parse(reader.GetString() ?? throw new JsonException("window is null"));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MapWindow value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
