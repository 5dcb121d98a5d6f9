using VaeFaces.Ml.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Training;

/// <summary>
/// Trains the VAE with the schedule applied, early stopping on the validation reconstruction loss, and checkpoints
/// every N steps, at each epoch end and when cancelled; a checkpoint found at start is resumed from. A step whose loss
/// or gradient is not finite is skipped; too many in a row roll back to the last good checkpoint with the learning rate
/// halved. Only finite weights are ever saved.
/// </summary>
public sealed class Trainer(ICheckpointStore checkpoints, ILogger logger)
{
    public async Task<TrainingResult> TrainAsync(DecodedImages train, DecodedImages validation, TrainingOptions options,
        IProgress<WorkProgress>? progress, CancellationToken cancellationToken, Action<TrainedBatch>? onBatch = null)
    {
        if (train.Count == 0) throw new DatasetException("train split", null, "has no images");
        if (validation.Count == 0) throw new DatasetException("validation split", null, "has no images");
        torch.random.manual_seed(options.Seed);
        var device = Devices.Best();
        using var model = new VariationalAutoencoder(options.Model).to(device);
        var best = new VariationalAutoencoder(options.Model).to(device);
        using var optimizer = CreateOptimizer(model, options);
        try
        {
            return await TrainAsync(model, best, optimizer, new Run(train, validation, options, progress, onBatch, device), cancellationToken);
        }
        catch
        {
            best.Dispose();
            throw;
        }
    }

    private async Task<TrainingResult> TrainAsync(VariationalAutoencoder model, VariationalAutoencoder best, optim.Optimizer optimizer,
        Run run, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var resumedFrom = await RestoreAsync(model, best, optimizer, cancellationToken);
        if (resumedFrom is not null)
            logger.LogInformation("Resuming training from checkpoint: epoch {Epoch}, step {Step} of the epoch, global step {GlobalStep}",
                resumedFrom.Epoch + 1, resumedFrom.StepInEpoch, resumedFrom.GlobalStep);
        var state = resumedFrom ?? new TrainingState();
        // The starting point is a good checkpoint too, so a rollback always has somewhere to go.
        if (resumedFrom is null) await SaveAsync(state, model, best, optimizer, CancellationToken.None);

        run = run with { StartStep = state.GlobalStep };
        while (true)
        {
            try
            {
                state = await TrainEpochsAsync(run, state, model, best, optimizer, cancellationToken);
                break;
            }
            catch (DivergedException diverged)
            {
                var at = diverged.State;
                if (at.Rollbacks >= options.MaxRollbacks)
                    throw new TrainingDivergedException($"training diverged: {diverged.Message}; tried {at.Rollbacks} rollbacks to the last " +
                        $"good checkpoint, halving the learning rate each time (last {options.LearningRateAt(at.Epoch) * at.LearningRateScale:G3}); " +
                        "lower the learning rate or set gradient clipping");
                // The checkpoint's position and weights; the run's counts, including the steps skipped since that checkpoint.
                state = (await RestoreAsync(model, best, optimizer, CancellationToken.None))! with { Rollbacks = at.Rollbacks + 1, SkippedSteps = at.SkippedSteps };
                logger.LogWarning("Training: {Reason}; rolling back to epoch {Epoch}, step {Step} with the learning rate halved (rollback {Rollback} of {Max})",
                    diverged.Message, state.Epoch + 1, state.StepInEpoch, state.Rollbacks, options.MaxRollbacks);
                await SaveAsync(state, model, best, optimizer, CancellationToken.None);
            }
        }

        best.eval();
        return new TrainingResult(best, state.History, state.BestEpoch, IsStopped(state, options), resumedFrom, state.SkippedSteps, state.Rollbacks);
    }

    private sealed record Run(DecodedImages Train, DecodedImages Validation, TrainingOptions Options, IProgress<WorkProgress>? Progress,
        Action<TrainedBatch>? OnBatch, Device Device)
    {
        public int StepsPerEpoch => (Train.Count + Options.BatchSize - 1) / Options.BatchSize;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        /// <summary>Where this process started (0, or the checkpoint it resumed): the ETA counts only steps it took.</summary>
        public long StartStep { get; init; }
    }

    /// <summary>A step or an epoch that left the model unusable; State is where training stood, and the caller rolls back.</summary>
    private sealed class DivergedException(string message, TrainingState state) : Exception(message)
    {
        public TrainingState State { get; } = state;
    }

    private async Task<TrainingState> TrainEpochsAsync(Run run, TrainingState state, VariationalAutoencoder model,
        VariationalAutoencoder best, optim.Optimizer optimizer, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var size = options.Model.ImageSize;
        var totalSteps = (long)run.StepsPerEpoch * options.Epochs;
        var step = new TrainingStep(model, optimizer, options.GradientClipNorm);

        for (var epoch = state.Epoch; epoch < options.Epochs && !IsStopped(state, options); epoch++)
        {
            var learningRate = options.LearningRateAt(epoch) * state.LearningRateScale;
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
            model.train();

            var order = BatchLoader.ShuffledOrder(run.Train.Count, options.Seed, epoch);
            var skip = Math.Min(order.Length, state.StepInEpoch * options.BatchSize);
            var epochClock = Stopwatch.StartNew();
            var badInARow = 0;
            try
            {
                await using var loader = new BatchLoader(run.Train, order[skip..], options.BatchSize, cancellationToken);
                await foreach (var batch in loader.ReadAllAsync())
                {
                    var lossSettings = options.LossAt((double)state.GlobalStep / run.StepsPerEpoch);
                    var count = batch.Count;
                    var rows = run.OnBatch is null ? null : batch.Rows[..count];
                    var (loss, reconstruction, kl, finite) = step.Run(() =>
                    {
                        var images = BatchTensors.ToTensor(batch, size, run.Device);
                        loader.Return(batch);
                        return images;
                    }, lossSettings);

                    var where = $"epoch {epoch + 1}, step {state.StepInEpoch + 1}";
                    badInARow = finite ? 0 : badInARow + 1;
                    state = state with
                    {
                        StepInEpoch = state.StepInEpoch + 1,
                        GlobalStep = state.GlobalStep + 1,
                        TrainLossSum = state.TrainLossSum + (finite ? loss * count : 0),
                        TrainReconstructionSum = state.TrainReconstructionSum + (finite ? reconstruction * count : 0),
                        TrainKlSum = state.TrainKlSum + (finite ? kl * count : 0),
                        SkippedInEpoch = state.SkippedInEpoch + (finite ? 0 : 1),
                        SkippedSteps = state.SkippedSteps + (finite ? 0 : 1),
                    };
                    if (!finite)
                    {
                        logger.LogWarning("Skipped {Where}: {What} is not finite", where, double.IsFinite(loss) ? "the gradient" : $"the loss ({loss})");
                        if (badInARow >= options.MaxBadStepsInARow) throw new DivergedException($"{badInARow} non-finite steps in a row up to {where}", state);
                    }
                    else run.OnBatch?.Invoke(new TrainedBatch(epoch + 1, state.StepInEpoch, state.GlobalStep, rows!));

                    run.Progress?.Report(Progress(state, run, totalSteps, new()
                    {
                        ["epoch"] = epoch + 1, ["loss"] = loss, ["recon"] = reconstruction, ["kl"] = kl, ["lr"] = learningRate,
                        ["skipped_steps"] = state.SkippedSteps,
                    }));
                    // Cut short by a cancel, this save is made again below at the same state.
                    if (state.GlobalStep % options.CheckpointEverySteps == 0)
                        await SaveAsync(WithClock(state, epochClock), model, best, optimizer, cancellationToken, where);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (a signal, a worker shutting down, a cancel): keep every finished step for the resume.
                await SaveAsync(WithClock(state, epochClock), model, best, optimizer, CancellationToken.None, $"epoch {epoch + 1}, step {state.StepInEpoch}");
                logger.LogInformation("Training stopped at epoch {Epoch}, step {Step}; checkpoint saved", epoch + 1, state.StepInEpoch);
                throw;
            }

            var trained = Math.Max(1, Math.Min(run.Train.Count, (state.StepInEpoch - state.SkippedInEpoch) * options.BatchSize));
            var finalLoss = options.LossAt((double)state.GlobalStep / run.StepsPerEpoch);
            var (valLoss, valReconstruction, valKl) = Evaluate(model, run.Validation, options.BatchSize, finalLoss, run.Device);
            if (!double.IsFinite(valLoss)) throw new DivergedException($"validation loss is {valLoss} after epoch {epoch + 1}", state);
            var metrics = new EpochMetrics(epoch + 1, learningRate, finalLoss.KlWeight,
                state.TrainLossSum / trained, state.TrainReconstructionSum / trained, state.TrainKlSum / trained,
                valLoss, valReconstruction, valKl, state.EpochSecondsSoFar + epochClock.Elapsed.TotalSeconds, state.SkippedInEpoch);
            logger.LogInformation("Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F5}, val recon {ValRecon:F5}, val KL {ValKl:F4}, lr {Lr:G3}, {Seconds:F1}s",
                epoch + 1, options.Epochs, metrics.TrainLoss, valReconstruction, valKl, learningRate, metrics.Seconds);

            var improved = valReconstruction < state.BestValidationReconstruction;
            if (improved) best.load_state_dict(model.state_dict());
            state = new TrainingState
            {
                Epoch = epoch + 1,
                GlobalStep = state.GlobalStep,
                History = [.. state.History, metrics],
                BestValidationReconstruction = improved ? valReconstruction : state.BestValidationReconstruction,
                BestEpoch = improved ? epoch + 1 : state.BestEpoch,
                EpochsWithoutImprovement = improved ? 0 : state.EpochsWithoutImprovement + 1,
                SkippedSteps = state.SkippedSteps,
                Rollbacks = state.Rollbacks,
            };
            await SaveAsync(state, model, best, optimizer, CancellationToken.None, $"the end of epoch {epoch + 1}");
            if (IsStopped(state, options))
                logger.LogInformation("Early stopping: validation reconstruction loss has not improved for {Patience} epochs; best epoch {Best}",
                    options.EarlyStoppingPatience, state.BestEpoch);
        }
        return state;
    }

    /// <summary>Mean loss terms over a set of images in eval mode (z = z_mean).</summary>
    public static (double Loss, double Reconstruction, double Kl) Evaluate(VariationalAutoencoder model, DecodedImages images,
        int batchSize, LossSettings loss, Device device)
    {
        model.eval();
        double total = 0, reconstruction = 0, kl = 0;
        var pixels = new float[batchSize * 3 * images.Size * images.Size];
        var rows = new int[batchSize];
        using var noGrad = torch.no_grad();
        for (var start = 0; start < images.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, images.Count - start);
            for (var i = 0; i < count; i++) rows[i] = start + i;
            images.CopyAsFloats(rows.AsSpan(0, count), pixels);
            using var scope = torch.NewDisposeScope();
            var batch = BatchTensors.ToTensor(new ImageBatchBuffer(pixels, rows) { Count = count }, images.Size, device);
            var terms = loss.Compute(batch, model.forward(batch));
            total += terms.Total.item<float>() * count;
            reconstruction += terms.Reconstruction.item<float>() * count;
            kl += terms.Kl.item<float>() * count;
        }
        return (total / images.Count, reconstruction / images.Count, kl / images.Count);
    }

    public static bool AllFinite(nn.Module module)
    {
        using var scope = torch.NewDisposeScope();
        return module.parameters().All(p => torch.isfinite(p).all().item<bool>())
            && module.buffers().All(b => !b.is_floating_point() || torch.isfinite(b).all().item<bool>());
    }

    private static bool IsStopped(TrainingState state, TrainingOptions options) =>
        options.EarlyStoppingPatience > 0 && state.EpochsWithoutImprovement >= options.EarlyStoppingPatience;

    private static TrainingState WithClock(TrainingState state, Stopwatch epochClock) =>
        state with { EpochSecondsSoFar = state.EpochSecondsSoFar + epochClock.Elapsed.TotalSeconds };

    private static optim.Optimizer CreateOptimizer(VariationalAutoencoder model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), options.LearningRate),
        // Keras' RMSprop defaults (rho 0.9, epsilon 1e-7), as the tutorial used them.
        OptimizerKind.RmsProp => optim.RMSProp(model.parameters(), options.LearningRate, alpha: 0.9, eps: 1e-7),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "unknown optimizer"),
    };

    private async Task<TrainingState?> RestoreAsync(VariationalAutoencoder model, VariationalAutoencoder best, optim.Optimizer optimizer,
        CancellationToken cancellationToken)
    {
        await using var stream = await checkpoints.OpenLatestAsync(cancellationToken);
        return stream is null ? null : TrainingCheckpoint.Read(stream, model, best, optimizer);
    }

    /// <summary>
    /// A checkpoint is only ever written from finite weights: a rollback or a resume never starts from NaN. Saves whose
    /// state is kept nowhere else (the start, a rollback, an epoch's end, a stop) pass CancellationToken.None: a cancel
    /// must not lose them.
    /// </summary>
    private async Task SaveAsync(TrainingState state, VariationalAutoencoder model, VariationalAutoencoder best, optim.Optimizer optimizer,
        CancellationToken cancellationToken, string where = "the start")
    {
        if (!AllFinite(model) || !AllFinite(best)) throw new DivergedException($"weights are not finite at {where}", state);
        await checkpoints.SaveAsync(stream => TrainingCheckpoint.Write(stream, state, model, best, optimizer), cancellationToken);
    }

    private static WorkProgress Progress(TrainingState state, Run run, long totalSteps, Dictionary<string, double> metrics)
    {
        var done = state.GlobalStep - run.StartStep;
        var remaining = totalSteps - state.GlobalStep;
        TimeSpan? eta = done > 0 ? TimeSpan.FromSeconds(run.Clock.Elapsed.TotalSeconds / done * remaining) : null;
        return new WorkProgress((double)state.GlobalStep / totalSteps, eta, "training", metrics);
    }
}
