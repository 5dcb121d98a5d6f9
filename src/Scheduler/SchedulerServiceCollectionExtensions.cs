using Hangfire;
using MassTransit;
using Hangfire.PostgreSql;
using Npgsql;
using VaeFaces.Messaging;
using VaeFaces.Scheduler.Api;
using VaeFaces.Scheduler.Database;
using VaeFaces.Scheduler.Jobs;
using VaeFaces.Scheduler.Jobs.Outbox;
using VaeFaces.Scheduler.Jobs.Sweeping;
using VaeFaces.Scheduler.Schedules;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler;

public static class SchedulerServiceCollectionExtensions
{
    public const string DatabaseConnectionName = "Jobs";

    /// <summary>Job state in PostgreSQL, the bus, Hangfire on the same database, and the API's security.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseConnectionName} (PostgreSQL) is not set");
        var options = new SchedulerOptions
        {
            ApiKey = configuration["Api:Key"] ?? "",
            DashboardUsername = configuration["Dashboard:Username"] ?? "",
            DashboardPassword = configuration["Dashboard:Password"] ?? "",
        };
        configuration.GetSection("Scheduler").Bind(options);
        if (options.ApiKey.Length < 8) throw new InvalidOperationException("Api:Key is not set (at least 8 characters)");
        if (options.DashboardUsername.Length == 0 || options.DashboardPassword.Length < 8)
            throw new InvalidOperationException("Dashboard:Username and Dashboard:Password (at least 8 characters) are not set");
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));

        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        // Registered before the bus and Hangfire so that their hosted services start on a migrated schema.
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<JobChain>();
        services.AddTransient<ScheduleFirer>();
        services.AddScoped<ApiKeyFilter>();

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

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres");
        services.ConfigureHttpJsonOptions(json =>
        {
            JobJson.Configure(json.SerializerOptions).Converters.Add(new BlobLocationJsonConverter());
        });
        return services;
    }

    public static WebApplication MapScheduler(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulerOptions>>().Value;
        app.MapHealthChecks("/health");
        app.MapJobApi();
        app.MapScheduleApi();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardBasicAuth(options.DashboardUsername, options.DashboardPassword)],
            DashboardTitle = "VaeFaces schedules",
        });
        return app;
    }
}
