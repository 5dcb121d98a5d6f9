using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Explorer;

/// <summary>A set the jobs made: attribute vectors with their model and dataset, and the newest statistics of that model.</summary>
public sealed record KnownSet(ExplorerSet Set, JobView VectorsJob);

public static class ExplorerSets
{
    private const int Considered = 1000;

    /// <summary>Every succeeded ExtractAttributeVectors, newest first, with the newest succeeded statistics of its model.</summary>
    public static async Task<IReadOnlyList<KnownSet>> FromJobsAsync(JobStore store, CancellationToken cancellationToken)
    {
        var vectors = await store.ListAsync(JobStatus.Succeeded, nameof(ExtractAttributeVectors), null, Considered, cancellationToken);
        var statistics = await store.ListAsync(JobStatus.Succeeded, nameof(ComputeLatentStatistics), null, Considered, cancellationToken);
        return vectors.Select(job =>
        {
            if (Location(job, "model") is not { } model || Location(job, "dataset") is not { } dataset) return null;
            var stats = statistics.FirstOrDefault(s => Location(s, "model") == model);
            return new KnownSet(new ExplorerSet(model, BlobLocation.Parse(job.Output), stats is null ? null : BlobLocation.Parse(stats.Output), dataset), job);
        }).OfType<KnownSet>().ToList();
    }

    private static BlobLocation? Location(JobView job, string parameter) =>
        job.Parameters.ValueKind == JsonValueKind.Object && job.Parameters.TryGetProperty(parameter, out var value) && value.ValueKind == JsonValueKind.String
            ? BlobLocation.Parse(value.GetString()!)
            : null;
}
