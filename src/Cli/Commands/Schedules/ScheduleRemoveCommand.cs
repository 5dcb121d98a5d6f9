using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands.Schedules;

/// <summary>Removes a schedule; jobs it already published keep running.</summary>
public sealed class ScheduleRemoveCommand : SchedulerCommand<ScheduleRemoveCommand.Settings>
{
    public sealed class Settings : SchedulerSettings
    {
        [CommandArgument(0, "<name>")]
        public string Name { get; init; } = "";
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        await client.RemoveScheduleAsync(settings.Name, cancellationToken);
        Output.MarkupLine($"removed schedule {Markup.Escape(settings.Name)}");
        return 0;
    }
}
