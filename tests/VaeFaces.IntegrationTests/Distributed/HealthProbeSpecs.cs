using System.Net;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// Liveness has no dependencies and readiness checks PostgreSQL, so a database outage takes the Scheduler out of
/// service (503 on /health/ready) without Kubernetes restarting it in a loop (200 on /health/live).
/// </summary>
[Collection(DistributedCollection.Name)]
public class HealthProbeSpecs(DistributedFixture services)
{
    [Fact]
    public async Task Liveness_stays_200_while_the_database_is_down_and_readiness_answers_503()
    {
        // A PostgreSQL of its own, to stop, and a RabbitMQ virtual host of its own, so that this Scheduler records
        // no event of the fixture's jobs into a database that goes away.
        var name = $"{services.RunId}-health";
        var postgres = new Dictionary<string, string>
        {
            ["VAEFACES_SERVICES_DIR"] = Path.Combine(Path.GetTempPath(), $"vaefaces-{name}"),
            ["POSTGRES_PORT"] = DistributedFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var local = await LocalServices.StartAsync(postgres, "postgres");
        await LocalServices.RunAsync(null, "rabbitmqctl", "add_vhost", name);
        await LocalServices.RunAsync(null, "rabbitmqctl", "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        try
        {
            var (scheduler, api) = await services.StartOtherSchedulerAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__Jobs"] = local["ConnectionStrings__Jobs"],
                ["ConnectionStrings__RabbitMq"] = services.Environment["ConnectionStrings__RabbitMq"][..services.Environment["ConnectionStrings__RabbitMq"].LastIndexOf('/')] + "/" + name,
            });
            using (scheduler)
            using (api)
            {
                Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/live")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);

                await LocalServices.RunAsync(postgres, "stop", "postgres");

                var deadline = DateTime.UtcNow.AddSeconds(30);
                HttpStatusCode ready;
                while ((ready = (await api.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
                    await Task.Delay(200);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
                // /health is what older probes and compose ask: it means ready.
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.GetAsync("/health")).StatusCode);
                for (var probe = 0; probe < 5; probe++)
                    Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/live")).StatusCode);
                Assert.False(scheduler.HasExited, scheduler.Output);

                // Back up: ready again, without a restart.
                await LocalServices.StartAsync(postgres, "postgres");
                deadline = DateTime.UtcNow.AddSeconds(60);
                while ((ready = (await api.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
                    await Task.Delay(200);
                Assert.Equal(HttpStatusCode.OK, ready);
            }
        }
        finally
        {
            await LocalServices.RunAsync(postgres, "stop", "postgres");
            await LocalServices.RunAsync(null, "rabbitmqctl", "delete_vhost", name);
            Directory.Delete(postgres["VAEFACES_SERVICES_DIR"], recursive: true);
        }
    }
}
