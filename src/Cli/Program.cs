using Spectre.Console.Cli;
using VaeFaces.Cli;
using VaeFaces.Cli.Commands;
using VaeFaces.Cli.Commands.Schedules;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("vaefaces");
    config.AddCommand<DemoCommand>("demo").WithDescription("Generate synthetic faces and run the whole pipeline on them.");
    config.AddCommand<TrainCommand>("train").WithDescription("Train the VAE only (the pipeline's first job) on a CelebA-layout dataset.");
    config.AddCommand<TrainJudgeCommand>("train-judge").WithDescription("Train the attribute classifier that judges edits (TrainAttributeClassifier) on a CelebA-layout dataset.");
    config.AddCommand<SoakCommand>("soak").WithDescription("Run N demo-sized trainings, each in a new process, and count the failures.");
    config.AddCommand<PipelineCommand>("pipeline").WithDescription("Train, statistics, samples, vectors, explore and bulk edit on a CelebA-layout dataset.");
    config.AddCommand<GenerateFacesCommand>("generate-faces").WithDescription("Draw synthetic faces in the CelebA layout.");
    config.AddCommand<BenchCommand>("bench").WithDescription("Measure throughput ratios and append them to docs/benchmarks.md.");

    // The verbs below talk to a running Scheduler (--scheduler, --api-key) instead of running jobs in this process.
    config.AddCommand<SubmitCommand>("submit").WithDescription("Submit a job to the Scheduler and print its id.")
        .WithExample("submit", "TrainModel", "--param", "dataset=datasets/faces", "--param", "epochs=5", "--wait");
    config.AddCommand<StatusCommand>("status").WithDescription("Show a job's status, progress, metrics and artifacts; --wait follows it to its end.");
    config.AddCommand<JobsCommand>("jobs").WithDescription("List the Scheduler's jobs, newest first.");
    config.AddCommand<CancelCommand>("cancel").WithDescription("Cancel a queued or running job.");
    config.AddBranch("schedule", schedule =>
    {
        schedule.SetDescription("Recurring jobs on the Scheduler (cron, UTC).");
        schedule.AddCommand<ScheduleSetCommand>("set").WithDescription("Create or replace a schedule.")
            .WithExample("schedule", "set", "nightly", "--cron", "\"0 3 * * *\"", "--kind", "TrainModel", "--param", "dataset=datasets/faces",
                "--then", "ComputeLatentStatistics", "--then", "ExtractAttributeVectors");
        schedule.AddCommand<ScheduleListCommand>("list").WithDescription("List the schedules with their next and last fire.");
        schedule.AddCommand<ScheduleShowCommand>("show").WithDescription("Show one schedule.");
        schedule.AddCommand<ScheduleRemoveCommand>("remove").WithDescription("Remove a schedule.");
        schedule.AddCommand<ScheduleTriggerCommand>("trigger").WithDescription("Fire a schedule now.");
    });
    config.AddCommand<UploadDatasetCommand>("upload-dataset").WithDescription("Upload a local folder to blob storage, in parallel, for the Scheduler's jobs.")
        .WithExample("upload-dataset", "./faces", "datasets/faces");
});
using var signals = new StopSignals();
var exitCode = await app.RunAsync(args, signals.Token);
return signals.Received is null ? exitCode : signals.ExitCode;
