using System.Collections.Concurrent;
using System.Threading.Channels;

namespace VaeFaces.Cli.Pipeline;

/// <summary>Routes job events from the bus to whoever waits for that job in this process.</summary>
public sealed class JobEvents
{
    private readonly ConcurrentDictionary<Guid, Channel<object>> watchers = new();

    /// <summary>Call before publishing the command, so no event is missed.</summary>
    public ChannelReader<object> Watch(Guid jobId) => watchers.GetOrAdd(jobId, _ => Channel.CreateUnbounded<object>()).Reader;

    public void Forget(Guid jobId) => watchers.TryRemove(jobId, out _);

    internal Task Deliver(Guid jobId, object message)
    {
        if (watchers.TryGetValue(jobId, out var channel)) channel.Writer.TryWrite(message);
        return Task.CompletedTask;
    }
}
