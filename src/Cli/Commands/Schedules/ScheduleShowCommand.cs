using System.ComponentModel;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands.Schedules;

public sealed class ScheduleShowCommand : SchedulerCommand<ScheduleShowCommand.Settings>
{
    public sealed class Settings : SchedulerSettings
    {
        [CommandArgument(0, "<name>")]
        public string Name { get; init; } = "";
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        ScheduleViews.WriteDetails(await client.GetScheduleAsync(settings.Name, cancellationToken));
        return 0;
    }
}
