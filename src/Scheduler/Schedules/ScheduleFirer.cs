using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Server;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Schedules;

/// <summary>
/// What Hangfire runs when a schedule fires: it only submits the job (through the outbox). Recurring jobs are not exactly-once, so the
/// JobId comes from the schedule name and the fire time (to the minute): a repeated fire finds its job and stops.
/// </summary>
public sealed class ScheduleFirer(ScheduleStore schedules, JobSubmitter submitter, ILogger<ScheduleFirer> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task FireAsync(string name, PerformContext? context)
    {
        var schedule = await schedules.GetAsync(name, CancellationToken.None);
        if (schedule is null)
        {
            logger.LogWarning("Schedule {Name} fired but no longer exists", name);
            return;
        }
        var created = context?.BackgroundJob.CreatedAt ?? DateTime.UtcNow;
        var fireTime = new DateTimeOffset(created.Ticks - created.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var jobId = NameGuid.FromNameWithVersion5Bits($"schedule:{name}:{fireTime:yyyy-MM-ddTHH:mm}Z");

        // Each fire writes to a folder of its own under the template's output (or artifacts/schedules/NAME).
        var parameters = JsonNode.Parse(schedule.Parameters.GetRawText())!.AsObject();
        var outputKey = parameters.Select(p => p.Key).FirstOrDefault(k => k.Equals("output", StringComparison.OrdinalIgnoreCase));
        var outputRoot = outputKey is null ? $"{JobCommands.DefaultContainer}/schedules/{name}" : parameters[outputKey]!.GetValue<string>().TrimEnd('/');
        if (outputKey is not null) parameters.Remove(outputKey);
        parameters["output"] = $"{outputRoot}/{fireTime:yyyyMMdd-HHmm}";

        var (command, errors) = JobCommands.Build(schedule.Kind, JsonSerializer.SerializeToElement(parameters), jobId);
        if (command is null)
            throw new InvalidOperationException($"schedule {name} has invalid parameters: " +
                string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        var submitted = await submitter.SubmitAsync(command, schedule.Then, null, name, CancellationToken.None);
        if (submitted == Submission.Conflict)
        {
            // The template changed within the minute of an earlier fire: that fire's job stands, and a retry cannot help.
            logger.LogError("Schedule {Name} fired for {FireTime:u}, but its job {JobId} exists with other parameters; not submitted", name, fireTime, jobId);
            return;
        }
        await schedules.RecordFireAsync(name, fireTime, jobId, CancellationToken.None);
        logger.LogInformation("Schedule {Name} fired for {FireTime:u}: {Kind} {JobId}{Repeat}", name, fireTime, schedule.Kind, jobId,
            submitted == Submission.Recorded ? "" : " (already submitted)");
    }
}
