using System.Diagnostics;
using TorchSharp;
using VaeFaces.Ml.Common;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;

namespace VaeFaces.Ml.Judging;

/// <summary>
/// Trains the judge on decoded images and their labels, with the VAE trainer's batches: the same seeded shuffle per
/// epoch (<see cref="BatchLoader.ShuffledOrder"/>), the same loader and tensor copies. Same seed and thread count, same weights.
/// </summary>
public static class AttributeClassifierTrainer
{
    public static async Task<ClassifierTrainingResult> TrainAsync(DecodedImages train, AttributeLabels labels, AttributeClassifierOptions modelOptions,
        ClassifierTrainingOptions options, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        if (train.Count == 0) throw new DatasetException("train split", null, "has no images");
        if (labels.Count != train.Count) throw new ArgumentException($"{labels.Count} label rows for {train.Count} images", nameof(labels));
        if (train.Size != modelOptions.ImageSize) throw new ArgumentException($"images are {train.Size} px, the judge takes {modelOptions.ImageSize}", nameof(train));
        torch.random.manual_seed(options.Seed);
        var device = Devices.Best();
        var model = new AttributeClassifier(modelOptions).to(device);
        try
        {
            using var optimizer = torch.optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
            using var positiveWeight = torch.tensor(labels.BalancedPositiveWeights()).to(device);
            var step = new ClassifierStep(model, optimizer, positiveWeight);
            var history = new List<ClassifierEpoch>();
            var stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
            var labelBuffer = new float[options.BatchSize * labels.Attributes];
            var done = 0L;
            var clock = Stopwatch.StartNew();
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                var learningRate = options.LearningRateAt(epoch);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
                model.train();
                var epochClock = Stopwatch.StartNew();
                double lossSum = 0;
                int trained = 0, skipped = 0;
                await using (var loader = new BatchLoader(train, BatchLoader.ShuffledOrder(train.Count, options.Seed, epoch), options.BatchSize, cancellationToken))
                {
                    await foreach (var batch in loader.ReadAllAsync())
                    {
                        var count = batch.Count;
                        var (loss, applied) = step.Run(() =>
                        {
                            var images = BatchTensors.ToTensor(batch, train.Size, device);
                            labels.Copy(batch.Rows.AsSpan(0, count), labelBuffer);
                            loader.Return(batch);
                            var batchLabels = torch.tensor(labelBuffer.AsSpan(0, count * labels.Attributes).ToArray(), [count, labels.Attributes]).to(device);
                            return (images, batchLabels);
                        });
                        if (applied) (lossSum, trained) = (lossSum + loss * count, trained + count);
                        else skipped++;
                        done++;
                        var total = (long)stepsPerEpoch * options.Epochs;
                        progress?.Report(new WorkProgress((double)done / total, TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (total - done)),
                            "training the judge", new Dictionary<string, double> { ["epoch"] = epoch + 1, ["loss"] = loss, ["lr"] = learningRate }));
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                if (trained == 0) throw new TrainingDivergedException($"judge training diverged: every step of epoch {epoch + 1} was not finite; lower the learning rate");
                history.Add(new ClassifierEpoch(epoch + 1, learningRate, lossSum / trained, skipped, epochClock.Elapsed.TotalSeconds));
            }
            if (!Trainer.AllFinite(model)) throw new TrainingDivergedException("judge training diverged: its weights are not finite; lower the learning rate");
            model.eval();
            return new ClassifierTrainingResult(model, history);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
