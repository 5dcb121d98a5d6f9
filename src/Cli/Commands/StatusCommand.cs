using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands;

/// <summary>Shows a job the Scheduler knows, or follows it to its end with --wait.</summary>
public sealed class StatusCommand : SchedulerCommand<StatusCommand.Settings>
{
    public sealed class Settings : SchedulerSettings
    {
        [CommandArgument(0, "<id>"), Description("The job id that submit printed.")]
        public Guid Id { get; init; }

        [CommandOption("--wait"), Description("Poll every second, with a progress bar, until the job ends; exit 0 Succeeded, 1 Failed, 2 Cancelled.")]
        public bool Wait { get; init; }

        [CommandOption("--json"), Description("Print the job as the API returns it (with --wait: only the final view, no progress).")]
        public bool Json { get; init; }
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        var job = settings.Wait
            ? await RemoteJobProgress.FollowAsync(client, settings.Id, quiet: settings.Json, cancellationToken)
            : await client.GetJobAsync(settings.Id, cancellationToken);
        if (settings.Json) Console.WriteLine(JsonSerializer.Serialize(job, SchedulerClient.IndentedJson));
        else JobViews.WriteDetails(job);
        return settings.Wait ? ExitCodeOf(job) : 0;
    }
}
