using Spectre.Console;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands.Schedules;

/// <summary>Removes a schedule; jobs it already published keep running.</summary>
public sealed class ScheduleRemoveCommand : SchedulerCommand<ScheduleNameSettings>
{
    protected override async Task<int> RunAsync(SchedulerClient client, ScheduleNameSettings settings, CancellationToken cancellationToken)
    {
        await client.RemoveScheduleAsync(settings.Name, cancellationToken);
        Output.MarkupLine($"removed schedule {Markup.Escape(settings.Name)}");
        return 0;
    }
}
