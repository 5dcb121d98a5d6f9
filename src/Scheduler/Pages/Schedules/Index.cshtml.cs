using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Api;
using VaeFaces.Scheduler.Schedules;

namespace VaeFaces.Scheduler.Pages.Schedules;

/// <summary>The schedules, when each fires next, and a button that fires one now.</summary>
public sealed class IndexModel(ScheduleStore store) : PageModel
{
    public IReadOnlyList<ScheduleView> Schedules { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Schedules = (await store.ListAsync(cancellationToken)).Select(ScheduleEndpoints.View).ToList();

    public async Task<IActionResult> OnPostTriggerAsync(string name, CancellationToken cancellationToken)
    {
        Message = await ScheduleEndpoints.TriggerNowAsync(name, store, cancellationToken)
            ? $"{name} triggered: its job appears under Jobs within a few seconds."
            : $"No schedule {name}.";
        return RedirectToPage();
    }
}
