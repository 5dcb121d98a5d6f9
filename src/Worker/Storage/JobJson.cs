using System.Text.Json;
using System.Text.Json.Serialization;

namespace VaeFaces.Worker.Storage;

/// <summary>JSON settings for manifests and artifacts: indented, camelCase, NaN/Infinity allowed.</summary>
public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
