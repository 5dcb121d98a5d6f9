using System.Collections.Concurrent;
using MassTransit;
using VaeFaces.Messaging;

namespace VaeFaces.IntegrationTests.Drills;

/// <summary>Counts the events of one type per JobId, from a queue of its own bound to the event's exchange.</summary>
public sealed class EventTally<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentDictionary<Guid, int> counts = new();
    private readonly IBusControl bus;

    private EventTally(string connectionString, Func<T, Guid> jobId)
    {
        bus = Bus.Factory.CreateUsingRabbitMq(transport =>
        {
            transport.Host(RabbitMqConnection.Parse(connectionString));
            transport.ReceiveEndpoint($"drill-tally-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<T>(context =>
                {
                    counts.AddOrUpdate(jobId(context.Message), 1, (_, count) => count + 1);
                    return Task.CompletedTask;
                });
            });
        });
    }

    public static async Task<EventTally<T>> StartAsync(string connectionString, Func<T, Guid> jobId)
    {
        var tally = new EventTally<T>(connectionString, jobId);
        await tally.bus.StartAsync();
        return tally;
    }

    public int this[Guid id] => counts.GetValueOrDefault(id);

    public ValueTask DisposeAsync() => new(bus.StopAsync());
}
