using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Ml.Training;
using VaeFaces.Scheduler.Dashboard;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Pages.Jobs;

/// <summary>One job: parameters, lineage, metrics and the loss curve, the error, and its artifacts (PNGs shown inline).</summary>
public sealed class DetailModel(JobStore store, JobCancellation cancellation) : PageModel
{
    public JobView Job { get; private set; } = null!;
    public JobView? Parent { get; private set; }
    public IReadOnlyList<JobView> Children { get; private set; } = [];
    public string Parameters { get; private set; } = "";
    public IReadOnlyList<string> Images { get; private set; } = [];
    public IReadOnlyList<string> Files { get; private set; } = [];
    public bool HasLossCurve { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } job) return NotFound();
        Job = job.View;
        Parent = Job.ParentId is { } parent ? (await store.GetAsync(parent, cancellationToken))?.View : null;
        Children = await store.ChildrenAsync(id, cancellationToken);
        Parameters = JsonSerializer.Serialize(Job.Parameters, JobJson.Indented);
        var names = Job.Artifacts.Where(a => a.StartsWith(Job.Output + "/", StringComparison.Ordinal))
            .Select(a => UiEndpoints.NameInOutput(Job.Output, a)).ToList();
        Images = names.Where(n => n.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).ToList();
        Files = names.Except(Images).ToList();
        HasLossCurve = names.Contains(LossCurve.MetricsFile);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await cancellation.CancelAsync(id, cancellationToken);
        return RedirectToPage(new { id });
    }

    public static string ArtifactUrl(Guid id, string name) => $"{UiEndpoints.Prefix}/jobs/{id}/artifacts/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}";
}
