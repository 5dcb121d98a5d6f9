namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// Base of the specs that create jobs: after each spec its unfinished jobs are cancelled (the collection runs one spec
/// at a time), so a spec that failed midway does not leave work that keeps the next spec's workers busy.
/// </summary>
public abstract class JobSpecs(DistributedFixture services) : IAsyncLifetime
{
    protected DistributedFixture Services { get; } = services;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Services.CancelUnfinishedJobsAsync();
}
