using Microsoft.AspNetCore.StaticFiles;
using VaeFaces.Contracts;
using VaeFaces.Ml.Training;
using VaeFaces.Scheduler.Explorer;
using VaeFaces.Scheduler.Jobs;
using VaeFaces.Storage;

namespace VaeFaces.Scheduler.Dashboard;

/// <summary>
/// What the pages load besides themselves: a job's artifacts streamed from blob storage (no blob URL ever reaches the
/// browser), its loss curve, and the explorer's images. Under the same sign-in as the pages.
/// </summary>
public static class UiEndpoints
{
    public const string Prefix = "/ui";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapUi(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup(Prefix).RequireAuthorization();
        ui.MapGet("/jobs/{id:guid}/artifacts/{**name}", ArtifactAsync);
        ui.MapGet("/jobs/{id:guid}/loss.png", LossCurveAsync);
        ui.MapExplorer();
    }

    /// <summary>Only what the job lists as its artifacts: the route cannot be turned into a read of any other blob.</summary>
    private static async Task<IResult> ArtifactAsync(Guid id, string name, JobStore store, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (await ArtifactOfAsync(id, name, store, cancellationToken) is not { } location) return Results.NotFound();
        try
        {
            var content = await blobs.OpenReadAsync(location, cancellationToken);
            return Results.Stream(content, ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream",
                fileDownloadName: name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFileName(name));
        }
        catch (FileNotFoundException)
        {
            return Results.Problem($"{location} is listed by job {id} but is no longer in blob storage", statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static async Task<IResult> LossCurveAsync(Guid id, JobStore store, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (await ArtifactOfAsync(id, LossCurve.MetricsFile, store, cancellationToken) is not { } location) return Results.NotFound();
        var history = await blobs.ReadJsonAsync<List<EpochMetrics>>(location, cancellationToken);
        return history is { Count: > 0 } ? Results.File(LossCurve.RenderPng(history, 720, 400), "image/png") : Results.NotFound();
    }

    private static async Task<BlobLocation?> ArtifactOfAsync(Guid id, string name, JobStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } job) return null;
        var blob = $"{job.View.Output}/{name}";
        return job.View.Artifacts.Contains(blob) ? BlobLocation.Parse(blob) : null;
    }

    /// <summary>An artifact's name inside its job's output folder (what the route above takes).</summary>
    public static string NameInOutput(string output, string artifact) => artifact[(output.Length + 1)..];
}
