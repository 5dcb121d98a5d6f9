using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VaeFaces.Storage;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Editing;
using VaeFaces.Messaging;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;
using VaeFaces.Worker.Sampling;
using VaeFaces.Worker.Training;

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

    public static void AddJobConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>();
        bus.AddConsumer<ComputeLatentStatisticsConsumer, ComputeLatentStatisticsConsumerDefinition>();
        bus.AddConsumer<GenerateSamplesConsumer, GenerateSamplesConsumerDefinition>();
        bus.AddConsumer<ExtractAttributeVectorsConsumer, ExtractAttributeVectorsConsumerDefinition>();
        bus.AddConsumer<ExploreAttributesConsumer, ExploreAttributesConsumerDefinition>();
        bus.AddConsumer<EditImagesConsumer, EditImagesConsumerDefinition>();
        bus.AddConsumer<CancelJobConsumer, CancelJobConsumerDefinition>();
    }
}
