using VaeFaces.Worker.Jobs;

namespace VaeFaces.UnitTests.Jobs;

public class RunningJobsSpecs
{
    [Fact]
    public void Cancel_reaches_every_copy_of_the_job_and_no_other_job()
    {
        var jobs = new RunningJobs();
        var id = Guid.NewGuid();
        using var running = jobs.Register(id, CancellationToken.None);
        using var waiting = jobs.Register(id, CancellationToken.None);
        using var other = jobs.Register(Guid.NewGuid(), CancellationToken.None);

        Assert.True(jobs.Cancel(id));

        Assert.True(running.Token.IsCancellationRequested);
        Assert.True(waiting.Token.IsCancellationRequested);
        Assert.False(other.Token.IsCancellationRequested);
    }

    [Fact]
    public void A_finished_job_is_not_found_and_the_stopping_token_cancels_a_running_one()
    {
        var jobs = new RunningJobs();
        var id = Guid.NewGuid();
        jobs.Register(id, CancellationToken.None).Dispose();
        Assert.False(jobs.Cancel(id));

        using var stopping = new CancellationTokenSource();
        using var registration = jobs.Register(id, stopping.Token);
        stopping.Cancel();
        Assert.True(registration.Token.IsCancellationRequested);
    }
}
