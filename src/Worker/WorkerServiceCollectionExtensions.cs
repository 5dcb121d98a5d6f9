using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Editing;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;
using VaeFaces.Worker.Sampling;
using VaeFaces.Worker.Storage;
using VaeFaces.Worker.Training;

namespace VaeFaces.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>The job consumers, their storage and the bus. The embedded default is the in-memory bus and a local folder.</summary>
    public static IServiceCollection AddVaeWorker(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        services.AddVaeJobServices(configuration);
        services.AddMassTransit(bus =>
        {
            bus.AddJobConsumers();
            configureBus?.Invoke(bus);
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }

    /// <summary>What the job consumers need besides the bus: options, storage and the job runner.</summary>
    public static IServiceCollection AddVaeJobServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkerOptions>(configuration.GetSection(WorkerOptions.Section));
        services.AddSingleton<IBlobStore>(sp => new LocalFolderBlobStore(sp.GetRequiredService<IOptions<WorkerOptions>>().Value.StorageRoot));
        services.AddSingleton<JobRunner>();
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
    }
}
