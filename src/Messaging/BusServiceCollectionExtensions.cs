using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VaeFaces.Messaging;

public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ when ConnectionStrings:RabbitMq is set (amqp://user:password@host:port/vhost), else the
    /// in-memory bus of one process. Queues are kebab-case (train-model, edit-images, ...).
    /// </summary>
    public static IServiceCollection AddVaeBus(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var rabbitMq = configuration.GetConnectionString(RabbitMqConnection.Name);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.5 otherwise posts a usage report to masstransit.io after every bus start: no phoning home.
            bus.DisableUsageTelemetry();
            registerConsumers(bus);
            if (string.IsNullOrWhiteSpace(rabbitMq))
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
                return;
            }
            var broker = RabbitMqConnection.Parse(rabbitMq);
            bus.UsingRabbitMq((context, transport) =>
            {
                transport.Host(broker);
                transport.ConfigureEndpoints(context);
            });
        });
        services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(60);
            // Consumes still running this long after the bus starts stopping get their ConsumeContext token cancelled; a
            // message whose consumer then throws OperationCanceledException goes back to its queue (a job's hand-back
            // waits for this; see MessageHandBack).
            options.ConsumerStopTimeout = TimeSpan.FromSeconds(2);
        });
        return services;
    }
}
