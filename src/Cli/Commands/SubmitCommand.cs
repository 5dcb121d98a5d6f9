using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Cli.Commands;

/// <summary>Submits a job to the Scheduler. The id goes alone on stdout's first line, so `id=$(vaefaces submit ... --quiet)` works.</summary>
public sealed class SubmitCommand : SchedulerCommand<SubmitCommand.Settings>
{
    public sealed class Settings : JobParameterSettings
    {
        [CommandArgument(0, "<kind>"), Description("TrainModel, ComputeLatentStatistics, GenerateSamples, ExtractAttributeVectors, ExploreAttributes, EditImages, TrainAttributeClassifier or EvaluateEdits.")]
        public string Kind { get; init; } = "";

        [CommandOption("--job-id <GUID>"), Description("The job's id, for an idempotent retry: the same id never runs twice.")]
        public Guid? JobId { get; init; }

        [CommandOption("--wait"), Description("Follow the job to its end; exit 0 Succeeded, 1 Failed, 2 Cancelled.")]
        public bool Wait { get; init; }

        [CommandOption("-q|--quiet"), Description("Print only the job id (with --wait: nothing else, the exit code tells).")]
        public bool Quiet { get; init; }
    }

    protected override async Task<int> RunAsync(SchedulerClient client, Settings settings, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.SerializeToElement(settings.BuildParameters(), SchedulerClient.Json);
        var accepted = await client.SubmitAsync(new SubmitJobRequest(settings.Kind, parameters, settings.JobId), cancellationToken);
        Console.WriteLine(accepted.Id);
        if (!settings.Wait)
        {
            if (!settings.Quiet) Errors.Note($"{settings.Kind} job {accepted.Status}; follow it with: vaefaces status {accepted.Id} --wait");
            return 0;
        }
        var job = await RemoteJobProgress.FollowAsync(client, accepted.Id, settings.Quiet, cancellationToken);
        if (!settings.Quiet) JobViews.WriteDetails(job);
        return ExitCodeOf(job);
    }
}
