using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VaeFaces.Cli;
using VaeFaces.Messaging;
using VaeFaces.Scheduler;
using VaeFaces.UnitTests.Scheduler;
using VaeFaces.Worker;

namespace VaeFaces.UnitTests.Messaging;

/// <summary>MassTransit 8.5 posts a usage report to masstransit.io unless told not to; no process of ours may.</summary>
public class UsageTelemetrySpecs
{
    private const string RabbitMq = "amqp://guest:guest@127.0.0.1:5672/";

    [Theory]
    [InlineData(null)]
    [InlineData(RabbitMq)]
    public void The_bus_is_configured_not_to_report_usage_telemetry(string? rabbitMq)
    {
        var services = new ServiceCollection().AddLogging().AddVaeBus(Configuration(("ConnectionStrings:RabbitMq", rabbitMq)), _ => { });
        Assert.False(TelemetryEnabled(services.BuildServiceProvider()));
    }

    [Fact]
    public void The_worker_the_scheduler_and_the_embedded_cli_do_not_report_usage_telemetry()
    {
        var worker = new ServiceCollection().AddLogging().AddVaeWorker(Configuration(("ConnectionStrings:RabbitMq", RabbitMq)));
        Assert.False(TelemetryEnabled(worker.BuildServiceProvider()), "worker");

        var scheduler = new ServiceCollection().AddLogging().AddScheduler(Configuration(
            ("ConnectionStrings:RabbitMq", RabbitMq), ("ConnectionStrings:Jobs", "Host=127.0.0.1;Database=none"),
            ("Api:Key", SchedulerStartupSpecs.GoodKey), ("Dashboard:Username", "operator"), ("Dashboard:Password", SchedulerStartupSpecs.GoodPassword)));
        Assert.False(TelemetryEnabled(scheduler.BuildServiceProvider()), "scheduler");

        using var cli = CliHost.Build();
        Assert.False(TelemetryEnabled(cli.Services), "cli");
    }

    private static bool TelemetryEnabled(IServiceProvider provider) => provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled;

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
