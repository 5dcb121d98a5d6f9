using Hangfire;
using MassTransit;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Npgsql;
using VaeFaces.Messaging;
using VaeFaces.Scheduler.Api;
using VaeFaces.Scheduler.Database;
using VaeFaces.Scheduler.Jobs;
using VaeFaces.Scheduler.Jobs.Outbox;
using VaeFaces.Scheduler.Jobs.Sweeping;
using VaeFaces.Scheduler.Schedules;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Dashboard;
using VaeFaces.Scheduler.Explorer;
using VaeFaces.Storage;

namespace VaeFaces.Scheduler;

public static class SchedulerServiceCollectionExtensions
{
    public const string DatabaseConnectionName = "Jobs";

    /// <summary>Health checks that readiness runs and liveness does not.</summary>
    private const string ReadyTag = "ready";

    /// <summary>Job state in PostgreSQL, the bus, Hangfire on the same database, the API's security, and the web pages.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new SettingException($"ConnectionStrings:{DatabaseConnectionName} (PostgreSQL) is not set");
        var options = new SchedulerOptions
        {
            ApiKey = configuration["Api:Key"] ?? "",
            DashboardUsername = configuration["Dashboard:Username"] ?? "",
            DashboardPassword = configuration["Dashboard:Password"] ?? "",
        };
        configuration.GetSection("Scheduler").Bind(options);
        if ((SecretRules.Problem("Api:Key", options.ApiKey) ?? SecretRules.Problem("Dashboard:Password", options.DashboardPassword)) is { } weak)
            throw new SettingException(weak);
        if (string.IsNullOrWhiteSpace(options.DashboardUsername)) throw new SettingException("Dashboard:Username is not set");
        if (options.RateLimitPermits < 1) throw new SettingException($"Scheduler:RateLimitPermits is {options.RateLimitPermits}: at least 1");
        if (options.RateLimitWindow <= TimeSpan.Zero) throw new SettingException($"Scheduler:RateLimitWindow is {options.RateLimitWindow}: must be positive");
        if (options.MaxRequestBodyBytes < 1024) throw new SettingException($"Scheduler:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}: at least 1024");
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));

        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        // Registered before the bus and Hangfire so that their hosted services start on a migrated schema.
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<JobChain>();
        services.AddSingleton<JobCancellation>();
        // Artifacts and the explorer's inputs: read only, single blobs (no folder mirror).
        services.AddSingleton(BlobStores.FromConfiguration(configuration, options.StorageRoot, cacheDirectory: null));
        services.AddSingleton<ExplorerCache>();
        services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/").AllowAnonymousToPage("/SignIn"));
        services.AddTransient<ScheduleFirer>();
        services.AddApiProtection(options);

        services.AddVaeBus(configuration, bus => bus.AddConsumer<JobStateRecorder, JobStateRecorderDefinition>());
        // After the bus, so that they start on a started bus.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<JobOutbox>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<JobSweeper>();

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(bootstrap => bootstrap.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                // Without it a job running past the invisibility timeout (30 min) would be picked up again.
                UseSlidingInvisibilityTimeout = true,
                QueuePollInterval = options.QueuePollInterval,
            }));
        services.AddHangfireServer(server => server.SchedulePollingInterval = options.QueuePollInterval);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: [ReadyTag]);
        services.ConfigureHttpJsonOptions(json =>
        {
            JobJson.Configure(json.SerializerOptions).Converters.Add(new BlobLocationJsonConverter());
        });
        return services;
    }

    public static WebApplication MapScheduler(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulerOptions>>().Value;
        // Live: the process answers, with no dependency, so a database outage does not get it restarted in a loop.
        // Ready: it can serve (PostgreSQL answers); /health is the same, for probes written before the split.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        var assets = new ManifestEmbeddedFileProvider(typeof(SchedulerServiceCollectionExtensions).Assembly, "wwwroot");
        app.Environment.WebRootFileProvider = assets;
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets });
        app.UseApiProtection();
        app.MapRazorPages();
        app.MapUi();
        app.MapJobApi();
        app.MapScheduleApi();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardBasicAuth(options.DashboardUsername, options.DashboardPassword)],
            DashboardTitle = "VaeFaces schedules",
            // Read-only: its buttons post without antiforgery. Schedules are triggered and deleted through the API.
            IsReadOnlyFunc = _ => true,
        });
        return app;
    }
}
