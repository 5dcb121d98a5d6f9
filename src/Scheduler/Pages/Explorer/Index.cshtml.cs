using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Explorer;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Pages.Explorer;

/// <summary>
/// The tutorial's explore_latent_variable in a page: pick a set and a face, move a slider per attribute, and turn the
/// sliders into an EditImages job over a dataset.
/// </summary>
public sealed class IndexModel(JobStore store, ExplorerCache cache, JobSubmitter submitter) : PageModel
{
    public IReadOnlyList<KnownSet> Known { get; private set; } = [];
    public ExplorerSet? Set { get; private set; }
    public LoadedExplorer? Loaded { get; private set; }
    public string? Problem { get; private set; }
    public Dictionary<string, string[]> ApplyErrors { get; } = [];
    public static IReadOnlyList<string> Splits => DatasetSplits.Names;

    [BindProperty] public string? Edits { get; set; }
    [BindProperty] public string? Input { get; set; }
    [BindProperty] public string? Split { get; set; }
    [BindProperty] public string? Output { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Set is null || Loaded is null) return Page();
        var (sliders, problem) = ExplorerEndpoints.Sliders(Edits, Loaded.Explorer.Attributes);
        if (problem is not null) ApplyErrors["edits"] = [problem];
        else if (sliders!.Values.All(v => v == 0)) ApplyErrors["edits"] = ["move at least one slider: every magnitude is 0"];
        if (ApplyErrors.Count > 0) return Page();

        var input = string.IsNullOrWhiteSpace(Input) ? Set.Dataset.ToString() : Input.Trim();
        var parameters = JsonSerializer.SerializeToElement(new
        {
            model = Set.Model.ToString(),
            vectors = Set.Vectors.ToString(),
            input,
            output = string.IsNullOrWhiteSpace(Output) ? Beside(input, $"edited-{DateTime.UtcNow:yyyyMMdd-HHmmss}") : Output.Trim(),
            edits = sliders!.Where(s => s.Value != 0).ToDictionary(s => s.Key, s => s.Value),
            split = string.IsNullOrEmpty(Split) ? null : Split,
        }, JobJson.Options);
        var id = Guid.NewGuid();
        var (command, errors) = JobCommands.Build(nameof(EditImages), parameters, id);
        if (command is null)
        {
            foreach (var (field, messages) in errors) ApplyErrors[field] = messages;
            return Page();
        }
        await submitter.SubmitAsync(command, [], null, null, cancellationToken);
        return Redirect($"/jobs/{id}");
    }

    /// <summary>A folder next to the given one (in the same container), where an edited copy of a dataset belongs.</summary>
    private static string Beside(string folder, string name)
    {
        var trimmed = folder.Trim('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? $"{trimmed}/{name}" : $"{trimmed[..slash]}/{name}";
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Known = await ExplorerSets.FromJobsAsync(store, cancellationToken);
        var (set, problem) = ExplorerSet.From(Request.Query);
        Set = set ?? (Request.Query.ContainsKey("model") ? null : Known.FirstOrDefault()?.Set);
        if (Set is null)
        {
            Problem = Request.Query.ContainsKey("model") ? problem : null;
            return;
        }
        try
        {
            Loaded = await cache.GetAsync(Set, cancellationToken);
        }
        catch (Exception error) when (ExplorerCache.IsSetProblem(error))
        {
            Problem = error.Message;
        }
    }
}
