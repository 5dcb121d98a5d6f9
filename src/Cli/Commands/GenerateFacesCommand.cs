using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Ml.Common;
using VaeFaces.Ml.Synthetic;

namespace VaeFaces.Cli.Commands;

public sealed class GenerateFacesCommand : AsyncCommand<GenerateFacesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--count"), Description("Number of faces.")]
        public int Count { get; init; } = 2000;

        [CommandOption("--out"), Description("Output folder (CelebA layout).")]
        public string Out { get; init; } = "out/faces";

        [CommandOption("--seed"), Description("Same seed, same bytes.")]
        public int Seed { get; init; } = 1;

        public override ValidationResult Validate() =>
            Count < 1 ? ValidationResult.Error("--count must be at least 1") : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Generate(settings.Out, new SyntheticFaceOptions(settings.Count, settings.Seed), cancellationToken);
        AnsiConsole.MarkupLine($"[green]{settings.Count}[/] faces in {Markup.Escape(Path.GetFullPath(settings.Out))}");
        return Task.FromResult(0);
    }

    public static void Generate(string folder, SyntheticFaceOptions options, CancellationToken cancellationToken) =>
        Display.JobProgressView.RunAsync("generate-faces", report =>
        {
            SyntheticFaceGenerator.Generate(folder, options,
                new SynchronousProgress<int>(done => report((double)done / options.Count, $"[{done}/{options.Count}]")), cancellationToken);
            return Task.FromResult(0);
        }).GetAwaiter().GetResult();
}
