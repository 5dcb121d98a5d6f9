using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands.Schedules;

public sealed class ScheduleListCommand : SchedulerCommand<ScheduleListCommand.Settings>
{
    public sealed class Settings : SchedulerSettings
    {
        [CommandOption("--json"), Description("Print the schedules as the API returns them.")]
        public bool Json { get; init; }
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        var schedules = await client.ListSchedulesAsync(cancellationToken);
        if (settings.Json) Console.WriteLine(JsonSerializer.Serialize(schedules, SchedulerClient.IndentedJson));
        else if (schedules.Count == 0) Output.MarkupLine("[grey]no schedules[/]");
        else ScheduleViews.WriteTable(schedules);
        return 0;
    }
}
