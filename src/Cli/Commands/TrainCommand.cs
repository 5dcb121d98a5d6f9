using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Pipeline;

namespace VaeFaces.Cli.Commands;

/// <summary>The pipeline's first job alone, with the pipeline's options: OUT/model and OUT/summary.json.</summary>
public sealed class TrainCommand : AsyncCommand<PipelineCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineCommand.Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Dataset is null || settings.Out is null)
        {
            AnsiConsole.MarkupLine("[red]train needs --dataset DIR and --out DIR[/]");
            return 2;
        }
        return await PipelineCommand.RunAsync(settings.Apply(new PipelineSettings { Dataset = settings.Dataset, Output = settings.Out }),
            (runner, pipeline, token) => runner.TrainAsync(pipeline, token), cancellationToken);
    }
}
