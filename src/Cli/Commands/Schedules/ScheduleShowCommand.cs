using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands.Schedules;

public sealed class ScheduleShowCommand : SchedulerCommand<ScheduleNameSettings>
{
    protected override async Task<int> RunAsync(SchedulerClient client, ScheduleNameSettings settings, CancellationToken cancellationToken)
    {
        ScheduleViews.WriteDetails(await client.GetScheduleAsync(settings.Name, cancellationToken));
        return 0;
    }
}
