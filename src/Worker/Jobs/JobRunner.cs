using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Messaging;
using VaeFaces.Contracts.Validation;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;
using VaeFaces.Storage;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// The life of every job: idempotency by JobId, started/progress/succeeded/failed events, and manifest.json.
/// A failed job's outputs are deleted, so nothing half-written is presented as a result; checkpoints stay for resuming.
/// The final event is published before that clean-up, which needs storage, the thing most likely to have failed.
/// A job cut short by the worker stopping ends Interrupted and its message goes back to the queue (MessageHandBack).
/// A job whose lease is lost (LeaseLoss) stops, writes nothing more, and its message goes back to the queue too.
/// A job whose workers keep dying without progress is given up (WorkerDeaths).
/// </summary>
public sealed class JobRunner(IBlobStore store, RunningJobs runningJobs, IOptions<WorkerOptions> options, ILogger<JobRunner> logger,
    IHostApplicationLifetime? lifetime = null)
{
    private const string LockName = "job.lock";

    /// <summary>Runs the command with the job that implements its kind.</summary>
    public async Task RunAsync<T, TJob>(ConsumeContext<T> context) where T : class, IJobCommand where TJob : IJob<T>
    {
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        try
        {
            await RunOnceAsync<T, TJob>(context, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // In memory (the embedded CLI) the queue dies with the process and a rerun resumes: nothing to hand back.
            if (MessageHandBack.IsInMemory(context)) return;
            // The worker is stopping: the message goes back to the queue, not to the error queue, and the next worker
            // resumes the job. The job's lock is released already, so that worker does not wait for it.
            logger.LogInformation("{Kind} {JobId}: the worker is stopping; handing its message back to {Queue}", typeof(T).Name,
                context.Message.JobId, context.ReceiveContext.InputAddress);
            await MessageHandBack.ThrowWhenTransportCancelsAsync(context);
        }
    }

    private async Task RunOnceAsync<T, TJob>(ConsumeContext<T> context, CancellationToken stopping) where T : class, IJobCommand where TJob : IJob<T>
    {
        var command = context.Message;
        var kind = typeof(T).Name;
        // A job runs on when the broker takes its message back (a consumer timeout, a lost channel): only the worker
        // stopping or a CancelJob stops it. The redelivered copy waits for the job's lock, then finds the result.
        using var registration = runningJobs.Register(command.JobId, stopping);
        var token = registration.Token;

        // An invalid output, or one overlapping an input, is not touched at all: no lock, no manifest, no clean-up there.
        if (JobValidator.Validate(command) is var invalid && invalid.ContainsKey(nameof(IJobCommand.Output)))
        {
            await RefuseAsync(context, command, kind, $"invalid {kind} parameters: {JobValidator.Describe(invalid)}");
            return;
        }

        // One run per JobId at a time; if the worker holding the lock died, the lock lapses and this one resumes the job.
        await using var held = await LockAsync(command, kind, token, context.CancellationToken);
        if (held is null) return;
        // From here the job's writes go through its lock, and losing the lock stops the job.
        using var leased = CancellationTokenSource.CreateLinkedTokenSource(token, held.Lost);
        var writes = new LockedBlobStore(store, held);

        var manifestBlob = command.Output.Child(JobManifest.FileName);
        var previous = await store.ExistsAsync(manifestBlob, token) ? await store.ReadJsonAsync<JobManifest>(manifestBlob, token) : null;
        if (previous is not null && previous.JobId != command.JobId)
        {
            await RefuseAsync(context, command, kind,
                $"output {command.Output} holds the results of job {previous.JobId} ({previous.Kind}, {previous.Status}); choose another output");
            return;
        }
        if (previous is { Status: JobStatus.Succeeded } done)
        {
            logger.LogInformation("{Kind} {JobId} already succeeded; reporting its result again", kind, command.JobId);
            await context.Publish(new JobSucceeded(command.JobId, kind, command.Output, done.Outputs, done.Metrics,
                (done.FinishedAt ?? done.StartedAt) - done.StartedAt, done.OutputCount, done.OutputListing), token);
            return;
        }

        using var progress = new ProgressPublisher(context, command.JobId, kind, options.Value.ProgressInterval, options.Value.HeartbeatInterval);
        using var job = new JobWorkspace(writes, options.Value, logger, progress, command.Output, leased.Token);
        var manifest = new JobManifest
        {
            Kind = kind,
            JobId = command.JobId,
            Status = JobStatus.Running,
            Parameters = JsonSerializer.SerializeToElement(command, JobJson.Options),
            StartedAt = DateTimeOffset.UtcNow,
            Versions = Versions(),
            Worker = options.Value.Name,
        };
        logger.LogInformation("{Kind} {JobId} started, output {Output}", kind, command.JobId, command.Output);
        try
        {
            var resumed = await TJob.ResumesAsync(command, store, token);
            // The attempt is on record (the Running manifest) before it is announced, so a worker that dies at any
            // point after JobStarted is counted.
            var reached = await TJob.ProgressAsync(command, store, token);
            manifest = manifest with { Progress = reached, DeathsWithoutProgress = WorkerDeaths.Before(previous, command.JobId, reached) };
            await WriteManifestAsync(writes, command.Output, manifest, leased.Token);
            if (manifest.DeathsWithoutProgress >= options.Value.MaxWorkerDeaths)
                throw new WorkerDiedTooOftenException(WorkerDeaths.Reason(manifest.DeathsWithoutProgress, previous!));
            await context.Publish(new JobStarted(command.JobId, kind, options.Value.Name, manifest.StartedAt, resumed), token);
            if (JobValidator.Validate(command) is { Count: > 0 } problems)
                throw new JobInputException($"invalid {kind} parameters: {JobValidator.Describe(problems)}");
            await TJob.RunAsync(command, job);
        }
        catch (Exception error) when (stopping.IsCancellationRequested)
        {
            // However it ended, a job cut short by the worker stopping is not final: the next worker decides (a training
            // job has saved its checkpoint and resumes from it).
            var reason = error is OperationCanceledException ? "the worker stopped" : $"the worker stopped ({Reason(error)})";
            logger.LogWarning(error is OperationCanceledException ? null : error,
                "{Kind} {JobId} interrupted: {Reason}; it resumes when its message is redelivered", kind, command.JobId, reason);
            await RecordInterruptionAsync(context, command, kind, job, manifest, reason);
            throw new OperationCanceledException(reason, error, stopping);
        }
        catch (Exception error) when (!held.IsHeld())
        {
            await LeaseLoss.HandBackAsync(context, kind, options.Value.Name, $"lost the job's lease: {held.LostReason}", error, logger);
            return;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            logger.LogInformation("{Kind} {JobId} cancelled; its checkpoints are kept", kind, command.JobId);
            await context.Publish(new JobCancelled(command.JobId, kind, command.Output), CancellationToken.None);
            await EndAsync(command, kind, job, manifest, JobStatus.Cancelled, "cancelled");
            return;
        }
        catch (Exception error)
        {
            var reason = Reason(error);
            // Bad input is one clear line; a stack trace is for a bug.
            logger.LogError(IsExpected(error) ? null : error, "{Kind} {JobId} failed: {Reason}", kind, command.JobId, reason);
            await context.Publish(new JobFailed(command.JobId, kind, command.Output, reason), CancellationToken.None);
            await EndAsync(command, kind, job, manifest, JobStatus.Failed, reason);
            // Bad input is final; anything else also faults the message so it lands in the error queue with its trace.
            if (IsInputError(error)) return;
            throw;
        }

        var finished = await FinishSucceededAsync(job, manifest);
        try
        {
            await WriteManifestAsync(writes, command.Output, finished, leased.Token);
        }
        catch (Exception error) when (!held.IsHeld())
        {
            await LeaseLoss.HandBackAsync(context, kind, options.Value.Name, $"lost the job's lease: {held.LostReason}", error, logger);
            return;
        }
        logger.LogInformation("{Kind} {JobId} succeeded in {Seconds:F1}s", kind, command.JobId, (finished.FinishedAt! - finished.StartedAt).Value.TotalSeconds);
        await context.Publish(new JobSucceeded(command.JobId, kind, command.Output, finished.Outputs, finished.Metrics,
            finished.FinishedAt!.Value - finished.StartedAt, finished.OutputCount, finished.OutputListing), token);
    }

    /// <summary>
    /// Waits for the job's lock; null when the job was cancelled meanwhile (its runner reports that). Waiting ends with
    /// the consume (the message went back to the queue) or the worker stopping.
    /// </summary>
    private async Task<IBlobLock?> LockAsync(IJobCommand command, string kind, CancellationToken token, CancellationToken consume)
    {
        var lockBlob = command.Output.Child(LockName);
        var logged = false;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(token, consume);
        try
        {
            while (true)
            {
                if (await store.TryLockAsync(lockBlob, waiting.Token) is { } held) return held;
                if (!logged) logger.LogInformation("{Kind} {JobId} is running elsewhere; waiting for it", kind, command.JobId);
                logged = true;
                await Task.Delay(options.Value.LockRetryInterval, waiting.Token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && !(lifetime?.ApplicationStopping.IsCancellationRequested ?? false))
        {
            return null;
        }
    }

    /// <summary>
    /// Best effort, after the final event: outputs of a job that did not succeed are deleted (checkpoints are not outputs,
    /// so they stay). The manifest is written first, saying how the job ended and listing no outputs, so leftovers of a
    /// failed deletion are not presented as results; if storage refuses even that, the manifest still says Running.
    /// </summary>
    private async Task EndAsync(IJobCommand command, string kind, JobWorkspace job, JobManifest manifest, JobStatus status, string reason)
    {
        try
        {
            await WriteManifestAsync(job.Store, command.Output, Finish(manifest, job, status) with { Outputs = [], Error = reason }, CancellationToken.None);
            foreach (var name in job.Outputs) await job.Store.DeleteAsync(command.Output.Child(name), CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogWarning("{Kind} {JobId} ended {Status}, but its clean-up failed ({Error}); outputs may be left under {Output}, not listed as results",
                kind, command.JobId, status, $"{error.GetType().Name}: {error.Message}", command.Output);
        }
    }

    /// <summary>Ends a job whose output is not its own to write: the event only, so nothing there is overwritten or deleted.</summary>
    private async Task RefuseAsync(ConsumeContext context, IJobCommand command, string kind, string reason)
    {
        logger.LogWarning("{Kind} {JobId} refused: {Reason}", kind, command.JobId, reason);
        await context.Publish(new JobFailed(command.JobId, kind, command.Output, reason), CancellationToken.None);
    }

    /// <summary>Best effort: the message must go back to the queue even when storage or the bus fails now.</summary>
    private async Task RecordInterruptionAsync(ConsumeContext context, IJobCommand command, string kind, JobWorkspace job, JobManifest manifest, string reason)
    {
        try
        {
            await context.Publish(new JobInterrupted(command.JobId, kind, options.Value.Name, reason), CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogError(error, "{Kind} {JobId}: could not record the interruption", kind, command.JobId);
        }
        await EndAsync(command, kind, job, manifest, JobStatus.Interrupted, reason);
    }

    /// <summary>
    /// The succeeded manifest. Beyond MaxListedOutputs outputs (a bulk edit of a whole dataset), it lists the first ones
    /// and the listing blob, which names every output, so the manifest, the event and the Scheduler's row stay bounded.
    /// </summary>
    private async Task<JobManifest> FinishSucceededAsync(JobWorkspace job, JobManifest manifest)
    {
        var finished = Finish(manifest, job, JobStatus.Succeeded);
        var limit = options.Value.MaxListedOutputs;
        if (finished.Outputs.Count <= limit) return finished;
        var all = finished.Outputs.Append(JobManifest.ListingName).ToList();
        await job.Store.UploadBytesAsync(job.Output.Child(JobManifest.ListingName),
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', all) + "\n"), job.CancellationToken);
        return finished with
        {
            Outputs = [.. job.Outputs.Take(limit), JobManifest.ListingName, JobManifest.FileName],
            OutputCount = all.Count,
            OutputListing = JobManifest.ListingName,
        };
    }

    private static JobManifest Finish(JobManifest manifest, JobWorkspace job, JobStatus status) => manifest with
    {
        Status = status,
        Inputs = job.Inputs,
        Outputs = [.. job.Outputs, JobManifest.FileName],
        Metrics = job.Metrics,
        TimingsSeconds = job.TimingsSeconds,
        FinishedAt = DateTimeOffset.UtcNow,
    };

    private static Task WriteManifestAsync(IBlobStore store, BlobLocation output, JobManifest manifest, CancellationToken token) =>
        store.UploadBytesAsync(output.Child(JobManifest.FileName), JobJson.Serialize(manifest), token);

    /// <summary>Failures the job's input explains (its data, its parameters, a diverging training): final, and no bug.</summary>
    private static bool IsInputError(Exception error) => Unwrap(error) is DatasetException or JobInputException or TrainingDivergedException;

    /// <summary>Failures whose message says it all: one line, no stack trace. Giving up on a job that kills its workers is
    /// not an input error (its message still goes to the error queue, for a person to look at).</summary>
    private static bool IsExpected(Exception error) => IsInputError(error) || Unwrap(error) is WorkerDiedTooOftenException;

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerException!) : error;

    private static string Reason(Exception error) =>
        IsExpected(error) ? Unwrap(error).Message : $"{Unwrap(error).GetType().Name}: {Unwrap(error).Message}";

    private static Dictionary<string, string> Versions() => new()
    {
        ["vaefaces"] = typeof(JobRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        ["torchsharp"] = typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["libtorch"] = torch.__version__,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["device"] = Devices.Best().type.ToString(),
    };
}
