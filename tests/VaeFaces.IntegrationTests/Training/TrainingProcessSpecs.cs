using System.Text.Json;

namespace VaeFaces.IntegrationTests.Training;

/// <summary>Training as users run it: `vaefaces train` and `pipeline` in processes of their own, stopped and killed.</summary>
[Collection(SyntheticFacesCollection.Name)]
public class TrainingProcessSpecs(SyntheticFacesFixture faces)
{
    private string NewOutput(string name) => Path.Combine(faces.Root, $"{name}-{Guid.NewGuid():N}");

    private string[] Train(string output, int epochs, int batchSize = 32, int checkpointEvery = 100) =>
    [
        "train", "--dataset", faces.Dataset, "--out", output, "--image-size", "64", "--latent-dim", "32", "--epochs", $"{epochs}",
        "--batch-size", $"{batchSize}", "--lr", "0.001", "--patience", "0", "--checkpoint-every", $"{checkpointEvery}",
    ];

    private static async Task<JsonElement> SummaryAsync(string output) =>
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json"))).RootElement;

    /// <summary>
    /// Regression for libtorch 2.10 / oneDNN 3.7.1: with the AVX2 kernels, the first backward pass of a plain 3-channel
    /// output conv poisoned the decoder's gradients with NaN (7 runs in 8 failed at step 2). The divergence guard would
    /// hide it as skipped steps, so the spec counts those too.
    /// </summary>
    [Fact]
    public async Task A_fresh_process_with_AVX2_kernels_trains_without_a_single_non_finite_step()
    {
        var output = NewOutput("avx2");
        using var run = DotnetProcess.Cli(new Dictionary<string, string> { ["ONEDNN_MAX_CPU_ISA"] = "AVX2" }, Train(output, epochs: 1, batchSize: 64));

        Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(3)) == 0, run.Output);
        var summary = await SummaryAsync(output);
        Assert.Equal(0, summary.GetProperty("skipped_steps").GetInt32());
        Assert.Equal(0, summary.GetProperty("rollbacks").GetInt32());
    }

    [Fact]
    public async Task The_same_seed_in_two_processes_gives_byte_identical_weights_and_metrics()
    {
        var first = NewOutput("repro-a");
        var second = NewOutput("repro-b");
        using (var a = DotnetProcess.Cli(Train(first, epochs: 2))) Assert.True(await a.WaitAsync(TimeSpan.FromMinutes(4)) == 0, a.Output);
        using (var b = DotnetProcess.Cli(Train(second, epochs: 2))) Assert.True(await b.WaitAsync(TimeSpan.FromMinutes(4)) == 0, b.Output);

        foreach (var file in new[] { "model.bin", "metrics.csv" })
        {
            var left = await File.ReadAllBytesAsync(Path.Combine(first, "model", file));
            var right = await File.ReadAllBytesAsync(Path.Combine(second, "model", file));
            Assert.True(left.AsSpan().SequenceEqual(right), $"{file} differs between two runs with the same seed");
        }
    }

    [Fact]
    public async Task A_run_killed_mid_epoch_resumes_in_a_new_process_and_trains_each_image_of_the_epoch_exactly_once()
    {
        var output = NewOutput("kill9");
        var logs = NewOutput("batch-logs");
        var environment = new Dictionary<string, string> { ["Worker__BatchLogDirectory"] = logs };
        var arguments = Train(output, epochs: 2, batchSize: 16, checkpointEvery: 4);

        using (var first = DotnetProcess.Cli(environment, arguments))
        {
            // Killed with SIGKILL in the middle of epoch 1, a few steps after a periodic checkpoint.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (ReadLog(logs).Count(step => step.Epoch == 1) < 10)
            {
                Assert.True(DateTime.UtcNow < deadline && !first.HasExited, "training did not reach step 10:\n" + first.Output);
                await Task.Delay(20);
            }
            first.Kill();
        }
        var beforeResume = ReadLog(logs);

        using (var second = DotnetProcess.Cli(environment, arguments))
        {
            Assert.True(await second.WaitAsync(TimeSpan.FromMinutes(4)) == 0, second.Output);
            Assert.Contains("Resuming training from checkpoint: epoch 1", second.Output);
        }

        var steps = ReadLog(logs);
        var resumedAt = steps[beforeResume.Count].GlobalStep;
        // The resume starts right after the last checkpoint of the killed run, never at the start of the epoch.
        Assert.InRange(resumedAt, 2, beforeResume[^1].GlobalStep + 1);
        Assert.Equal(0, (resumedAt - 1) % 4);
        // Steps the killed run took after its checkpoint are redone with the same images; the weights saw them once.
        foreach (var redone in steps.GroupBy(s => s.GlobalStep).Where(g => g.Count() > 1))
            Assert.Single(redone.Select(s => string.Join(' ', s.Rows)).Distinct());

        var kept = steps.GroupBy(s => s.GlobalStep).Select(g => g.Last()).ToList();
        var trainImages = File.ReadLines(Path.Combine(faces.Dataset, "list_eval_partition.txt")).Count(l => l.EndsWith(" 0", StringComparison.Ordinal));
        var stepsPerEpoch = (trainImages + 15) / 16;
        foreach (var epoch in new[] { 1, 2 })
        {
            var rows = kept.Where(s => s.Epoch == epoch).SelectMany(s => s.Rows).Order().ToList();
            Assert.Equal(Enumerable.Range(0, trainImages), rows);
        }
        Assert.Equal(2 * stepsPerEpoch, kept.Count);
    }

    [Fact]
    public async Task Sigterm_stops_the_pipeline_within_10_seconds_with_code_143_and_the_same_command_then_resumes_and_succeeds()
    {
        var output = NewOutput("sigterm");
        var logs = NewOutput("batch-logs");
        var environment = new Dictionary<string, string> { ["Worker__BatchLogDirectory"] = logs };
        string[] arguments =
        [
            "pipeline", "--dataset", faces.Dataset, "--out", output, "--image-size", "64", "--latent-dim", "32", "--epochs", "2",
            "--batch-size", "16", "--lr", "0.001", "--patience", "0", "--edit", "Smiling=2",
        ];

        using (var first = DotnetProcess.Cli(environment, arguments))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (ReadLog(logs).Count < 5)
            {
                Assert.True(DateTime.UtcNow < deadline && !first.HasExited, "training did not start:\n" + first.Output);
                await Task.Delay(20);
            }
            await first.TerminateAsync();
            var exitCode = await first.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(exitCode == 143, $"exit code {exitCode}:\n{first.Output}");
            Assert.Contains("checkpoint saved", first.Output);
        }
        var stoppedAt = ReadLog(logs)[^1].GlobalStep;

        using var second = DotnetProcess.Cli(environment, arguments);
        Assert.True(await second.WaitAsync(TimeSpan.FromMinutes(6)) == 0, second.Output);
        Assert.Contains($"global step {stoppedAt}", second.Output);
        Assert.Equal(stoppedAt + 1, ReadLog(logs).First(s => s.GlobalStep > stoppedAt).GlobalStep);
        Assert.True((await SummaryAsync(output)).GetProperty("attribute_auc").EnumerateObject().Any());
    }

    private sealed record LoggedStep(int Epoch, int Step, long GlobalStep, int[] Rows);

    /// <summary>The worker's batch log (Worker:BatchLogDirectory): "epoch,step,global_step,rows" per trained step.</summary>
    private static List<LoggedStep> ReadLog(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var lines = new List<LoggedStep>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.batches.csv"))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                lines.Add(new LoggedStep(int.Parse(fields[0]), int.Parse(fields[1]), long.Parse(fields[2]), fields[3].Split(' ').Select(int.Parse).ToArray()));
            }
        }
        return lines;
    }
}
