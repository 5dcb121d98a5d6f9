using VaeFaces.Ml.Common;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Training;

/// <summary>Trains on the train split, validates on the validation split, writes the model, metrics and pictures.</summary>
public sealed class TrainModelJob : IJob<TrainModel>
{
    /// <summary>Checkpoints are per JobId: a rerun of the same job resumes, a different job starts afresh.</summary>
    public static string CheckpointName(Guid jobId) => $"checkpoints/{jobId}.ckpt";

    /// <summary>True when an earlier attempt of this job started training: the trainer writes a checkpoint at its start.</summary>
    public static Task<bool> ResumesAsync(TrainModel command, IBlobStore store, CancellationToken cancellationToken) =>
        store.ExistsAsync(command.Output.Child(CheckpointName(command.JobId)), cancellationToken);

    /// <summary>The checkpoint's global step: a worker that died after saving a later checkpoint made progress.</summary>
    public static async Task<long> ProgressAsync(TrainModel command, IBlobStore store, CancellationToken cancellationToken)
    {
        var checkpoint = command.Output.Child(CheckpointName(command.JobId));
        if (!await store.ExistsAsync(checkpoint, cancellationToken)) return 0;
        await using var stream = await store.OpenReadAsync(checkpoint, cancellationToken);
        return TrainingCheckpoint.ReadState(stream).GlobalStep;
    }

    public static async Task RunAsync(TrainModel command, JobWorkspace job)
    {
        var options = TrainingOptions.From(command);
        var dataset = await job.OpenDatasetAsync(command.Dataset);
        var size = options.Model.ImageSize;
        using var train = await job.DecodeAsync(dataset, Split.Train, size, command.SkipBadImages, 0, 0.08);
        using var validation = await job.DecodeAsync(dataset, Split.Validation, size, command.SkipBadImages, 0.08, 0.1);

        var checkpoints = new BlobCheckpointStore(job.Store, command.Output.Child(CheckpointName(command.JobId)));
        var trainer = new Trainer(checkpoints, job.Logger);
        using var batchLog = job.BatchLog(command.JobId);
        var result = await job.TimeAsync("train", () =>
            trainer.TrainAsync(train, validation, options, new ScaledProgress(job.Progress, 0.1, 0.97), job.CancellationToken, batchLog is null ? null : batchLog.Write));
        job.Resumed = result.ResumedFrom is not null;
        using var model = result.Model;

        var baseline = BaselineReconstruction.Mse(BaselineReconstruction.MeanImage(train), validation);
        var best = result.History.Single(m => m.Epoch == result.BestEpoch);
        job.Metrics["val_recon_mse"] = best.ValidationReconstruction;
        job.Metrics["val_kl"] = best.ValidationKl;
        job.Metrics["val_loss"] = best.ValidationLoss;
        job.Metrics["baseline_recon_mse"] = baseline;
        job.Metrics["best_epoch"] = result.BestEpoch;
        job.Metrics["epochs_trained"] = result.History.Count;
        job.Metrics["stopped_early"] = result.StoppedEarly ? 1 : 0;
        job.Metrics["train_images"] = train.Count;
        job.Metrics["validation_images"] = validation.Count;
        job.Metrics["resumed"] = job.Resumed ? 1 : 0;
        job.Metrics["skipped_steps"] = result.SkippedSteps;
        job.Metrics["rollbacks"] = result.Rollbacks;
        job.Metrics["train_images_per_second"] = result.History.Sum(m => m.Seconds) is > 0 and var seconds
            ? train.Count * result.History.Count / seconds
            : 0;

        using (var weights = new MemoryStream())
        {
            ModelFile.SaveWeights(weights, model);
            await job.WriteOutputAsync(ModelFile.WeightsName, weights.ToArray());
        }
        await job.WriteOutputAsync(ModelFile.OptionsName, Encoding.UTF8.GetBytes(ModelFile.OptionsJson(options.Model)));
        await job.WriteOutputAsync("metrics.csv", Encoding.UTF8.GetBytes(MetricsCsv(result.History)));
        await job.WriteJsonAsync(LossCurve.MetricsFile, result.History);
        await job.WriteOutputAsync("loss_curve.png", LossCurve.RenderPng(result.History));
        await job.WriteOutputAsync("reconstructions.png", ReconstructionGrid.RenderPng(model, validation));
        job.Progress.Report(new WorkProgress(1, TimeSpan.Zero, "done", job.Metrics));
    }

    /// <summary>The numbers of the run only, no wall times: the same seed on the same machine gives the same bytes (seconds are in metrics.json).</summary>
    private static string MetricsCsv(IReadOnlyList<EpochMetrics> history)
    {
        var csv = new StringBuilder("epoch,learning_rate,kl_weight,train_loss,train_recon,train_kl,val_loss,val_recon,val_kl,skipped_steps\n");
        foreach (var m in history)
        {
            csv.AppendLine(string.Join(',', new double[]
            {
                m.Epoch, m.LearningRate, m.KlWeight, m.TrainLoss, m.TrainReconstruction, m.TrainKl,
                m.ValidationLoss, m.ValidationReconstruction, m.ValidationKl, m.SkippedSteps,
            }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }
        return csv.ToString();
    }
}
