using System.Net;
using VaeFaces.Contracts;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>A JobId names one job: resubmitting it is idempotent, resubmitting it as another job is a conflict.</summary>
[Collection(DistributedCollection.Name)]
public class ResubmitSpecs(DistributedFixture services)
{
    [Fact]
    public async Task Resubmitting_a_job_id_with_other_parameters_or_kind_gets_409_naming_it_and_changes_nothing()
    {
        await using var scheduler = await PrivateScheduler.StartAsync(services);
        var id = Guid.NewGuid();
        await scheduler.Jobs.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 2), id);
        await scheduler.Jobs.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 2), id);

        var other = await scheduler.Jobs.PostAsync(nameof(TrainModel), services.TrainParameters(epochs: 3), id);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains(id.ToString(), await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var otherKind = await scheduler.Jobs.PostAsync(nameof(ComputeLatentStatistics), new { model = "artifacts/m", dataset = services.Dataset.ToString() }, id);
        Assert.Equal(HttpStatusCode.Conflict, otherKind.StatusCode);

        var job = (await scheduler.Jobs.FindAsync(id))!;
        Assert.Equal((nameof(TrainModel), 2), (job.Kind, job.Parameters.GetProperty("epochs").GetInt32()));
        // Commands are sent in the order they were accepted: once a later job's is in the queue, so is every copy of this one.
        var marker = await scheduler.Jobs.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 1));
        await scheduler.WaitForQueuedCommandsAsync(nameof(TrainModel), marker, 1, TimeSpan.FromSeconds(30));
        var sent = await scheduler.QueuedCommandsAsync(nameof(TrainModel), id);
        Assert.NotEmpty(sent);
        Assert.All(sent, command => Assert.Equal(2, command.GetProperty("epochs").GetInt32()));
        Assert.Empty(await scheduler.QueuedCommandsAsync(nameof(ComputeLatentStatistics), id));
    }
}
