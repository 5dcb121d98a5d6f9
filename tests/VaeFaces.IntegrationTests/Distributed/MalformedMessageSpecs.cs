using System.Text;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Messaging;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class MalformedMessageSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task Garbage_published_straight_to_a_job_queue_lands_in_its_error_queue_with_the_reason_once()
    {
        using var worker = Services.StartWorker();
        await using var broker = new Broker(Services.Environment["ConnectionStrings__RabbitMq"]);
        var queue = JobQueues.NameOf(nameof(TrainModel));
        await broker.WaitForConsumersAsync(queue, 1, TimeSpan.FromMinutes(1));
        // The error queue is shared with the faults of other specs' jobs: count only this message, by its id.
        var messageId = Guid.NewGuid().ToString();

        await broker.PublishRawAsync(queue, Encoding.UTF8.GetBytes("{ this is not a job"), messageId);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await CopiesAsync(broker, queue + "_error", messageId)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no copy of the message in the error queue:\n" + worker.Output);
            await Task.Delay(250);
        }
        // Once: not retried or redelivered into the error queue again.
        await Task.Delay(2000);
        var copy = Assert.Single(await CopiesAsync(broker, queue + "_error", messageId));
        var headers = copy.BasicProperties.Headers ?? new Dictionary<string, object?>();
        Assert.True(headers.ContainsKey("MT-Fault-Message"), string.Join(", ", headers.Keys));
    }

    [Fact]
    public async Task A_well_formed_job_with_bad_parameters_sent_straight_to_the_queue_ends_failed_with_the_reason()
    {
        using var worker = Services.StartWorker();
        await using var broker = new Broker(Services.Environment["ConnectionStrings__RabbitMq"]);
        var id = Guid.NewGuid();
        await broker.SendAsync(new TrainModel
        {
            JobId = id, Dataset = Services.Dataset, Output = new BlobLocation("artifacts", $"direct/{id}"), Epochs = 0, ImageSize = 100,
        });

        var job = await Services.WaitForAsync(id, j => j.Status.IsFinal(), TimeSpan.FromMinutes(2), worker);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("Epochs must be at least 1", job.Error);
        Assert.Contains("ImageSize must be one of", job.Error);
    }


    private static async Task<List<RabbitMQ.Client.BasicGetResult>> CopiesAsync(Broker broker, string queue, string messageId) =>
        (await broker.ReadAllAsync(queue)).Where(m => m.BasicProperties.MessageId == messageId).ToList();
}
