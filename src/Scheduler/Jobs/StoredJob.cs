using VaeFaces.Contracts.Api;

namespace VaeFaces.Scheduler.Jobs;

public sealed record StoredJob(JobView View, IReadOnlyList<string> Then);
