using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Pipeline;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Validation;
using VaeFaces.Ml.Judging;

namespace VaeFaces.Cli.Commands;

/// <summary>TrainAttributeClassifier on a local folder, on the embedded service: OUT/judge.bin, judge.json, judge_metrics.json.</summary>
public sealed class TrainJudgeCommand : AsyncCommand<TrainJudgeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dataset"), Description("CelebA-layout folder: img_align_celeba/, list_attr_celeba.txt, list_eval_partition.txt.")]
        public string? Dataset { get; init; }

        [CommandOption("--out"), Description("Output folder for the judge's files and manifest.json.")]
        public string? Out { get; init; }

        [CommandOption("--image-size"), Description("64 (the default), 112 or 128.")] public int? ImageSize { get; init; }
        [CommandOption("--epochs")] public int? Epochs { get; init; }
        [CommandOption("--batch-size")] public int? BatchSize { get; init; }
        [CommandOption("--lr")] public double? LearningRate { get; init; }
        [CommandOption("--min-count"), Description("Attributes with fewer train positives or negatives are not judged.")] public int? MinCount { get; init; }
        [CommandOption("--seed")] public int? Seed { get; init; }
        [CommandOption("--skip-bad-images"), Description("Skip (and count) missing or corrupt images instead of failing.")]
        public bool SkipBadImages { get; init; }

        public override ValidationResult Validate() => Validation.Parses(() =>
        {
            foreach (var folder in new[] { Dataset, Out }.OfType<string>()) LocalLocations.Of(folder);
        });

        public TrainAttributeClassifier Command(Guid jobId)
        {
            var defaults = TrainAttributeClassifier.Defaults;
            return defaults with
            {
                JobId = jobId, Dataset = LocalLocations.Of(Dataset!), Output = LocalLocations.Of(Out!),
                ImageSize = ImageSize ?? defaults.ImageSize, Epochs = Epochs ?? defaults.Epochs, BatchSize = BatchSize ?? defaults.BatchSize,
                LearningRate = LearningRate ?? defaults.LearningRate, MinCount = MinCount ?? defaults.MinCount, Seed = Seed ?? defaults.Seed,
                SkipBadImages = SkipBadImages,
            };
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Dataset is null || settings.Out is null)
        {
            AnsiConsole.MarkupLine("[red]train-judge needs --dataset DIR and --out DIR[/]");
            return 2;
        }
        // The same parameters give the same JobId: a rerun reports the earlier judge instead of training again.
        var command = settings.Command(JobIds.For(nameof(TrainAttributeClassifier), settings.Command(Guid.Empty)));
        if (JobValidator.Validate(command) is { Count: > 0 } problems)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(JobValidator.Describe(problems))}[/]");
            return 2;
        }

        using var host = CliHost.Build();
        await host.StartAsync(CancellationToken.None);
        try
        {
            Report(settings.Out, await host.Services.GetRequiredService<JobClient>().RunAsync(command, cancellationToken));
            return 0;
        }
        catch (JobFailedException failed)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failed.Message)}[/]");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]Stopped; the judge was not saved.[/]");
            return 1; // Program turns it into 130 or 143 for the signal received
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static void Report(string output, JobSucceeded result)
    {
        var table = new Table().AddColumns("attribute", "test AUC", "test accuracy");
        foreach (var (key, auc) in result.Metrics.Where(m => m.Key.StartsWith("auc_", StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var name = key["auc_".Length..];
            table.AddRow(Markup.Escape(name), auc.ToString("0.0000", CultureInfo.InvariantCulture),
                result.Metrics.GetValueOrDefault($"accuracy_{name}").ToString("0.0000", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"judge: {Markup.Escape(Path.GetFullPath(Path.Combine(output, JudgeFile.MetricsName)))}");
    }
}
