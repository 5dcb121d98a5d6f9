using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Training;

/// <summary>
/// Trains the VAE with the schedule applied, early stopping on the validation reconstruction loss, and checkpoints
/// every N steps and at each epoch end; a checkpoint found at start is resumed from.
/// </summary>
public sealed class Trainer(ICheckpointStore checkpoints, ILogger logger)
{
    public async Task<TrainingResult> TrainAsync(DecodedImages train, DecodedImages validation, TrainingOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        if (train.Count == 0) throw new DatasetException("train split", null, "has no images");
        if (validation.Count == 0) throw new DatasetException("validation split", null, "has no images");
        torch.random.manual_seed(options.Seed);
        var device = Devices.Best();
        var size = options.Model.ImageSize;
        var model = new VariationalAutoencoder(options.Model).to(device);
        var best = new VariationalAutoencoder(options.Model).to(device);
        using var optimizer = CreateOptimizer(model, options);

        var state = new TrainingState();
        TrainingState? resumedFrom = null;
        using (var stream = checkpoints.OpenLatest())
        {
            if (stream is not null)
            {
                state = TrainingCheckpoint.Read(stream, model, best, optimizer);
                resumedFrom = state;
                logger.LogInformation("Resuming training from checkpoint: epoch {Epoch}, step {Step} of the epoch, global step {GlobalStep}",
                    state.Epoch + 1, state.StepInEpoch, state.GlobalStep);
            }
        }

        var stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = (long)stepsPerEpoch * options.Epochs;
        var runClock = Stopwatch.StartNew();
        var startStep = state.GlobalStep;
        var stoppedEarly = IsStopped(state, options);

        for (var epoch = state.Epoch; epoch < options.Epochs && !stoppedEarly; epoch++)
        {
            var learningRate = options.LearningRateAt(epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
            model.train();

            var order = BatchLoader.ShuffledOrder(train.Count, HashCode.Combine(options.Seed, epoch));
            var skip = Math.Min(order.Length, state.StepInEpoch * options.BatchSize);
            var epochClock = Stopwatch.StartNew();
            await using (var loader = new BatchLoader(train, order[skip..], options.BatchSize, cancellationToken))
            {
                await foreach (var batch in loader.ReadAllAsync())
                {
                    double loss, reconstruction, kl;
                    var klWeight = options.KlWeightAt((double)state.GlobalStep / stepsPerEpoch);
                    var count = batch.Count;
                    using (torch.NewDisposeScope())
                    {
                        var images = BatchTensors.ToTensor(batch, size, device);
                        loader.Return(batch);
                        optimizer.zero_grad();
                        var terms = VaeLoss.Compute(images, model.forward(images), klWeight);
                        terms.Total.backward();
                        optimizer.step();
                        (loss, reconstruction, kl) = (terms.Total.item<float>(), terms.Reconstruction.item<float>(), terms.Kl.item<float>());
                    }
                    if (!double.IsFinite(loss))
                        throw new InvalidOperationException($"training diverged: loss is {loss} at epoch {epoch + 1}, step {state.StepInEpoch + 1}");

                    state = state with
                    {
                        StepInEpoch = state.StepInEpoch + 1,
                        GlobalStep = state.GlobalStep + 1,
                        TrainLossSum = state.TrainLossSum + loss * count,
                        TrainReconstructionSum = state.TrainReconstructionSum + reconstruction * count,
                        TrainKlSum = state.TrainKlSum + kl * count,
                    };
                    progress?.Report(Progress(state, startStep, totalSteps, runClock, "training", new()
                    {
                        ["epoch"] = epoch + 1, ["loss"] = loss, ["recon"] = reconstruction, ["kl"] = kl, ["lr"] = learningRate,
                    }));
                    if (state.GlobalStep % options.CheckpointEverySteps == 0)
                        Save(state with { EpochSecondsSoFar = state.EpochSecondsSoFar + epochClock.Elapsed.TotalSeconds }, model, best, optimizer);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            var trained = Math.Max(1, Math.Min(train.Count, state.StepInEpoch * options.BatchSize));
            var finalKlWeight = options.KlWeightAt((double)state.GlobalStep / stepsPerEpoch);
            var (valLoss, valReconstruction, valKl) = Evaluate(model, validation, options.BatchSize, finalKlWeight, device);
            var metrics = new EpochMetrics(epoch + 1, learningRate, finalKlWeight,
                state.TrainLossSum / trained, state.TrainReconstructionSum / trained, state.TrainKlSum / trained,
                valLoss, valReconstruction, valKl, state.EpochSecondsSoFar + epochClock.Elapsed.TotalSeconds);
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
            };
            Save(state, model, best, optimizer);
            stoppedEarly = IsStopped(state, options);
            if (stoppedEarly)
                logger.LogInformation("Early stopping: validation reconstruction loss has not improved for {Patience} epochs; best epoch {Best}",
                    options.EarlyStoppingPatience, state.BestEpoch);
        }

        model.Dispose();
        best.eval();
        return new TrainingResult(best, state.History, state.BestEpoch, stoppedEarly, resumedFrom);
    }

    /// <summary>Mean loss terms over a set of images in eval mode (z = z_mean).</summary>
    public static (double Loss, double Reconstruction, double Kl) Evaluate(VariationalAutoencoder model, DecodedImages images,
        int batchSize, double klWeight, Device device)
    {
        model.eval();
        double loss = 0, reconstruction = 0, kl = 0;
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
            var terms = VaeLoss.Compute(batch, model.forward(batch), klWeight);
            loss += terms.Total.item<float>() * count;
            reconstruction += terms.Reconstruction.item<float>() * count;
            kl += terms.Kl.item<float>() * count;
        }
        return (loss / images.Count, reconstruction / images.Count, kl / images.Count);
    }

    private static bool IsStopped(TrainingState state, TrainingOptions options) =>
        options.EarlyStoppingPatience > 0 && state.EpochsWithoutImprovement >= options.EarlyStoppingPatience;

    private static optim.Optimizer CreateOptimizer(VariationalAutoencoder model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), options.LearningRate),
        // Keras' RMSprop defaults (rho 0.9, epsilon 1e-7), as the tutorial used them.
        OptimizerKind.RmsProp => optim.RMSProp(model.parameters(), options.LearningRate, alpha: 0.9, eps: 1e-7),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "unknown optimizer"),
    };

    private void Save(TrainingState state, VariationalAutoencoder model, VariationalAutoencoder best, optim.Optimizer optimizer) =>
        checkpoints.Save(stream => TrainingCheckpoint.Write(stream, state, model, best, optimizer));

    private static TrainingProgress Progress(TrainingState state, long startStep, long totalSteps, Stopwatch clock, string stage,
        Dictionary<string, double> metrics)
    {
        var done = state.GlobalStep - startStep;
        var remaining = totalSteps - state.GlobalStep;
        TimeSpan? eta = done > 0 ? TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * remaining) : null;
        return new TrainingProgress((double)state.GlobalStep / totalSteps, eta, stage, metrics);
    }
}
