using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.UnitTests.Jobs;

public class WorkerDeathsSpecs
{
    private static readonly Guid Job = Guid.NewGuid();

    private static JobManifest Manifest(JobStatus status, int deaths, long progress, Guid? jobId = null) => new()
    {
        Kind = nameof(TrainModel), JobId = jobId ?? Job, Status = status, Parameters = JsonSerializer.SerializeToElement(new { }),
        StartedAt = DateTimeOffset.UtcNow, Versions = [], Worker = "w/1", DeathsWithoutProgress = deaths, Progress = progress,
    };

    [Fact]
    public void A_first_attempt_or_another_jobs_manifest_counts_nothing()
    {
        Assert.Equal(0, WorkerDeaths.Before(null, Job, 0));
        Assert.Equal(0, WorkerDeaths.Before(Manifest(JobStatus.Running, 2, 0, Guid.NewGuid()), Job, 0));
    }

    [Fact]
    public void A_manifest_left_running_is_one_more_death_in_a_row_unless_the_job_progressed()
    {
        Assert.Equal(1, WorkerDeaths.Before(Manifest(JobStatus.Running, 0, 0), Job, 0));
        Assert.Equal(3, WorkerDeaths.Before(Manifest(JobStatus.Running, 2, 40), Job, 40));
        Assert.Equal(0, WorkerDeaths.Before(Manifest(JobStatus.Running, 2, 40), Job, 41));
    }

    [Fact]
    public void A_graceful_stop_neither_counts_nor_forgives()
    {
        Assert.Equal(2, WorkerDeaths.Before(Manifest(JobStatus.Interrupted, 2, 40), Job, 40));
        Assert.Equal(0, WorkerDeaths.Before(Manifest(JobStatus.Interrupted, 2, 40), Job, 50));
    }

    [Theory]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Cancelled)]
    [InlineData(JobStatus.Succeeded)]
    public void A_rerun_of_a_finished_job_starts_afresh(JobStatus status) =>
        Assert.Equal(0, WorkerDeaths.Before(Manifest(status, 3, 0), Job, 0));

    /// <summary>The kill drill: ten kills of one training job, each after a checkpoint moved on, never give it up.</summary>
    [Fact]
    public void Ten_deaths_each_after_progress_never_reach_the_limit()
    {
        JobManifest? previous = null;
        for (var kill = 0; kill < 10; kill++)
        {
            var deaths = WorkerDeaths.Before(previous, Job, kill * 30);
            Assert.True(deaths < new VaeFaces.Worker.WorkerOptions().MaxWorkerDeaths);
            previous = Manifest(JobStatus.Running, deaths, kill * 30);
        }
    }

    [Fact]
    public void Three_deaths_without_progress_reach_the_default_limit()
    {
        JobManifest? previous = null;
        var deaths = 0;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            deaths = WorkerDeaths.Before(previous, Job, 0);
            previous = Manifest(JobStatus.Running, deaths, 0);
        }
        Assert.Equal(3, deaths);
        Assert.Equal(new VaeFaces.Worker.WorkerOptions().MaxWorkerDeaths, deaths);
        Assert.StartsWith("the job's worker died 3 times while running it", WorkerDeaths.Reason(deaths, previous!));
    }
}
