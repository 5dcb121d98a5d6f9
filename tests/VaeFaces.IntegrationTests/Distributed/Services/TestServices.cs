namespace VaeFaces.IntegrationTests.Distributed.Services;

/// <summary>A service the specs can take down and bring back at the same address (an outage).</summary>
public interface IServiceServer : IAsyncDisposable
{
    string Name { get; }
    Task StopAsync();
    Task StartAsync();
}

/// <summary>A RabbitMQ server; each run and private Scheduler works in a virtual host of its own.</summary>
public interface IBrokerServer : IServiceServer
{
    /// <summary>amqp://user:password@host:port/ (the default virtual host).</summary>
    string Url { get; }
    Task AddVirtualHostAsync(string name);
    Task DeleteVirtualHostAsync(string name);
    string UrlOf(string virtualHost) => Url.TrimEnd('/') + "/" + virtualHost;
}

public interface IDatabaseServer : IServiceServer
{
    /// <summary>An administrator's connection string (it may create and drop databases).</summary>
    string ConnectionString { get; }
}

public interface IBlobServer : IServiceServer
{
    string ConnectionString { get; }
}

public sealed record SharedServices(IBrokerServer Broker, IDatabaseServer Database, IBlobServer Blobs) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
        await Blobs.DisposeAsync();
    }
}

/// <summary>
/// Where the distributed specs get RabbitMQ, PostgreSQL and Azurite: containers started with Testcontainers when a
/// Docker engine answers, otherwise the native services of deploy/local/services. VAEFACES_TEST_SERVICES=containers or
/// =native picks one (containers then fail rather than fall back). Either way a missing service fails the specs; they
/// are never skipped.
/// </summary>
public static class TestServices
{
    private static readonly Lazy<bool> UseContainers = new(() => (System.Environment.GetEnvironmentVariable("VAEFACES_TEST_SERVICES") ?? "auto") switch
    {
        "containers" => ContainerServices.EngineAnswers() ? true : throw new InvalidOperationException(
            "VAEFACES_TEST_SERVICES=containers, but no Docker engine answers (deploy/local/docker start)"),
        "native" => false,
        "auto" => ContainerServices.EngineAnswers(),
        var other => throw new InvalidOperationException($"VAEFACES_TEST_SERVICES must be containers, native or unset, not '{other}'"),
    });

    public static string Mode => UseContainers.Value ? "containers" : "native";

    public static Task<SharedServices> StartSharedAsync() =>
        UseContainers.Value ? ContainerServices.StartSharedAsync() : NativeServices.StartSharedAsync();

    /// <summary>A PostgreSQL server of the caller's own, to stop and start.</summary>
    public static Task<IDatabaseServer> StartDatabaseAsync(string name) =>
        UseContainers.Value ? ContainerServices.StartDatabaseAsync(name) : NativeServices.StartDatabaseAsync(name);

    /// <summary>A RabbitMQ server of the caller's own whose consumer timeout is this (checked every second) instead of disabled.</summary>
    public static Task<IBrokerServer> StartBrokerAsync(string name, TimeSpan consumerTimeout) =>
        UseContainers.Value ? ContainerServices.StartBrokerAsync(name, consumerTimeout) : NativeServices.StartBrokerAsync(name, consumerTimeout);
}
