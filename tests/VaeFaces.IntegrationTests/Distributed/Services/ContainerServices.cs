using System.Diagnostics;
using System.Globalization;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace VaeFaces.IntegrationTests.Distributed.Services;

/// <summary>
/// RabbitMQ, PostgreSQL and Azurite in containers started by Testcontainers, each bound to a host port picked here so a
/// stopped container comes back at the same address. Ryuk, Testcontainers' reaper, is an image from a registry; it is
/// off unless asked for, and every container carries its owner (this process), so the next run removes what a crashed
/// one left behind.
/// </summary>
internal static class ContainerServices
{
    internal const string OwnerLabel = "vaefaces.tests.owner";
    private const string User = "vaefaces";
    // Azurite's documented development account: not a secret.
    private const string AzuriteAccount = "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly string Owner = OwnerOf(Process.GetCurrentProcess());

    /// <summary>
    /// True when a Docker engine answers. Before Testcontainers reads its settings: the client asks for the engine's own
    /// API version (Testcontainers 4.16 asks for 1.44, which Debian's Docker 20.10 refuses), and Ryuk is off.
    /// </summary>
    public static bool EngineAnswers()
    {
        string version;
        try
        {
            version = Docker("version", "--format", "{{.Server.APIVersion}}").Trim();
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
        if (System.Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is null or "")
            System.Environment.SetEnvironmentVariable("DOCKER_API_VERSION", version);
        if (System.Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") is null or "")
            System.Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        return true;
    }

    public static async Task<SharedServices> StartSharedAsync()
    {
        RemoveLeftovers();
        Console.WriteLine($"distributed specs on containers (Testcontainers): {ServiceImages.RabbitMq}, {ServiceImages.Postgres}, {ServiceImages.Azurite}");
        var broker = StartBrokerAsync("broker", File.ReadAllText(Path.Combine(LocalServices.RepoRoot, "deploy", "rabbitmq", "advanced.config")));
        var database = StartDatabaseAsync("database");
        var blobs = StartBlobsAsync();
        return new SharedServices(await broker, await database, await blobs);
    }

    public static Task<IBrokerServer> StartBrokerAsync(string name, TimeSpan consumerTimeout) =>
        StartBrokerAsync(name, $"[{{rabbit, [{{consumer_timeout, {(long)consumerTimeout.TotalMilliseconds}}}, {{channel_tick_interval, 1000}}]}}].");

    public static async Task<IDatabaseServer> StartDatabaseAsync(string name)
    {
        var container = new PostgreSqlBuilder(ServiceImages.Postgres).WithLabel(OwnerLabel, Owner)
            .WithUsername(User).WithPassword(Secret()).WithDatabase(User)
            .WithPortBinding(DistributedFixture.FreePort(), PostgreSqlBuilder.PostgreSqlPort).Build();
        await StartAsync(container, name);
        return new Database(container, name);
    }

    private static async Task<IBrokerServer> StartBrokerAsync(string name, string advancedConfig)
    {
        var container = new RabbitMqBuilder(ServiceImages.RabbitMq).WithLabel(OwnerLabel, Owner)
            .WithUsername(User).WithPassword(Secret())
            .WithPortBinding(DistributedFixture.FreePort(), RabbitMqBuilder.RabbitMqPort)
            .WithResourceMapping(Encoding.UTF8.GetBytes(advancedConfig), "/etc/rabbitmq/advanced.config").Build();
        await StartAsync(container, name);
        return new Broker(container, name);
    }

    private static async Task<IBlobServer> StartBlobsAsync()
    {
        const ushort port = 10000;
        var container = new ContainerBuilder(ServiceImages.Azurite).WithLabel(OwnerLabel, Owner)
            .WithCommand("azurite-blob", "--blobHost", "0.0.0.0", "--blobPort", $"{port}", "--location", "/data",
                "--skipApiVersionCheck", "--loose", "--disableTelemetry")
            .WithPortBinding(DistributedFixture.FreePort(), port)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("successfully listens")).Build();
        await StartAsync(container, "blobs");
        return new Blobs(container, port);
    }

    private static async Task StartAsync(IContainer container, string name)
    {
        try
        {
            await container.StartAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InvalidOperationException($"the {name} container ({container.Image.FullName}) did not start: {error.Message}. " +
                "Without a registry, build local images first: eval \"$(deploy/local/build-images)\"", error);
        }
    }

    /// <summary>Containers whose owning test process is gone (it crashed or was killed before it disposed them).</summary>
    internal static int RemoveLeftovers()
    {
        var listing = Docker("ps", "-a", "--filter", $"label={OwnerLabel}", "--format", $"{{{{.ID}}}} {{{{.Label \"{OwnerLabel}\"}}}}");
        var orphans = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && !IsAlive(parts[1])).Select(parts => parts[0]).ToList();
        if (orphans.Count == 0) return 0;
        Docker(["rm", "-f", "-v", .. orphans]);
        Console.WriteLine($"removed {orphans.Count} container(s) left by a test run that did not end cleanly");
        return orphans.Count;
    }

    internal static string OwnerOf(Process process) =>
        $"{process.Id}:{process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)}";

    private static bool IsAlive(string owner)
    {
        var pid = int.Parse(owner.Split(':')[0], CultureInfo.InvariantCulture);
        try
        {
            using var process = Process.GetProcessById(pid);
            return OwnerOf(process) == owner;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Secret() => Guid.NewGuid().ToString("N");

    internal static string Docker(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill();
        if (process.ExitCode != 0) throw new InvalidOperationException($"docker {string.Join(' ', arguments)}: {errors.Trim()}");
        return output.Result;
    }

    private abstract class Server(IContainer container, string name) : IServiceServer
    {
        protected IContainer Container => container;
        public string Name => name;
        public Task StopAsync() => container.StopAsync();

        public virtual async Task StartAsync()
        {
            await container.StartAsync();
            await WhenReadyAsync();
        }

        /// <summary>A restarted container's log already holds the first start's ready line: ask the service itself.</summary>
        protected abstract Task<bool> ReadyAsync();

        private async Task WhenReadyAsync()
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!await ReadyAsync())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"the {name} container was not ready 2 min after it started again");
                await Task.Delay(250);
            }
        }

        protected async Task<bool> SucceedsAsync(params string[] command) => (await container.ExecAsync(command)).ExitCode == 0;

        public ValueTask DisposeAsync() => container.DisposeAsync();
    }

    private sealed class Broker(RabbitMqContainer container, string name) : Server(container, name), IBrokerServer
    {
        public string Url { get; } = container.GetConnectionString();
        public Task AddVirtualHostAsync(string vhost) => RunAsync(["add_vhost", vhost], ["set_permissions", "-p", vhost, User, ".*", ".*", ".*"]);
        public Task DeleteVirtualHostAsync(string vhost) => RunAsync(["delete_vhost", vhost]);
        protected override Task<bool> ReadyAsync() => SucceedsAsync("rabbitmqctl", "await_startup");

        private async Task RunAsync(params string[][] commands)
        {
            foreach (var command in commands)
            {
                var result = await Container.ExecAsync(["rabbitmqctl", .. command]);
                if (result.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', command)}: {result.Stderr}{result.Stdout}");
            }
        }
    }

    private sealed class Database(PostgreSqlContainer container, string name) : Server(container, name), IDatabaseServer
    {
        public string ConnectionString { get; } = container.GetConnectionString();
        protected override Task<bool> ReadyAsync() => SucceedsAsync("pg_isready", "--host", "localhost", "--username", User);
    }

    private sealed class Blobs(IContainer container, ushort port) : Server(container, "blobs"), IBlobServer
    {
        public string ConnectionString { get; } =
            $"DefaultEndpointsProtocol=http;{AzuriteAccount};BlobEndpoint=http://{container.Hostname}:{container.GetMappedPublicPort(port)}/devstoreaccount1;";

        protected override Task<bool> ReadyAsync() => SucceedsAsync("node", "-e",
            $"require('net').connect({port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))");
    }
}
