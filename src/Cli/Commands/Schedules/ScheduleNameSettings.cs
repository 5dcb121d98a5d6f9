using Spectre.Console.Cli;

namespace VaeFaces.Cli.Commands.Schedules;

/// <summary>The settings of the verbs that act on one schedule by name.</summary>
public sealed class ScheduleNameSettings : SchedulerSettings
{
    [CommandArgument(0, "<name>")]
    public string Name { get; init; } = "";
}
