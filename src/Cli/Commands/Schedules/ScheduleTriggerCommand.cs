using Spectre.Console;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;

namespace VaeFaces.Cli.Commands.Schedules;

/// <summary>
/// Fires a schedule now. The Scheduler fires it through its queue like a timed fire, so the job appears a few seconds
/// later; one fire per minute makes one job (a second trigger within the minute finds the first one's job).
/// </summary>
public sealed class ScheduleTriggerCommand : SchedulerCommand<ScheduleNameSettings>
{
    protected override async Task<int> RunAsync(SchedulerClient client, ScheduleNameSettings settings, CancellationToken cancellationToken)
    {
        await client.TriggerScheduleAsync(settings.Name, cancellationToken);
        var name = Markup.Escape(settings.Name);
        Output.MarkupLine($"fired schedule {name}; its job shows in: vaefaces jobs --schedule {name}");
        return 0;
    }
}
