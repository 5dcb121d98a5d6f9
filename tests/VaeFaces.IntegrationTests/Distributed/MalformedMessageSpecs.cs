using System.Text;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Messaging;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class MalformedMessageSpecs(DistributedFixture services)
{
    [Fact]
    public async Task Garbage_published_straight_to_a_job_queue_lands_in_its_error_queue_with_the_reason_once()
    {
        using var worker = services.StartWorker();
        await worker.WaitForOutputAsync("Bus started", TimeSpan.FromMinutes(1));
        await using var broker = new Broker(services.Environment["ConnectionStrings__RabbitMq"]);
        var queue = JobQueues.NameOf(nameof(TrainModel));

        await broker.PublishRawAsync(queue, Encoding.UTF8.GetBytes("{ this is not a job"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ErrorCountAsync(broker, queue + "_error") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no message in the error queue:\n" + worker.Output);
            await Task.Delay(250);
        }
        await Task.Delay(2000);
        Assert.Equal(1u, await broker.CountAsync(queue + "_error"));
        Assert.Equal(0u, await broker.CountAsync(queue));
        var headers = await broker.PeekHeadersAsync(queue + "_error");
        Assert.True(headers.ContainsKey("MT-Fault-Message"), string.Join(", ", headers.Keys));
    }

    [Fact]
    public async Task A_well_formed_job_with_bad_parameters_sent_straight_to_the_queue_ends_failed_with_the_reason()
    {
        using var worker = services.StartWorker();
        await using var broker = new Broker(services.Environment["ConnectionStrings__RabbitMq"]);
        var id = Guid.NewGuid();
        await broker.SendAsync(new TrainModel
        {
            JobId = id, Dataset = services.Dataset, Output = new BlobLocation("artifacts", $"direct/{id}"), Epochs = 0, ImageSize = 100,
        });

        var job = await services.WaitForAsync(id, j => JobStatuses.IsFinal(j.Status), TimeSpan.FromMinutes(2), worker);
        Assert.Equal(JobStatuses.Failed, job.Status);
        Assert.Contains("Epochs must be at least 1", job.Error);
        Assert.Contains("ImageSize must be one of", job.Error);
    }

    private static async Task<uint> ErrorCountAsync(Broker broker, string queue)
    {
        try
        {
            return await broker.CountAsync(queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }
}
