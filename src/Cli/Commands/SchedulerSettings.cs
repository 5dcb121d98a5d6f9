using System.ComponentModel;
using Spectre.Console.Cli;

namespace VaeFaces.Cli.Commands;

/// <summary>Where the Scheduler is and the key its job API wants; shared by every verb that calls it.</summary>
public class SchedulerSettings : CommandSettings
{
    [CommandOption("--scheduler <URL>"), Description("The Scheduler's URL. Default: $VAEFACES_SCHEDULER, else http://127.0.0.1:5080.")]
    public string? Scheduler { get; init; }

    // On a command line the key shows in `ps` and shell history; the environment variable is the better home for it.
    [CommandOption("--api-key <KEY>"), Description("The job API key (X-Api-Key). Default: $VAEFACES_API_KEY.")]
    public string? ApiKey { get; init; }
}
