using Microsoft.Extensions.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VaeFaces.Cli.Pipeline;
using VaeFaces.Worker;

namespace VaeFaces.Cli;

/// <summary>The embedded service: worker consumers on the in-memory bus, the local file system as blob store.</summary>
public static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:StorageRoot"] = LocalLocations.StoreRoot,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("MassTransit", LogLevel.Warning);
        // The command owns SIGINT/SIGTERM (StopSignals): it stops this host itself, after the job saved its work.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddSingleton<JobEvents>();
        builder.Services.AddSingleton<JobClient>();
        builder.Services.AddSingleton<PipelineRunner>();
        builder.Services.AddVaeWorker(builder.Configuration, bus => bus.AddConsumer<JobEventForwarder>());
        return builder.Build();
    }
}

/// <summary>No console hooks: the host starts and stops when the command says so.</summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
