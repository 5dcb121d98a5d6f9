using System.Text.RegularExpressions;
using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed.Services;
using VaeFaces.Messaging;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class ConsumerTimeoutSpecs(DistributedFixture services)
{
    [Fact]
    public async Task A_job_lasting_longer_than_the_brokers_consumer_timeout_completes_exactly_once()
    {
        // A second broker whose consumer timeout is 5 s instead of disabled.
        await using var broker = await TestServices.StartBrokerAsync("timeout", TimeSpan.FromSeconds(5));
        await broker.AddVirtualHostAsync(services.RunId);
        var rabbitMq = broker.UrlOf(services.RunId);
        var settings = new Dictionary<string, string> { ["ConnectionStrings__RabbitMq"] = rabbitMq };
        using var first = services.StartWorker(settings);
        using var second = services.StartWorker(settings);
        await using var client = new Broker(rabbitMq);
        await client.WaitForConsumersAsync(JobQueues.NameOf(nameof(TrainModel)), 2, TimeSpan.FromMinutes(1));

        var id = Guid.NewGuid();
        var output = new BlobLocation("artifacts", $"timeout/{id}");
        await client.SendAsync(new TrainModel
        {
            JobId = id, Dataset = services.Dataset, Output = output, ImageSize = 64, Epochs = 40, BatchSize = 32,
            LearningRate = 0.001, EarlyStoppingPatience = 0,
        });

        // The broker takes the message back after 5 s and hands it out again (the only way a second copy can exist: it
        // was sent once); the copy must find the result, not run the job again.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        string Log() => first.Output + "\n" + second.Output;
        while (!Log().Contains($"TrainModel {id} already succeeded", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the redelivered copy never reported the result:\n" + Log());
            await Task.Delay(500);
        }
        var manifest = await services.Blobs.ReadJsonAsync<JobManifest>(output.Child(JobManifest.FileName));
        Assert.Equal(JobStatus.Succeeded, manifest!.Status);
        Assert.True((manifest.FinishedAt! - manifest.StartedAt).Value > TimeSpan.FromSeconds(10), "the job was shorter than the timeout test needs:\n" + Log());
        Assert.Single(Regex.Matches(Log(), $"TrainModel {id} started"));
        Assert.Single(Regex.Matches(Log(), $"TrainModel {id} succeeded in"));
    }
}
