using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Validation;
using VaeFaces.Messaging.Pipeline;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Runs the next step of a chain (a retrain schedule's TrainModel, then the JobPipeline steps it names) on what the job
/// that succeeded made, with its parent recorded (the lineage), in the transaction that records the parent's success.
/// </summary>
public sealed class JobChain(JobSubmitter submitter, ILogger<JobChain> logger)
{
    /// <summary>Records the next step and queues its command; false when there is none (or it cannot be made).</summary>
    public async Task<bool> ContinueAsync(NpgsqlTransaction transaction, StoredJob parent, CancellationToken cancellationToken)
    {
        if (parent.Then.Count == 0) return false;
        var job = parent.View;
        var next = parent.Then[0];
        var (done, _) = JobCommands.Build(job.Kind, job.Parameters, job.Id);
        // The same parent and step give the same JobId, so a repeated JobSucceeded does not start the step twice.
        var jobId = NameGuid.FromNameWithVersion5Bits($"chain:{job.Id}:{next}");
        var command = done is null ? null : JobPipeline.Command(next, PipelineInputs.Of(done), jobId, JobCommands.DefaultOutput(jobId));
        var problems = command is null ? "its parameters no longer make a command" : JobValidator.Describe(JobValidator.Validate(command));
        if (command is null || problems.Length > 0)
        {
            logger.LogError("Cannot chain {Next} on {Kind} {JobId}: {Errors}", next, job.Kind, job.Id, problems);
            return false;
        }
        return await submitter.SubmitAsync(transaction, command, parent.Then.Skip(1).ToList(), job.Id, job.Schedule, cancellationToken)
            is Submission.Recorded or Submission.Resent;
    }
}
