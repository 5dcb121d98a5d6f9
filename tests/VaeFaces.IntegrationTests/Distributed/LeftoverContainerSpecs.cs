using System.Diagnostics;
using VaeFaces.IntegrationTests.Distributed.Services;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// With Ryuk off, a test process that crashes leaves its containers running; the next run removes them, and only them.
/// </summary>
[Collection(DistributedCollection.Name)]
public class LeftoverContainerSpecs(DistributedFixture services, ITestOutputHelper output)
{
    [Fact]
    public async Task Containers_whose_owning_test_process_died_are_removed_and_live_ones_are_kept()
    {
        if (TestServices.Mode != "containers")
        {
            output.WriteLine("native services: no containers to leave behind");
            return;
        }
        // The owner: a process that dies without disposing anything, as a crashed test run does.
        using var owner = Process.Start("sleep", "600");
        var leftover = ContainerServices.Docker("run", "-d", "--label", $"{ContainerServices.OwnerLabel}={ContainerServices.OwnerOf(owner)}",
            "--entrypoint", "sleep", ServiceImages.Postgres, "600").Trim();
        owner.Kill();
        owner.WaitForExit();

        Assert.True(ContainerServices.RemoveLeftovers() >= 1);

        Assert.Throws<InvalidOperationException>(() => ContainerServices.Docker("inspect", leftover));
        // The run's own containers, whose owner is alive, are kept and still answer.
        await services.Servers.Broker.AddVirtualHostAsync($"{services.RunId}-kept");
        await services.Servers.Broker.DeleteVirtualHostAsync($"{services.RunId}-kept");
        var mine = ContainerServices.Docker("ps", "-q", "--filter", $"label={ContainerServices.OwnerLabel}={ContainerServices.OwnerOf(Process.GetCurrentProcess())}");
        Assert.Equal(3, mine.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
