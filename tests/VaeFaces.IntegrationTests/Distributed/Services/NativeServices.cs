using System.Globalization;

namespace VaeFaces.IntegrationTests.Distributed.Services;

/// <summary>The services of deploy/local/services, run natively; private ones get a state folder and ports of their own.</summary>
internal static class NativeServices
{
    public static async Task<SharedServices> StartSharedAsync()
    {
        var settings = await LocalServices.StartAsync();
        Console.WriteLine("distributed specs on native services (deploy/local/services)");
        // The suite's services outlive it (a no-op start next time); only drills stop them, and start them again.
        return new SharedServices(
            new Broker(null, settings["ConnectionStrings__RabbitMq"], ownsServer: false),
            new Server("postgres", null, settings["ConnectionStrings__Jobs"], ownsServer: false),
            new Server("azurite", null, settings["ConnectionStrings__Blobs"], ownsServer: false));
    }

    public static async Task<IDatabaseServer> StartDatabaseAsync(string name)
    {
        // Not under a run's work folder: that one is private to root, and the server runs as user postgres.
        var overrides = new Dictionary<string, string>
        {
            ["VAEFACES_SERVICES_DIR"] = Path.Combine(Path.GetTempPath(), $"vaefaces-{name}"),
            ["POSTGRES_PORT"] = DistributedFixture.FreePort().ToString(CultureInfo.InvariantCulture),
        };
        var settings = await LocalServices.StartAsync(overrides, "postgres");
        return new Server("postgres", overrides, settings["ConnectionStrings__Jobs"], ownsServer: true);
    }

    public static async Task<IBrokerServer> StartBrokerAsync(string name, TimeSpan consumerTimeout)
    {
        var overrides = new Dictionary<string, string>
        {
            ["RABBITMQ_PORT"] = "5673",
            ["RABBITMQ_NODE"] = $"vaefaces-{name}",
            ["RABBITMQ_CONSUMER_TIMEOUT_MS"] = ((long)consumerTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };
        var settings = await LocalServices.StartAsync(overrides, "rabbitmq");
        return new Broker(overrides, settings["ConnectionStrings__RabbitMq"], ownsServer: true);
    }

    private class Server(string name, Dictionary<string, string>? overrides, string connectionString, bool ownsServer)
        : IDatabaseServer, IBlobServer
    {
        public string Name => name;
        public string ConnectionString => connectionString;
        protected Dictionary<string, string>? Overrides => overrides;
        public Task StopAsync() => LocalServices.RunAsync(overrides, "stop", name);
        public Task StartAsync() => LocalServices.RunAsync(overrides, "start", name);

        public async ValueTask DisposeAsync()
        {
            if (!ownsServer) return;
            await StopAsync();
            if (overrides?.TryGetValue("VAEFACES_SERVICES_DIR", out var state) == true) Directory.Delete(state, recursive: true);
        }
    }

    private sealed class Broker(Dictionary<string, string>? overrides, string url, bool ownsServer)
        : Server("rabbitmq", overrides, url, ownsServer), IBrokerServer
    {
        public string Url => ConnectionString;

        public async Task AddVirtualHostAsync(string name)
        {
            await LocalServices.RunAsync(Overrides, "rabbitmqctl", "add_vhost", name);
            await LocalServices.RunAsync(Overrides, "rabbitmqctl", "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        }

        public Task DeleteVirtualHostAsync(string name) => LocalServices.RunAsync(Overrides, "rabbitmqctl", "delete_vhost", name);
    }
}
