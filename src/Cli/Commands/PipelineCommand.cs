using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Pipeline;

namespace VaeFaces.Cli.Commands;

public sealed class PipelineCommand : AsyncCommand<PipelineCommand.Settings>
{
    public class Settings : CommandSettings
    {
        [CommandOption("--dataset"), Description("CelebA-layout folder: img_align_celeba/, list_attr_celeba.txt, list_eval_partition.txt.")]
        public string? Dataset { get; init; }

        [CommandOption("--out"), Description("Output folder for every job's artifacts and summary.json.")]
        public string? Out { get; init; }

        [CommandOption("--image-size"), Description("64, 112 or 128.")] public int? ImageSize { get; init; }
        [CommandOption("--latent-dim")] public int? LatentDim { get; init; }
        [CommandOption("--epochs")] public int? Epochs { get; init; }
        [CommandOption("--batch-size")] public int? BatchSize { get; init; }
        [CommandOption("--lr")] public double? LearningRate { get; init; }
        [CommandOption("--lr-schedule"), Description("constant, exponential, step or cosine.")] public string? LrSchedule { get; init; }
        [CommandOption("--kl-weight")] public double? KlWeight { get; init; }
        [CommandOption("--kl-warmup-epochs")] public double? KlWarmupEpochs { get; init; }
        [CommandOption("--likelihood"), Description("mse, or sigma-vae (the optimal sigma-VAE; --kl-weight does not apply).")] public string? Likelihood { get; init; }
        [CommandOption("--patience"), Description("Early-stopping patience in epochs; 0 disables it.")] public int? Patience { get; init; }
        [CommandOption("--checkpoint-every"), Description("Steps between checkpoints.")] public int? CheckpointEvery { get; init; }
        [CommandOption("--seed")] public int? Seed { get; init; }
        [CommandOption("--grad-clip"), Description("Largest gradient L2 norm; 0 (the default) disables clipping.")] public double? GradientClipNorm { get; init; }
        [CommandOption("--skip-bad-images"), Description("Skip (and count) missing or corrupt images instead of failing.")]
        public bool SkipBadImages { get; init; }

        [CommandOption("--edit"), Description("Bulk edit of the test split, e.g. \"Smiling=3,Eyeglasses=-3\"; calibrated, the magnitudes are bounds.")]
        public string? Edit { get; init; }

        [CommandOption("--edit-target"), Description("The judge's probability each edited image must reach (0.9); 0 moves every image by exactly --edit.")]
        public double? EditTarget { get; init; }

        [CommandOption("--method"), Description("Attribute vectors: mean-difference (the tutorial's), linear or conditional.")]
        public string? Method { get; init; }

        public PipelineSettings Apply(PipelineSettings defaults) => defaults with
        {
            Training = defaults.Training with
            {
                ImageSize = ImageSize ?? defaults.Training.ImageSize,
                LatentDim = LatentDim ?? defaults.Training.LatentDim,
                Epochs = Epochs ?? defaults.Training.Epochs,
                BatchSize = BatchSize ?? defaults.Training.BatchSize,
                LearningRate = LearningRate ?? defaults.Training.LearningRate,
                LrSchedule = LrSchedule ?? defaults.Training.LrSchedule,
                KlWeight = KlWeight ?? defaults.Training.KlWeight,
                KlWarmupEpochs = KlWarmupEpochs ?? defaults.Training.KlWarmupEpochs,
                Likelihood = Likelihood ?? defaults.Training.Likelihood,
                EarlyStoppingPatience = Patience ?? defaults.Training.EarlyStoppingPatience,
                CheckpointEverySteps = CheckpointEvery ?? defaults.Training.CheckpointEverySteps,
                Seed = Seed ?? defaults.Training.Seed,
                GradientClipNorm = GradientClipNorm ?? defaults.Training.GradientClipNorm,
                SkipBadImages = SkipBadImages || defaults.Training.SkipBadImages,
            },
            Edits = Edit is null ? defaults.Edits : ParseEdits(Edit),
            EditTarget = EditTarget ?? defaults.EditTarget,
            Method = Method ?? defaults.Method,
        };

        public override ValidationResult Validate() => Validation.Parses(() =>
        {
            if (Edit is not null) ParseEdits(Edit);
            foreach (var folder in new[] { Dataset, Out }.OfType<string>()) LocalLocations.Of(folder);
        });

        private static Dictionary<string, double> ParseEdits(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                parts => parts[0],
                parts => parts.Length == 2 && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new FormatException($"--edit: '{string.Join('=', parts)}' is not Attribute=magnitude"));
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        RunOnDatasetAsync("pipeline", settings, (runner, pipeline, token) => runner.RunAsync(pipeline, token), cancellationToken);

    /// <summary>The verbs that run on a given dataset (pipeline, train): both need --dataset and --out, else exit 2.</summary>
    public static async Task<int> RunOnDatasetAsync(string verb, Settings settings,
        Func<PipelineRunner, PipelineSettings, CancellationToken, Task<PipelineSummary>> run, CancellationToken cancellationToken)
    {
        if (settings.Dataset is null || settings.Out is null)
        {
            AnsiConsole.MarkupLine($"[red]{verb} needs --dataset DIR and --out DIR[/]");
            return 2;
        }
        return await RunAsync(settings.Apply(new PipelineSettings { Dataset = settings.Dataset, Output = settings.Out }), run, cancellationToken);
    }

    /// <summary>Runs jobs on the embedded service; a stop signal stops the running job (training checkpoints first).</summary>
    public static async Task<int> RunAsync(PipelineSettings settings,
        Func<PipelineRunner, PipelineSettings, CancellationToken, Task<PipelineSummary>> run, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        await host.StartAsync(CancellationToken.None);
        try
        {
            Report(settings, await run(host.Services.GetRequiredService<PipelineRunner>(), settings, cancellationToken));
            return 0;
        }
        catch (JobFailedException failed)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failed.Message)}[/]");
            await PipelineRunner.WriteAsync(settings.Output, PipelineFailure.Of(failed));
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping the host stops the job; the trainer saves a checkpoint before it lets go.
            await host.StopAsync(CancellationToken.None);
            AnsiConsole.MarkupLine("[yellow]Stopped. Training progress is checkpointed: run the same command again to resume.[/]");
            return 1; // Program turns it into 130 or 143 for the signal received
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static void Report(PipelineSettings settings, PipelineSummary summary)
    {
        var table = new Table().AddColumns("figure", "value");
        table.AddRow("val_recon_mse", summary.ValReconMse.ToString("0.00000", CultureInfo.InvariantCulture));
        table.AddRow("baseline_recon_mse", summary.BaselineReconMse.ToString("0.00000", CultureInfo.InvariantCulture));
        table.AddRow("ratio", summary.ReconToBaselineRatio.ToString("0.000", CultureInfo.InvariantCulture));
        table.AddRow("skipped steps, rollbacks", $"{summary.SkippedSteps}, {summary.Rollbacks}");
        foreach (var (name, auc) in summary.AttributeAuc) table.AddRow($"AUC {Markup.Escape(name)}", auc.ToString("0.000", CultureInfo.InvariantCulture));
        if (summary.ReconPsnr > 0) table.AddRow("reconstruction PSNR, SSIM", string.Create(CultureInfo.InvariantCulture, $"{summary.ReconPsnr:0.00} dB, {summary.ReconSsim:0.000}"));
        foreach (var (name, success) in summary.EditSuccess)
            table.AddRow($"edit {Markup.Escape(name)}", Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{summary.EditMethod[name]} x{summary.EditMagnitude[name]:0.#}: success {success:P0}, preservation {summary.EditPreservation[name]:P0}, judge AUC {summary.JudgeAuc.GetValueOrDefault(name, double.NaN):0.000}")));
        if (summary.EditReached is { } reached) table.AddRow("calibrated bulk edit reached", reached.ToString("P1", CultureInfo.InvariantCulture));
        table.AddRow("wall time", $"{summary.WallSeconds:0}s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"summary: {Markup.Escape(Path.GetFullPath(Path.Combine(settings.Output, "summary.json")))}");
        AnsiConsole.MarkupLine($"web UI (explorer and jobs) on these outputs: deploy/local/ui {Markup.Escape(settings.Output)}");
    }
}
