using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Benchmarks;

namespace VaeFaces.Cli.Commands;

public sealed class BenchCommand : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--image-size")] public int ImageSize { get; init; } = 112;
        [CommandOption("--batch-size")] public int BatchSize { get; init; } = 64;
        [CommandOption("--steps"), Description("Training steps measured per variant and round.")] public int Steps { get; init; } = 20;
        [CommandOption("--images"), Description("Images for the decode, inference and bulk-edit measurements.")] public int Images { get; init; } = 2048;
        [CommandOption("--report"), Description("Markdown file the results are appended to.")] public string Report { get; init; } = "docs/benchmarks.md";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var results = await new Benchmark(settings.ImageSize, settings.BatchSize, settings.Steps, settings.Images).RunAsync(cancellationToken);
        var markdown = results.ToMarkdown();
        AnsiConsole.WriteLine(markdown);
        await MarkdownReport.AppendAsync(settings.Report,
            "# Benchmarks\n\nAppended by `./vaefaces bench`; each section is one run, its ratios measured side by side.\n", markdown, cancellationToken);
        AnsiConsole.MarkupLine($"appended to {Markup.Escape(settings.Report)}");
        return 0;
    }
}
