using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Cli.Commands.Schedules;

/// <summary>Creates or replaces a schedule: a cron expression (UTC) and the job it publishes, checked by the Scheduler now rather than at fire time.</summary>
public sealed class ScheduleSetCommand : SchedulerCommand<ScheduleSetCommand.Settings>
{
    public sealed class Settings : JobParameterSettings
    {
        [CommandArgument(0, "<name>"), Description("1-63 lowercase letters, digits and hyphens.")]
        public string Name { get; init; } = "";

        [CommandOption("--cron <EXPR>"), Description("minute hour day month weekday, in UTC, e.g. \"0 3 * * *\" for 03:00 every day.")]
        public string? Cron { get; init; }

        [CommandOption("--kind <KIND>"), Description("The job kind each fire publishes, e.g. TrainModel.")]
        public string? Kind { get; init; }

        [CommandOption("--then <KIND>"), Description("A job to chain on the trained model once it succeeds; repeatable, in order: "
            + "ComputeLatentStatistics, ExtractAttributeVectors (TrainModel schedules only).")]
        public string[]? Then { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Cron)) return ValidationResult.Error("schedule set needs --cron \"MIN HOUR DAY MONTH WEEKDAY\" (UTC)");
            if (string.IsNullOrWhiteSpace(Kind)) return ValidationResult.Error("schedule set needs --kind KIND, e.g. --kind TrainModel");
            return base.Validate();
        }
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.SerializeToElement(settings.BuildParameters(), SchedulerClient.Json);
        var request = new ScheduleRequest(settings.Cron!, settings.Kind!, parameters, settings.Then is { Length: > 0 } then ? then : null);
        var schedule = await client.SetScheduleAsync(settings.Name, request, cancellationToken);
        ScheduleViews.WriteDetails(schedule);
        return 0;
    }
}
