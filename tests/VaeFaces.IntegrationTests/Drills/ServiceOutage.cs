using System.Diagnostics;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Drills;

/// <summary>
/// Stops one of the native services (deploy/local/services) and starts it again. ./run-drills points the services at
/// a state folder and ports of their own, so a drill never takes down the services of the test suite.
/// </summary>
public static class ServiceOutage
{
    /// <summary>How long the service was unreachable, from stop to ready again.</summary>
    public static async Task<TimeSpan> RestartAsync(string service, TimeSpan down)
    {
        var clock = Stopwatch.StartNew();
        await LocalServices.RunAsync(null, "stop", service);
        await Task.Delay(down);
        await LocalServices.RunAsync(null, "start", service);
        return clock.Elapsed;
    }
}
