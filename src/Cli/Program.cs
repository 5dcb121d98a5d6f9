using Spectre.Console.Cli;
using VaeFaces.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("vaefaces");
    config.AddCommand<DemoCommand>("demo").WithDescription("Generate synthetic faces and run the whole pipeline on them.");
    config.AddCommand<PipelineCommand>("pipeline").WithDescription("Train, statistics, samples, vectors, explore and bulk edit on a CelebA-layout dataset.");
    config.AddCommand<GenerateFacesCommand>("generate-faces").WithDescription("Draw synthetic faces in the CelebA layout.");
    config.AddCommand<BenchCommand>("bench").WithDescription("Measure throughput ratios and append them to docs/benchmarks.md.");
});
return await app.RunAsync(args);
