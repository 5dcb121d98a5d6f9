using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

[Collection(DistributedCollection.Name), Trait("Category", "Drill")]
public class BrokerRestartDrill(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    private const int Jobs = 50;

    [Fact]
    public async Task Jobs_queued_or_running_when_rabbitmq_restarts_all_end_succeeded()
    {
        var settings = new Dictionary<string, string> { ["Worker__ConcurrentJobs"] = "2" };
        using var first = Services.StartWorker(settings);
        using var second = Services.StartWorker(settings);
        var model = await Services.TrainTinyModelAsync(first, second);

        // Bigger grids than the load drill's, so that jobs are still queued and running when the broker goes.
        var ids = await Services.SubmitManyAsync(nameof(GenerateSamples), Enumerable.Range(0, Jobs).Select(i => model.Samples(seed: i, count: 256)));
        await Services.WaitForAsync(ids[2], j => j.Status == JobStatus.Succeeded, TimeSpan.FromMinutes(5), first, second);
        var atRestart = (await Task.WhenAll(ids.Select(Services.GetAsync))).Counts();
        var outage = await ServiceOutage.RestartAsync(Services.Servers.Broker, TimeSpan.FromSeconds(10));

        var jobs = await Services.WaitUntilAllFinishedAsync(ids, TimeSpan.FromMinutes(15), first, second);
        var succeeded = jobs.Count(j => j.Status == JobStatus.Succeeded);
        DrillReport.Write(output, "broker-restart", $"RabbitMQ restarted with {Jobs} jobs queued or running: 0 lost, all Succeeded",
            succeeded == Jobs,
            $"at the restart: {atRestart}; broker unreachable {outage.TotalSeconds:F0} s; afterwards: {jobs.Counts()}");
        Assert.Equal(Jobs, succeeded);
    }
}
