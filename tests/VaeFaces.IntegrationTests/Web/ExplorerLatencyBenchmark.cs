using System.Globalization;
using OpenQA.Selenium.Interactions;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Web;

/// <summary>
/// Slider release to new image on screen, in the real browser against the real Scheduler: median and p95 over many
/// releases. Not part of the suite (timings belong in benchmarks); tools/bench-explorer runs it and records the line
/// in docs/benchmarks.md.
/// </summary>
[Collection(DistributedCollection.Name)]
[Trait("Category", "Benchmark")]
public class ExplorerLatencyBenchmark(DistributedFixture fixture) : JobSpecs(fixture)
{
    private const int Releases = 60;

    [Fact]
    public async Task Slider_release_to_new_image()
    {
        var set = await TrainedSet.GetAsync(Services);
        using var browser = ExplorerPage.Open(Services, set);
        var sliders = browser.FindAll("#sliders input[type=range]");
        for (var i = 0; i < Releases; i++)
        {
            var slider = sliders[i % sliders.Count];
            var before = Convert.ToInt32(browser.Script("return window.explorerTimings.length;"));
            // From the thumb's middle to a side that alternates for each slider, so every release changes its value.
            var offset = (i / sliders.Count % 2 == 0 ? 1 : -1) * (20 + i * 7 % (slider.Size.Width / 2 - 30));
            new Actions(browser.Driver).ClickAndHold(slider).MoveByOffset(offset, 0).Release().Perform();
            browser.WaitUntil(() => Convert.ToInt32(browser.Script("return window.explorerTimings.length;")) > before, TimeSpan.FromSeconds(10), "the image after a release");
        }
        var timings = ((IEnumerable<object>)browser.Script("return window.explorerTimings;")!).Select(Convert.ToDouble).Order().ToList();
        double Percentile(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
        var size = Convert.ToInt32(browser.Script("return Number(document.getElementById('explorer').dataset.size);"));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"explorer slider release to new image, {size}x{size}, {timings.Count} releases: median {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms (target < 150 ms)");
        Console.WriteLine(line);
        if (Environment.GetEnvironmentVariable("VAEFACES_BENCHMARK_REPORT") is { Length: > 0 } report)
        {
            var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
            await File.AppendAllTextAsync(report, $"""

                ## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: explorer latency (tools/bench-explorer)

                Machine: {cpu}, {Environment.ProcessorCount} cores, CPU. Headless Chromium against the Scheduler, model trained by the test run.

                | measurement | median | p95 | target |
                |---|---:|---:|---:|
                | slider release to new image on screen, {size}x{size}, {timings.Count} releases | {Percentile(0.5):0} ms | {Percentile(0.95):0} ms | < 150 ms |

                """);
        }
        Assert.True(timings.Count == Releases, $"{timings.Count} timings for {Releases} releases");
    }
}
