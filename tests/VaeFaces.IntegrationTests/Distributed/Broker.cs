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
        var endpoint = await (await BusAsync()).GetSendEndpoint(JobQueues.AddressOf(typeof(T).Name));
        await endpoint.Send(command);
    }

    /// <summary>Publishes an event as a worker does.</summary>
    public async Task PublishAsync<T>(T message) where T : class => await (await BusAsync()).Publish(message);

    /// <summary>Raw bytes straight to a queue; the message id lets a test find its own copy among others'.</summary>
    public async Task PublishRawAsync(string queue, byte[] body, string messageId)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = messageId };
        await channel.BasicPublishAsync("", queue, false, properties, body);
    }

    /// <summary>Every message of a queue, left in place (none when the queue does not exist). Nobody may consume it meanwhile.</summary>
    public async Task<IReadOnlyList<BasicGetResult>> ReadAllAsync(string queue)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return [];
        }
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message) messages.Add(message);
        // Unacknowledged, they all go back in their order.
        if (messages.Count > 0) await channel.BasicNackAsync(messages[^1].DeliveryTag, multiple: true, requeue: true);
        return messages;
    }

    private async Task<IBusControl> BusAsync()
    {
        if (bus is null)
        {
            bus = Bus.Factory.CreateUsingRabbitMq(transport => transport.Host(RabbitMqConnection.Parse(connectionString)));
            await bus.StartAsync();
        }
        return bus;
    }

    public async Task<uint> CountAsync(string queue)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Drops every message of the queue: messages lost, as a broker that lost its disk would lose them.</summary>
    public async Task PurgeAsync(string queue)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueuePurgeAsync(queue);
    }

    /// <summary>Waits until the queue has at least this many consumers: workers whose bus has started.</summary>
    public async Task WaitForConsumersAsync(string queue, uint consumers, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var connection = await Connect();
        while (true)
        {
            // A passive declare of a queue nobody declared yet closes the channel: a new one each time.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                if ((await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount >= consumers) return;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{queue} did not get {consumers} consumers within {timeout}");
            await Task.Delay(250);
        }
    }

    private Task<IConnection> Connect() => new ConnectionFactory { Uri = new Uri(connectionString.Replace("rabbitmq://", "amqp://")) }.CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.StopAsync();
    }
}
