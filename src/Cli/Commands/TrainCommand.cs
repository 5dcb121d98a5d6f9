using Spectre.Console.Cli;

namespace VaeFaces.Cli.Commands;

/// <summary>The pipeline's first job alone, with the pipeline's options: OUT/model and OUT/summary.json.</summary>
public sealed class TrainCommand : AsyncCommand<PipelineCommand.Settings>
{
    public override Task<int> ExecuteAsync(CommandContext context, PipelineCommand.Settings settings, CancellationToken cancellationToken) =>
        PipelineCommand.RunOnDatasetAsync("train", settings, (runner, pipeline, token) => runner.TrainAsync(pipeline, token), cancellationToken);
}
