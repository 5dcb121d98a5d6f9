using System.Text.Json;
using System.Text.Json.Nodes;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Runs the next job of a chain on the model of a job that succeeded: a retrain schedule's TrainModel, then
/// ComputeLatentStatistics, then ExtractAttributeVectors, each with its parent recorded (the lineage).
/// </summary>
public sealed class JobChain(JobSubmitter submitter, ILogger<JobChain> logger)
{
    public static IReadOnlyList<string> ChainableKinds { get; } = [nameof(ComputeLatentStatistics), nameof(ExtractAttributeVectors)];

    public async Task ContinueAsync(StoredJob parent, CancellationToken cancellationToken)
    {
        if (parent.Then.Count == 0) return;
        var job = parent.View;
        var next = parent.Then[0];
        var model = job.Kind == nameof(TrainModel) ? job.Output : Field(job.Parameters, "model");
        var dataset = Field(job.Parameters, "dataset");
        var parameters = new JsonObject { ["model"] = model, ["dataset"] = dataset };
        // The same parent and step give the same JobId, so a repeated JobSucceeded does not start the step twice.
        var jobId = NameGuid.FromNameWithVersion5Bits($"chain:{job.Id}:{next}");
        var (command, errors) = JobCommands.Build(next, JsonSerializer.SerializeToElement(parameters), jobId);
        if (command is null)
        {
            logger.LogError("Cannot chain {Next} on {Kind} {JobId}: {Errors}", next, job.Kind, job.Id,
                string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
            return;
        }
        await submitter.SubmitAsync(command, parent.Then.Skip(1).ToList(), job.Id, job.Schedule, cancellationToken);
    }

    private static string? Field(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
