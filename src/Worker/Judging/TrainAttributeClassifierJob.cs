using System.Text;
using VaeFaces.Contracts;
using VaeFaces.Ml.Common;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Judging;
using VaeFaces.Ml.Latent;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Judging;

/// <summary>Trains the judge on the fit split's images and labels and measures it, per attribute, on the evaluation split.</summary>
public sealed class TrainAttributeClassifierJob : IJob<TrainAttributeClassifier>
{
    public static async Task RunAsync(TrainAttributeClassifier command, JobWorkspace job)
    {
        var fitSplit = Splits.FromName(command.FitSplit);
        var evaluationSplit = Splits.FromName(command.EvaluationSplit);
        var dataset = await job.OpenDatasetAsync(command.Dataset);
        using var train = await job.DecodeAsync(dataset, fitSplit, command.ImageSize, command.SkipBadImages, 0, 0.08);
        using var test = await job.DecodeAsync(dataset, evaluationSplit, command.ImageSize, command.SkipBadImages, 0.08, 0.1);

        var (columns, skipped) = AttributeLabels.Learnable(train.Images, dataset.Attributes.Names, command.MinCount);
        if (columns.Count == 0) throw new JobInputException($"no attribute has {command.MinCount} positives and negatives in the {fitSplit} split");
        var names = columns.Select(c => dataset.Attributes.Names[c]).ToArray();
        var trainLabels = AttributeLabels.Of(train.Images, columns);
        var options = new AttributeClassifierOptions { ImageSize = command.ImageSize, Attributes = names };

        var result = await job.TimeAsync("train", () => AttributeClassifierTrainer.TrainAsync(train, trainLabels, options,
            ClassifierTrainingOptions.From(command), new ScaledProgress(job.Progress, 0.1, 0.95), job.CancellationToken));
        using var judge = new AttributeJudge(result.Model);

        var testLabels = AttributeLabels.Of(test.Images, columns);
        var probabilities = await job.TimeAsync("evaluate", () => Task.FromResult(judge.Score(test, command.BatchSize,
            job.Stage($"judging {evaluationSplit}", 0.95, 0.99), job.CancellationToken)));
        var scores = JudgeEvaluation.Evaluate(probabilities, testLabels, names);

        var infos = scores.Select((s, a) => new JudgedAttributeInfo(s.Name, Math.Round(s.Accuracy, 5), s.Auc is { } auc ? Math.Round(auc, 5) : null,
            trainLabels.Positives(a), trainLabels.Count - trainLabels.Positives(a), s.Positives, s.Negatives)).ToList();
        foreach (var s in scores)
        {
            job.Metrics[$"accuracy_{s.Name}"] = s.Accuracy;
            if (s.Auc is { } auc) job.Metrics[$"auc_{s.Name}"] = auc;
        }
        var minAuc = scores.Where(s => s.Auc is not null).Select(s => s.Auc!.Value).DefaultIfEmpty(double.NaN).Min();
        if (!double.IsNaN(minAuc)) job.Metrics["min_auc"] = minAuc;
        job.Metrics["mean_accuracy"] = scores.Average(s => s.Accuracy);
        job.Metrics["attributes_judged"] = names.Length;
        job.Metrics["attributes_skipped"] = skipped.Count;
        job.Metrics["train_images"] = train.Count;
        job.Metrics["test_images"] = test.Count;
        job.Metrics["skipped_steps"] = result.SkippedSteps;
        job.Metrics["final_train_loss"] = result.History[^1].TrainLoss;

        using (var weights = new MemoryStream())
        {
            JudgeFile.SaveWeights(weights, result.Model);
            await job.WriteOutputAsync(JudgeFile.WeightsName, weights.ToArray());
        }
        await job.WriteOutputAsync(JudgeFile.OptionsName, Encoding.UTF8.GetBytes(JudgeFile.OptionsJson(options)));
        await job.WriteJsonAsync(JudgeFile.MetricsName, new JudgeMetricsDocument(command.ImageSize,
            fitSplit.ToString().ToLowerInvariant(), evaluationSplit.ToString().ToLowerInvariant(), train.Count, test.Count,
            double.IsNaN(minAuc) ? 0 : Math.Round(minAuc, 5), Math.Round(scores.Average(s => s.Accuracy), 5), infos,
            skipped.Select(s => new SkippedAttributeInfo(s.Name, s.Positives, s.Negatives, s.Reason)).ToList(),
            result.History.Select(e => new JudgeEpochInfo(e.Epoch, e.LearningRate, e.TrainLoss, e.SkippedSteps)).ToList()));
        job.Progress.Report(new WorkProgress(1, TimeSpan.Zero, "done", job.Metrics));
    }
}
