using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Commands;

/// <summary>Lists the Scheduler's jobs, newest first.</summary>
public sealed class JobsCommand : SchedulerCommand<JobsCommand.Settings>
{
    public sealed class Settings : SchedulerSettings
    {
        [CommandOption("--status <STATUS>"), Description("Queued, Running, Succeeded, Failed or Cancelled.")]
        public string? Status { get; init; }

        [CommandOption("--kind <KIND>"), Description("Only jobs of this kind, e.g. TrainModel.")]
        public string? Kind { get; init; }

        [CommandOption("--schedule <NAME>"), Description("Only jobs a schedule published (with the jobs chained on them).")]
        public string? Schedule { get; init; }

        [CommandOption("--limit <N>"), Description("At most N jobs (1-1000; the Scheduler's default is 100).")]
        public int? Limit { get; init; }

        [CommandOption("--json"), Description("Print the jobs as the API returns them.")]
        public bool Json { get; init; }
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        // The API matches statuses exactly; "running" on a command line means Running.
        var status = Enum.GetNames<JobStatus>().FirstOrDefault(s => s.Equals(settings.Status, StringComparison.OrdinalIgnoreCase)) ?? settings.Status;
        var jobs = await client.ListJobsAsync(status, settings.Kind, settings.Schedule, settings.Limit, cancellationToken);
        if (settings.Json) Console.WriteLine(JsonSerializer.Serialize(jobs, SchedulerClient.IndentedJson));
        else if (jobs.Count == 0) Output.MarkupLine("[grey]no jobs[/]");
        else JobViews.WriteTable(jobs);
        return 0;
    }
}
