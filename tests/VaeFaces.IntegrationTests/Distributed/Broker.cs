using MassTransit;
using RabbitMQ.Client;
using VaeFaces.Messaging;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>Direct access to a RabbitMQ virtual host: send commands as another .NET service would, or raw bytes.</summary>
public sealed class Broker(string connectionString) : IAsyncDisposable
{
    private IBusControl? bus;

    public async Task SendAsync<T>(T command) where T : class
    {
        if (bus is null)
        {
            var address = RabbitMqAddress.Parse(connectionString);
            bus = Bus.Factory.CreateUsingRabbitMq(transport => transport.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
            }));
            await bus.StartAsync();
        }
        var endpoint = await bus.GetSendEndpoint(JobQueues.AddressOf(typeof(T).Name));
        await endpoint.Send(command);
    }

    public async Task PublishRawAsync(string queue, byte[] body)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicPublishAsync("", queue, false, new BasicProperties { ContentType = "application/vnd.masstransit+json" }, body);
    }

    public async Task<uint> CountAsync(string queue)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>The headers of the first message of a queue, left in place.</summary>
    public async Task<IDictionary<string, object?>> PeekHeadersAsync(string queue)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        var message = await channel.BasicGetAsync(queue, autoAck: false) ?? throw new InvalidOperationException($"{queue} is empty");
        await channel.BasicNackAsync(message.DeliveryTag, false, requeue: true);
        return message.BasicProperties.Headers ?? new Dictionary<string, object?>();
    }

    private Task<IConnection> Connect() => new ConnectionFactory { Uri = new Uri(connectionString.Replace("rabbitmq://", "amqp://")) }.CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.StopAsync();
    }
}
