using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VaeFaces.Storage;
using VaeFaces.Messaging;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The job consumers, their storage and the bus. RabbitMQ and Azure Blob when configured; the embedded default is
    /// the in-memory bus and a local folder.
    /// </summary>
    public static IServiceCollection AddVaeWorker(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        services.AddVaeJobServices(configuration);
        services.AddVaeBus(configuration, bus =>
        {
            bus.AddJobConsumers();
            configureBus?.Invoke(bus);
        });
        return services;
    }

    /// <summary>What the job consumers need besides the bus: options, storage and the job runner.</summary>
    public static IServiceCollection AddVaeJobServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkerOptions>(configuration.GetSection(WorkerOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            return BlobStores.FromConfiguration(configuration, options.StorageRoot, options.CacheDirectory);
        });
        services.AddSingleton<JobRunner>();
        services.AddSingleton<RunningJobs>();
        return services;
    }

    /// <summary>A consumer for every kind in JobKinds, each with the job that implements it, and CancelJob's.</summary>
    public static void AddJobConsumers(this IBusRegistrationConfigurator bus)
    {
        foreach (var (command, job) in JobTypes.ForEveryKind())
            bus.AddConsumer(typeof(JobConsumer<,>).MakeGenericType(command, job), typeof(JobConsumerDefinition<,>).MakeGenericType(command, job));
        bus.AddConsumer<CancelJobConsumer, CancelJobConsumerDefinition>();
    }
}
