using System.Text.Json;
using System.Text.Json.Serialization;

namespace VaeFaces.Contracts;

/// <summary>
/// The one set of JSON settings for messages' parameters, manifests, artifacts, the job API and stored rows:
/// camelCase and case-insensitive (ASP.NET Core's web defaults), enums by name, and NaN/Infinity allowed, because a
/// diverged loss is NaN and one number must not make a whole document unreadable.
/// </summary>
public static class JobJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>The same, indented: files people open.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    /// <summary>Applies these settings to options someone else owns (ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.NumberHandling |= JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Indented);
}
