using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Commands;

/// <summary>Asks the Scheduler to cancel a job: a queued one ends at once, a running one when its worker reaches its next step.</summary>
public sealed class CancelCommand : SchedulerCommand<CancelCommand.Settings>
{
    public sealed class Settings : SchedulerSettings
    {
        [CommandArgument(0, "<id>"), Description("The job to cancel.")]
        public Guid Id { get; init; }
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        var job = await client.CancelAsync(settings.Id, cancellationToken);
        Output.MarkupLine(job.Status == JobStatus.Cancelled
            ? $"{Markup.Escape(job.Kind)} job {job.Id} [yellow]Cancelled[/]"
            : $"cancel requested: {Markup.Escape(job.Kind)} job {job.Id} is {job.Status} until its worker stops at the next step "
              + $"(vaefaces status {job.Id} --wait)");
        return 0;
    }
}
