using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Validation;
using VaeFaces.Messaging;
using VaeFaces.Scheduler.Api;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>Builds a job command from its kind and JSON parameters, with every problem keyed by field.</summary>
public static class JobCommands
{
    public const string DefaultContainer = "artifacts";

    public static JsonSerializerOptions Json { get; } = new(JobJson.Options)
    {
        Converters = { new BlobLocationJsonConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The command, or the problems by field ("parameters.Epochs", "kind", ...).</summary>
    public static (IJobCommand? Command, Dictionary<string, string[]> Errors) Build(string? kind, JsonElement parameters, Guid jobId)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is null || !JobKinds.All.TryGetValue(kind, out var type))
        {
            errors["kind"] = [$"'{kind}' is not a job kind; use one of {string.Join(", ", JobKinds.All.Keys)}"];
            return (null, errors);
        }
        if (parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors["parameters"] = ["must be a JSON object"];
            return (null, errors);
        }

        // JobId is the API's to give; Output defaults to a folder of the job's own.
        var fields = parameters.ValueKind == JsonValueKind.Object ? JsonNode.Parse(parameters.GetRawText())!.AsObject() : [];
        foreach (var name in fields.Select(f => f.Key).Where(k => k.Equals("jobId", StringComparison.OrdinalIgnoreCase)).ToList())
            fields.Remove(name);
        fields["jobId"] = jobId;
        if (!fields.Any(f => f.Key.Equals("output", StringComparison.OrdinalIgnoreCase)))
            fields["output"] = DefaultOutput(jobId).ToString();

        IJobCommand command;
        try
        {
            command = (IJobCommand)fields.Deserialize(type, Json)!;
        }
        catch (JsonException error)
        {
            var field = error.Path is { Length: > 2 } path ? "parameters." + path[2..] : "parameters";
            errors[field] = [error.Message.Split(" Path:")[0]];
            return (null, errors);
        }
        foreach (var (field, problems) in JobValidator.Validate(command)) errors[$"parameters.{field}"] = problems;
        return (errors.Count == 0 ? command : null, errors);
    }

    /// <summary>Where a job writes when its parameters do not say: a folder of its own.</summary>
    public static BlobLocation DefaultOutput(Guid jobId) => new(DefaultContainer, $"jobs/{jobId}");

    /// <summary>The command's own JSON, as stored with the job and shown by the API.</summary>
    public static JsonElement ToJson(IJobCommand command) => JsonSerializer.SerializeToElement(command, command.GetType(), Json);
}
