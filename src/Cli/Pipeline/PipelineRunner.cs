using System.Diagnostics;
using System.Text.Json;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;
using VaeFaces.Messaging.Pipeline;
using VaeFaces.Worker.Evaluation;
using Spectre.Console;

namespace VaeFaces.Cli.Pipeline;

/// <summary>The steps of <see cref="JobPipeline"/> as bus messages, ending with a bulk edit of the test split; then summary.json.</summary>
public sealed class PipelineRunner(JobClient jobs)
{
    /// <summary>Where each step writes, under the pipeline's output folder.</summary>
    private static readonly Dictionary<string, string> Folders = new()
    {
        [nameof(TrainModel)] = "model", [nameof(ComputeLatentStatistics)] = "statistics", [nameof(GenerateSamples)] = "samples",
        [nameof(ExtractAttributeVectors)] = "vectors", [nameof(ExploreAttributes)] = "explore", [nameof(TrainAttributeClassifier)] = "judge",
        [nameof(EvaluateEdits)] = "evaluation", [nameof(EditImages)] = "edited",
    };

    /// <summary>The first job alone: train, then summary.json with its figures.</summary>
    public Task<PipelineSummary> TrainAsync(PipelineSettings settings, CancellationToken cancellationToken) =>
        RunAsync(settings, JobPipeline.Order.Take(1), cancellationToken);

    public Task<PipelineSummary> RunAsync(PipelineSettings settings, CancellationToken cancellationToken) =>
        RunAsync(settings, JobPipeline.Order, cancellationToken);

    private async Task<PipelineSummary> RunAsync(PipelineSettings settings, IEnumerable<string> steps, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = LocalLocations.Of(settings.Output);
        var summary = new PipelineSummary();
        var inputs = new PipelineInputs(LocalLocations.Of(settings.Dataset));
        var edits = PipelineCheck.Run(settings, Plan(settings, steps, output, inputs), line => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(line)}[/]"));
        settings = settings with { Edits = edits ?? settings.Edits };
        var modelJob = Guid.Empty;
        foreach (var kind in steps)
        {
            IJobCommand Build(Guid jobId) => Customize(JobPipeline.Command(kind, inputs, jobId, output.Child(Folders[kind])), settings, summary);
            // The JobId comes from the command's parameters and the model job it builds on (see JobIds): retraining
            // with other settings must not let later steps report results computed from the previous model.
            var command = Build(JobIds.For($"{kind}|{modelJob}", Build(Guid.Empty)));
            var result = await RunStepAsync(command, summary, cancellationToken);
            Record(result, summary);
            if (command is TrainModel) modelJob = command.JobId;
            inputs = inputs.After(command);
        }
        summary.WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        await WriteAsync(settings.Output, summary);
        return summary;
    }

    /// <summary>Every step's command as it will be sent (the JobIds are not yet known), for checking before the first starts.</summary>
    private static List<IJobCommand> Plan(PipelineSettings settings, IEnumerable<string> steps, BlobLocation output, PipelineInputs inputs)
    {
        var plan = new List<IJobCommand>();
        foreach (var kind in steps)
        {
            plan.Add(Customize(JobPipeline.Command(kind, inputs, Guid.NewGuid(), output.Child(Folders[kind])), settings, new PipelineSummary()));
            inputs = inputs.After(plan[^1]);
        }
        return plan;
    }

    /// <summary>The pipeline's own choices on top of each step's defaults.</summary>
    private static IJobCommand Customize(IJobCommand command, PipelineSettings settings, PipelineSummary summary)
    {
        var skipBadImages = settings.Training.SkipBadImages;
        return command switch
        {
            TrainModel c => settings.Training with { JobId = c.JobId, Dataset = c.Dataset, Output = c.Output },
            ComputeLatentStatistics c => c with { SkipBadImages = skipBadImages },
            GenerateSamples c => c with { Seed = settings.Training.Seed },
            ExtractAttributeVectors c => c with { SkipBadImages = skipBadImages, Method = settings.Method ?? c.Method },
            TrainAttributeClassifier c => c with { Seed = settings.Training.Seed, SkipBadImages = skipBadImages },
            EvaluateEdits c => c with { SkipBadImages = skipBadImages },
            // Only attributes that got a vector: a small dataset may lack positives for some.
            ExploreAttributes c => c with { CombinedEdit = c.CombinedEdit.Where(e => summary.AttributeAuc.ContainsKey(e.Key)).ToDictionary() },
            EditImages c => c with
            {
                Edits = settings.Edits ?? PipelineSettings.DefaultEdits, Split = "test", SkipBadImages = skipBadImages,
                Calibration = settings.EditTarget == 0 || c.Calibration is null ? null
                    : settings.EditTarget is { } target ? c.Calibration with { Probability = target } : c.Calibration,
            },
            _ => command,
        };
    }

    private static void Record(JobSucceeded result, PipelineSummary summary)
    {
        switch (result.Kind)
        {
            case nameof(TrainModel):
                summary.ValReconMse = result.Metrics["val_recon_mse"];
                summary.BaselineReconMse = result.Metrics["baseline_recon_mse"];
                summary.SkippedSteps = (int)result.Metrics.GetValueOrDefault("skipped_steps");
                summary.Rollbacks = (int)result.Metrics.GetValueOrDefault("rollbacks");
                break;
            case nameof(ExtractAttributeVectors):
                Collect(result.Metrics, "auc_", summary.AttributeAuc);
                break;
            case nameof(TrainAttributeClassifier):
                Collect(result.Metrics, "auc_", summary.JudgeAuc);
                break;
            case nameof(EvaluateEdits):
                Collect(result.Metrics, "success_", summary.EditSuccess);
                Collect(result.Metrics, "preservation_", summary.EditPreservation);
                var evaluation = JsonSerializer.Deserialize<EditEvaluationDocument>(
                    File.ReadAllText(LocalLocations.PathOf(result.Output, EditEvaluationFiles.Json)), JobJson.Options)!;
                foreach (var attribute in evaluation.Attributes)
                {
                    summary.EditMethod[attribute.Name] = attribute.Best.Method;
                    summary.EditMagnitude[attribute.Name] = attribute.Best.Magnitude;
                }
                summary.ReconPsnr = evaluation.Reconstruction.Psnr;
                summary.ReconSsim = evaluation.Reconstruction.Ssim;
                break;
            case nameof(EditImages) when result.Metrics.TryGetValue("reached_fraction", out var reached):
                summary.EditReached = Math.Round(reached, 4);
                break;
        }
    }

    /// <summary>Metrics named prefix + attribute, by attribute.</summary>
    private static void Collect(IReadOnlyDictionary<string, double> metrics, string prefix, Dictionary<string, double> into)
    {
        foreach (var (name, value) in metrics.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)))
            into[name[prefix.Length..]] = Math.Round(value, 4);
    }

    /// <summary>Writes OUT/summary.json: a <see cref="PipelineSummary"/> or a <see cref="PipelineFailure"/>.</summary>
    public static async Task WriteAsync<T>(string outputFolder, T summary)
    {
        Directory.CreateDirectory(outputFolder);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "summary.json"),
            JsonSerializer.Serialize(summary, PipelineSummary.Json));
    }

    private async Task<JobSucceeded> RunStepAsync(IJobCommand command, PipelineSummary summary, CancellationToken cancellationToken)
    {
        var kind = command.GetType().Name;
        var result = await jobs.RunAsync(command, cancellationToken);
        summary.JobSeconds[kind] = Math.Round(result.Duration.TotalSeconds, 1);
        summary.JobIds[kind] = command.JobId;
        summary.Pngs.AddRange(result.Artifacts.Where(a => a.EndsWith(".png", StringComparison.Ordinal))
            .Select(a => LocalLocations.PathOf(result.Output, a)));
        AnsiConsole.MarkupLine($"[green]{kind}[/] done: {Markup.Escape(LocalLocations.PathOf(result.Output))}");
        return result;
    }
}
