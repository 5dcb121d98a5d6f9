using System.Text.Json;
using System.Text.Json.Serialization;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Api;

/// <summary>Locations in API requests may be written "container/prefix" as well as {container, prefix}; responses use the string.</summary>
public sealed class BlobLocationJsonConverter : JsonConverter<BlobLocation>
{
    public override BlobLocation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            try
            {
                return BlobLocation.Parse(reader.GetString()!);
            }
            catch (FormatException error)
            {
                throw new JsonException(error.Message);
            }
        }
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        string? Field(string name) => root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
            is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        var container = Field("container");
        if (string.IsNullOrWhiteSpace(container)) throw new JsonException("a location needs a container: \"container/prefix\" or {\"container\": ...}");
        return new BlobLocation(container, Field("prefix") ?? "");
    }

    public override void Write(Utf8JsonWriter writer, BlobLocation value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
