using System.Diagnostics;
using VaeFaces.IntegrationTests.Distributed.Services;

namespace VaeFaces.IntegrationTests.Drills;

/// <summary>
/// Stops one of the run's services and starts it again at the same address. On containers each run has its own; on
/// native services ./run-drills points them at a state folder and ports of their own, so a drill never takes down the
/// services of the test suite.
/// </summary>
public static class ServiceOutage
{
    /// <summary>How long the service was unreachable, from stop to ready again.</summary>
    public static async Task<TimeSpan> RestartAsync(IServiceServer service, TimeSpan down)
    {
        var clock = Stopwatch.StartNew();
        await service.StopAsync();
        await Task.Delay(down);
        await service.StartAsync();
        return clock.Elapsed;
    }
}
