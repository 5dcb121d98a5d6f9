using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaeFaces.Cli.Api;

/// <summary>
/// A job's parameters from the command line: a JSON file as the base, then each --param key=value on top of it.
/// A value is JSON when it parses as JSON (5, 5e-4, true, null, [1,2], {"a":1}, "quoted") and a string otherwise, so
/// dataset=datasets/faces needs no quotes. A dotted key builds nested objects: edits.Smiling=2 is {"edits":{"Smiling":2}}.
/// </summary>
public static class JobParameters
{
    public static JsonObject Build(string? fileJson, IEnumerable<string> pairs, string fileName = "--params-file")
    {
        var parameters = fileJson is null ? new JsonObject() : ParseObject(fileJson, fileName);
        foreach (var pair in pairs) Set(parameters, pair);
        return parameters;
    }

    public static JsonObject ParseObject(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new FormatException($"{source} is not valid JSON: {error.Message}", error);
        }
        return node as JsonObject ?? throw new FormatException($"{source} must hold a JSON object of parameters, not {Describe(node)}");
    }

    /// <summary>Sets one key=value (the first '=' splits), replacing a key of the same name in any letter case.</summary>
    public static void Set(JsonObject parameters, string pair)
    {
        var equals = pair.IndexOf('=');
        if (equals < 0) throw new FormatException($"--param '{pair}' is not key=value");
        var key = pair[..equals].Trim();
        var path = key.Split('.');
        if (path.Any(segment => segment.Length == 0)) throw new FormatException($"--param '{pair}': '{key}' has an empty name");

        var target = parameters;
        foreach (var segment in path[..^1])
        {
            var existing = Find(target, segment);
            var node = existing is null ? null : target[existing];
            if (node is not (null or JsonObject))
                throw new FormatException($"--param '{pair}': '{existing}' is already {Describe(node)}, not an object");
            if (node is not JsonObject child) Replace(target, segment, child = new JsonObject());
            target = child;
        }
        Replace(target, path[^1], ParseValue(pair[(equals + 1)..]));
    }

    public static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    // The Scheduler reads names case-insensitively: a file's "epochs" and --param Epochs=3 are one field, and the later wins.
    private static string? Find(JsonObject target, string name) =>
        target.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static void Replace(JsonObject target, string name, JsonNode? value)
    {
        if (Find(target, name) is { } existing) target.Remove(existing);
        target[name] = value;
    }

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
