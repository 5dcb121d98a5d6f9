using System.Net;
using VaeFaces.IntegrationTests.Distributed.Services;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// Liveness has no dependencies and readiness checks PostgreSQL, so a database outage takes the Scheduler out of
/// service (503 on /health/ready) without Kubernetes restarting it in a loop (200 on /health/live).
/// </summary>
[Collection(DistributedCollection.Name)]
public class HealthProbeSpecs(DistributedFixture services, ITestOutputHelper output)
{
    [Fact]
    public async Task Liveness_stays_200_while_the_database_is_down_and_readiness_answers_503()
    {
        // A PostgreSQL of its own, to stop. No broker: its in-memory bus keeps this Scheduler away from the run's
        // queues, so it records no event of the fixture's jobs into a database that goes away.
        await using var postgres = await TestServices.StartDatabaseAsync($"{services.RunId}-health");
        var (scheduler, api) = await services.StartOtherSchedulerAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Jobs"] = postgres.ConnectionString,
            ["ConnectionStrings__RabbitMq"] = "",
        });
        using (scheduler)
        using (api)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);

            await postgres.StopAsync();
            var stopped = System.Diagnostics.Stopwatch.StartNew();

            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpStatusCode ready;
            while ((ready = (await api.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
            output.WriteLine($"/health/ready answered 503 {stopped.ElapsedMilliseconds} ms after PostgreSQL stopped");
            // /health is what older probes and compose ask: it means ready.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.GetAsync("/health")).StatusCode);
            for (var probe = 0; probe < 5; probe++)
                Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/live")).StatusCode);
            Assert.False(scheduler.HasExited, scheduler.Output);

            // Back up: ready again, without a restart.
            await postgres.StartAsync();
            deadline = DateTime.UtcNow.AddSeconds(60);
            while ((ready = (await api.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            Assert.Equal(HttpStatusCode.OK, ready);
            output.WriteLine($"/health/ready answered 200 again {stopped.ElapsedMilliseconds} ms after PostgreSQL stopped (restarted meanwhile)");
        }
    }
}
