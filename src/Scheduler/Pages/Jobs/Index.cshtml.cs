using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Api;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Pages.Jobs;

/// <summary>The jobs, newest first, filtered like GET /api/jobs; jobs.js keeps open ones current.</summary>
public sealed class IndexModel(JobStore store, JobCancellation cancellation) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Schedule { get; set; }

    public IReadOnlyList<JobView> Jobs { get; private set; } = [];
    public static IReadOnlyList<string> Statuses => JobEndpoints.ListedStatuses;
    public static IEnumerable<string> Kinds => JobKinds.All.Keys;
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Filters come from the page's own select boxes; anything else is treated as no filter.
        if (Status is not null && !Statuses.Contains(Status)) Status = null;
        if (Kind is not null && !JobKinds.All.ContainsKey(Kind)) Kind = null;
        if (string.IsNullOrWhiteSpace(Schedule)) Schedule = null;
        Jobs = await store.ListAsync(Status is null ? null : Enum.Parse<JobStatus>(Status), Kind, Schedule, Shown, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await cancellation.CancelAsync(id, cancellationToken) switch
        {
            { Requested: { } job } => job.View.Status == JobStatus.Cancelled ? $"{job.View.Kind} {id} cancelled." : $"Cancellation of {job.View.Kind} {id} requested.",
            { Ended: { } ended } => $"{ended.View.Kind} {id} had already ended {ended.View.Status}.",
            _ => $"No job {id}.",
        };
        return RedirectToPage(new { Status, Kind, Schedule });
    }
}
