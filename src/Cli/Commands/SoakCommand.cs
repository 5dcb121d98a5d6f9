using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Benchmarks;
using VaeFaces.Cli.Pipeline;
using VaeFaces.Ml.Synthetic;

namespace VaeFaces.Cli.Commands;

/// <summary>
/// N trainings at the demo's settings, shortened to a few epochs, each in a new process (a fresh allocator and oneDNN
/// state, as a new worker has), then "N runs, F failed". Appends the figures to a markdown report.
/// </summary>
public sealed class SoakCommand : AsyncCommand<SoakCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--runs")] public int Runs { get; init; } = 20;
        [CommandOption("--epochs")] public int Epochs { get; init; } = 3;
        [CommandOption("--out"), Description("Working folder: the demo's dataset and one folder per run.")] public string Out { get; init; } = "out/soak";
        [CommandOption("--faces"), Description("Synthetic faces to train on (the demo's 6000).")] public int Faces { get; init; } = 6000;
        [CommandOption("--report"), Description("Markdown file the results are appended to.")] public string Report { get; init; } = "docs/soak.md";
    }

    /// <summary>One run: its summary when it succeeded, else why it failed.</summary>
    private sealed record RunResult(int Run, int Seed, int ExitCode, double Seconds, PipelineSummary? Summary, string? Error)
    {
        public bool Clean => ExitCode == 0 && Summary is { SkippedSteps: 0, Rollbacks: 0 };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var defaults = DemoCommand.Defaults(settings.Out);
        var demo = defaults with { Training = defaults.Training with { Epochs = settings.Epochs } };
        DemoCommand.EnsureFaces(demo.Dataset, new SyntheticFaceOptions(settings.Faces, 1), cancellationToken);
        var machine = MachineDescription.Current();
        AnsiConsole.MarkupLine($"soak: {settings.Runs} runs of {settings.Epochs} epochs on {Markup.Escape(machine)}");

        var results = new List<RunResult>();
        var clock = Stopwatch.StartNew();
        for (var run = 1; run <= settings.Runs; run++)
        {
            var result = await RunOnceAsync(demo, run, cancellationToken);
            results.Add(result);
            var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / run * (settings.Runs - run));
            var figures = result.Summary is { } s
                ? $"val recon {s.ValReconMse:0.00000}, skipped steps {s.SkippedSteps}, rollbacks {s.Rollbacks}"
                : result.Error ?? $"exit code {result.ExitCode}";
            AnsiConsole.MarkupLine($"run {run}/{settings.Runs} (seed {result.Seed}): {(result.ExitCode == 0 ? "[green]ok[/]" : "[red]failed[/]")} " +
                $"in {result.Seconds:0}s, {Markup.Escape(figures)}; ETA {eta:hh\\:mm\\:ss}");
        }

        var failed = results.Count(r => r.ExitCode != 0);
        var unclean = results.Count(r => r.ExitCode == 0 && !r.Clean);
        AnsiConsole.MarkupLine($"{results.Count} runs, {failed} failed" + (unclean > 0 ? $"; {unclean} succeeded only after skipping steps" : ""));
        await AppendReportAsync(settings, machine, results, cancellationToken);
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One `vaefaces train` in a new process, from scratch (its folder is emptied first), with this process' environment.</summary>
    private static async Task<RunResult> RunOnceAsync(PipelineSettings demo, int run, CancellationToken cancellationToken)
    {
        var output = Path.Combine(demo.Output, $"run-{run:00}");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var training = demo.Training;
        var seed = training.Seed + run - 1;
        var start = new ProcessStartInfo(Environment.ProcessPath!,
        [
            typeof(SoakCommand).Assembly.Location, "train", "--dataset", demo.Dataset, "--out", output,
            "--image-size", $"{training.ImageSize}", "--epochs", $"{training.Epochs}", "--batch-size", $"{training.BatchSize}",
            "--lr", training.LearningRate.ToString(CultureInfo.InvariantCulture), "--patience", $"{training.EarlyStoppingPatience}",
            "--checkpoint-every", $"{training.CheckpointEverySteps}", "--seed", $"{seed}", "--likelihood", training.Likelihood,
        ]) { RedirectStandardOutput = true, RedirectStandardError = true };

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var log = Path.Combine(output, "train.log");
        Directory.CreateDirectory(output);
        await using (var writer = new StreamWriter(log))
        {
            // The child's output goes to its log, not the console: one line per run here.
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(writer.BaseStream, cancellationToken);
            var copyErr = process.StandardError.BaseStream.CopyToAsync(writer.BaseStream, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await Task.WhenAll(copyOut, copyErr);
        }
        var summaryFile = Path.Combine(output, "summary.json");
        var json = File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile, cancellationToken) : null;
        var failure = json is not null && process.ExitCode != 0 ? JsonSerializer.Deserialize<PipelineFailure>(json, PipelineSummary.Json) : null;
        var summary = json is not null && process.ExitCode == 0 ? JsonSerializer.Deserialize<PipelineSummary>(json, PipelineSummary.Json) : null;
        return new RunResult(run, seed, process.ExitCode, clock.Elapsed.TotalSeconds, summary, failure?.Error);
    }

    private static async Task AppendReportAsync(Settings settings, string machine, List<RunResult> results, CancellationToken cancellationToken)
    {
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        var seconds = results.Select(r => r.Seconds).Order().ToList();
        var text = new StringBuilder();
        text.AppendLine($"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {results.Count} runs, {results.Count(r => r.ExitCode != 0)} failed");
        text.AppendLine();
        text.AppendLine($"Machine: {machine}. Each run: `vaefaces train` in a new process, demo settings, {settings.Epochs} epochs, {settings.Faces} faces, " +
            $"seeds {results[0].Seed}..{results[^1].Seed}. Median run {F(seconds[seconds.Count / 2], "0")} s.");
        text.AppendLine();
        var recon = results.Where(r => r.Summary is not null).Select(r => r.Summary!.ValReconMse).DefaultIfEmpty(double.NaN).ToList();
        text.AppendLine($"Runs with skipped steps: {results.Count(r => r.Summary?.SkippedSteps > 0)}; with rollbacks: {results.Count(r => r.Summary?.Rollbacks > 0)}. " +
            $"Val recon MSE: {F(recon.Min(), "0.00000")} to {F(recon.Max(), "0.00000")}.");
        foreach (var failure in results.Where(r => r.ExitCode != 0))
            text.AppendLine($"- run {failure.Run} (seed {failure.Seed}): {failure.Error ?? $"exit code {failure.ExitCode}"}");
        await MarkdownReport.AppendAsync(settings.Report, "# Soak runs\n\nAppended by `./vaefaces soak`; each section is one soak.\n",
            text.ToString(), cancellationToken);
        AnsiConsole.MarkupLine($"appended to {Markup.Escape(settings.Report)}");
    }
}
