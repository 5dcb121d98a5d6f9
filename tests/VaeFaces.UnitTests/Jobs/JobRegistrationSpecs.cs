using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VaeFaces.Contracts;
using VaeFaces.Messaging;
using VaeFaces.Worker;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.UnitTests.Jobs;

public class JobRegistrationSpecs
{
    [Fact]
    public void Every_job_kind_has_exactly_its_job() =>
        Assert.Equal(JobKinds.All.Values.Select(kind => $"{kind.Name}Job").Order(), JobTypes.ForEveryKind().Select(pair => pair.Job.Name).Order());

    [Fact]
    public async Task Each_kind_is_consumed_from_its_own_queue()
    {
        var folder = Directory.CreateTempSubdirectory("vaefaces-registration-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:StorageRoot"] = folder, ["Worker:CacheDirectory"] = Path.Combine(folder, "cache"),
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddVaeJobServices(configuration)
            .AddMassTransitTestHarness(bus => bus.AddJobConsumers()).BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        // A loaded machine can take longer than the harness's 1.2 s of inactivity between the send and the final event.
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(5);
        await harness.Start();

        var job = new ComputeLatentStatistics
        {
            JobId = Guid.NewGuid(), Model = new("nowhere", "model"), Dataset = new("nowhere", "faces"), Output = new("out", "stats"), Split = "none",
        };
        var endpoint = await harness.Bus.GetSendEndpoint(JobQueues.AddressOf(nameof(ComputeLatentStatistics)));
        await endpoint.Send(job);

        // Its consumer took it from compute-latent-statistics and failed it on its bad split.
        Assert.True(await harness.Published.Any<JobFailed>(m => m.Context.Message.JobId == job.JobId));
        Assert.Contains("Split", harness.Published.Select<JobFailed>().Single(m => m.Context.Message.JobId == job.JobId).Context.Message.Reason,
            StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
