using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>A job the Scheduler recorded is sent, even when the Scheduler died between recording and sending it.</summary>
[Collection(DistributedCollection.Name)]
public class OutboxSpecs(DistributedFixture services)
{
    [Fact]
    public async Task A_job_recorded_but_not_sent_before_a_crash_is_sent_when_the_Scheduler_starts_again_and_runs()
    {
        await using var scheduler = await PrivateScheduler.StartAsync(services);
        var id = Guid.NewGuid();
        var command = new TrainModel
        {
            JobId = id, Dataset = services.Dataset, Output = new BlobLocation("artifacts", $"jobs/{id}"), ImageSize = 64, Epochs = 1,
            BatchSize = 32, LearningRate = 0.001, EarlyStoppingPatience = 0,
        };
        var json = JsonSerializer.Serialize(command, JobJson.Options);

        await scheduler.RestartAsync(async () =>
        {
            // What a Scheduler that died after committing a submission, before its command reached the broker, leaves.
            await using var insert = scheduler.Database.CreateCommand("""
                insert into jobs (id, kind, status, parameters, output, created_at, updated_at)
                values (@id, 'TrainModel', 'Queued', @command::jsonb, @output, now(), now());
                insert into job_outbox (job_id, kind, command, created_at) values (@id, 'TrainModel', @command::jsonb, now());
                """);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("command", json);
            insert.Parameters.AddWithValue("output", command.Output.ToString());
            await insert.ExecuteNonQueryAsync();
        });

        using var worker = scheduler.StartWorker();
        var job = await scheduler.Jobs.WaitForAsync(id, j => j.Status.IsFinal(), TimeSpan.FromMinutes(3), worker);
        Assert.True(job.Status == JobStatus.Succeeded, job.Error + "\n" + worker.Output);
        Assert.Equal(0L, await scheduler.ScalarAsync<long>("select count(*) from job_outbox where sent_at is null"));
    }
}
