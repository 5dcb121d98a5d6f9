using System.Diagnostics;
using System.Text.Json;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;
using Spectre.Console;

namespace VaeFaces.Cli.Pipeline;

/// <summary>Train, then statistics, samples, vectors, explore and a bulk edit of the test split, all as bus messages; then summary.json.</summary>
public sealed class PipelineRunner(JobClient jobs)
{
    /// <summary>The first job alone: train, then summary.json with its figures.</summary>
    public async Task<PipelineSummary> TrainAsync(PipelineSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = new PipelineSummary();
        await TrainStepAsync(settings, summary, cancellationToken);
        summary.WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        await WriteAsync(settings.Output, summary);
        return summary;
    }

    public async Task<PipelineSummary> RunAsync(PipelineSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var dataset = LocalLocations.Of(settings.Dataset);
        var output = LocalLocations.Of(settings.Output);
        var summary = new PipelineSummary();
        var train = await TrainStepAsync(settings, summary, cancellationToken);

        var statistics = await RunStepAsync(Create(train.JobId, id => new ComputeLatentStatistics
        {
            JobId = id, Model = train.Output, Dataset = dataset, Output = output.Child("statistics"), SkipBadImages = settings.SkipBadImages,
        }), summary, cancellationToken);
        await RunStepAsync(Create(train.JobId, id => new GenerateSamples
        {
            JobId = id, Model = train.Output, Statistics = statistics.Output, Output = output.Child("samples"), Seed = settings.Seed,
        }), summary, cancellationToken);
        var vectors = await RunStepAsync(Create(train.JobId, id => new ExtractAttributeVectors
        {
            JobId = id, Model = train.Output, Dataset = dataset, Output = output.Child("vectors"), SkipBadImages = settings.SkipBadImages,
        }), summary, cancellationToken);
        foreach (var (name, value) in vectors.Metrics.Where(m => m.Key.StartsWith("auc_", StringComparison.Ordinal)))
            summary.AttributeAuc[name["auc_".Length..]] = Math.Round(value, 4);

        await RunStepAsync(Create(train.JobId, id => new ExploreAttributes
        {
            JobId = id, Model = train.Output, Vectors = vectors.Output, Dataset = dataset, Output = output.Child("explore"),
            CombinedEdit = settings.CombinedEdit.Where(e => summary.AttributeAuc.ContainsKey(e.Key)).ToDictionary(),
        }), summary, cancellationToken);
        await RunStepAsync(Create(train.JobId, id => new EditImages
        {
            JobId = id, Model = train.Output, Vectors = vectors.Output, Input = dataset, Output = output.Child("edited"),
            Edits = settings.Edits, Split = "test", SkipBadImages = settings.SkipBadImages,
        }), summary, cancellationToken);

        summary.WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        await WriteAsync(settings.Output, summary);
        return summary;
    }

    private async Task<TrainModel> TrainStepAsync(PipelineSettings settings, PipelineSummary summary, CancellationToken cancellationToken)
    {
        var train = Create(Guid.Empty, id => new TrainModel
        {
            JobId = id, Dataset = LocalLocations.Of(settings.Dataset), Output = LocalLocations.Of(settings.Output).Child("model"),
            ImageSize = settings.ImageSize, LatentDim = settings.LatentDim, Epochs = settings.Epochs, BatchSize = settings.BatchSize,
            LearningRate = settings.LearningRate, LrSchedule = settings.LrSchedule, KlWeight = settings.KlWeight,
            KlWarmupEpochs = settings.KlWarmupEpochs, EarlyStoppingPatience = settings.Patience,
            CheckpointEverySteps = settings.CheckpointEverySteps, Seed = settings.Seed, SkipBadImages = settings.SkipBadImages,
            GradientClipNorm = settings.GradientClipNorm,
        });
        var trained = await RunStepAsync(train, summary, cancellationToken);
        summary.ValReconMse = trained.Metrics["val_recon_mse"];
        summary.BaselineReconMse = trained.Metrics["baseline_recon_mse"];
        summary.SkippedSteps = (int)trained.Metrics.GetValueOrDefault("skipped_steps");
        summary.Rollbacks = (int)trained.Metrics.GetValueOrDefault("rollbacks");
        return train;
    }

    public static async Task WriteAsync(string outputFolder, PipelineSummary summary)
    {
        Directory.CreateDirectory(outputFolder);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "summary.json"),
            JsonSerializer.Serialize(summary, PipelineSummary.Json));
    }

    private async Task<JobSucceeded> RunStepAsync<T>(T command, PipelineSummary summary, CancellationToken cancellationToken)
        where T : class, IJobCommand
    {
        var result = await jobs.RunAsync(command, cancellationToken);
        summary.JobSeconds[typeof(T).Name] = Math.Round(result.Duration.TotalSeconds, 1);
        summary.JobIds[typeof(T).Name] = command.JobId;
        summary.Pngs.AddRange(result.Artifacts.Where(a => a.EndsWith(".png", StringComparison.Ordinal))
            .Select(a => LocalLocations.PathOf(result.Output, a)));
        AnsiConsole.MarkupLine($"[green]{typeof(T).Name}[/] done: {Markup.Escape(LocalLocations.PathOf(result.Output))}");
        return result;
    }

    /// <summary>
    /// The JobId comes from the command's parameters and the model job it builds on (see JobIds): retraining
    /// with other settings must not let later steps report results computed from the previous model.
    /// </summary>
    private static T Create<T>(Guid modelJob, Func<Guid, T> build) where T : class =>
        build(JobIds.For($"{typeof(T).Name}|{modelJob}", build(Guid.Empty)));
}
