using System.Globalization;
using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

[Collection(DistributedCollection.Name), Trait("Category", "Drill")]
public class KillLoopDrill(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    private const int Kills = 10;
    private const int CheckpointEvery = 3;

    [Fact]
    public async Task A_training_job_whose_worker_is_killed_ten_times_succeeds_losing_at_most_a_checkpoint_interval_per_kill()
    {
        var batchLogs = Path.Combine(Services.Work, $"batch-logs-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string> { ["Worker__BatchLogDirectory"] = batchLogs };
        var id = await Services.SubmitAsync(nameof(TrainModel), Services.TrainParameters(epochs: 40, checkpointEverySteps: CheckpointEvery));
        var log = Path.Combine(batchLogs, $"{id}.batches.csv");

        // Per kill: the last step the killed worker trained, and the step its successor resumed from.
        var killedAt = new List<int>();
        var resumedFrom = new List<int>();
        for (var kill = 0; kill < Kills; kill++)
        {
            using var worker = Services.StartWorker(settings);
            var linesBefore = GlobalSteps(log).Count;
            // Past at least one checkpoint of its own, so every attempt makes progress.
            await WaitUntilAsync(() => GlobalSteps(log).Count >= linesBefore + CheckpointEvery + 2, TimeSpan.FromMinutes(3), worker);
            worker.Kill();
            var steps = GlobalSteps(log);
            if (kill > 0) resumedFrom.Add(steps[linesBefore] - 1);
            killedAt.Add(steps[^1]);
        }

        var lastStart = GlobalSteps(log).Count;
        using var last = Services.StartWorker(settings);
        var done = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(10), last);
        var all = GlobalSteps(log);
        resumedFrom.Add(all[lastStart] - 1);
        var lost = killedAt.Zip(resumedFrom, (killed, resumed) => killed - resumed).ToList();

        var passed = done.Status == JobStatus.Succeeded && lost.All(l => l <= CheckpointEvery);
        DrillReport.Write(output, "kill-loop", $"kill -9 the worker {Kills} times during one training job: Succeeded, at most one checkpoint interval ({CheckpointEvery} steps) lost per kill",
            passed,
            $"job {done.Status}{(done.Error is null ? "" : $" ({done.Error})")}; killed at global steps {string.Join(", ", killedAt)}; " +
            $"resumed from {string.Join(", ", resumedFrom)}; steps lost per kill {string.Join(", ", lost)} (max {lost.Max()}); " +
            $"{all.Count} steps trained for {all.Distinct().Count()} distinct");
        Assert.True(done.Status == JobStatus.Succeeded, done.Error + "\n" + last.Output);
        Assert.All(lost, l => Assert.InRange(l, 0, CheckpointEvery));
    }

    /// <summary>The global step of every line of the batch log, in the order trained (resumes repeat the lost steps).</summary>
    private static List<int> GlobalSteps(string log)
    {
        if (!File.Exists(log)) return [];
        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var steps = new List<int>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            // A line being written when the process died may be cut short.
            if (fields.Length >= 4 && int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step)) steps.Add(step);
        }
        return steps;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, DotnetProcess worker)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.False(worker.HasExited, "the worker exited:\n" + worker.Output);
            Assert.True(DateTime.UtcNow < deadline, "training did not advance:\n" + worker.Output);
            await Task.Delay(100);
        }
    }
}
