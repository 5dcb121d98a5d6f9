using VaeFaces.Contracts;
using VaeFaces.Ml.Judging;
using VaeFaces.Ml.Latent;
using VaeFaces.Storage;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Judging;

public sealed record JudgedAttributeInfo(string Name, double TestAccuracy, double? TestAuc, int TrainPositives, int TrainNegatives,
    int TestPositives, int TestNegatives);

public sealed record JudgeEpochInfo(int Epoch, double LearningRate, double TrainLoss, int SkippedSteps);

/// <summary>judge_metrics.json: the per-attribute figures on the evaluation split, the attributes not judged and why, the loss per epoch.</summary>
public sealed record JudgeMetricsDocument(int ImageSize, string FitSplit, string EvaluationSplit, int TrainImages, int TestImages,
    double MinTestAuc, double MeanTestAccuracy, List<JudgedAttributeInfo> Attributes, List<SkippedAttributeInfo> Skipped, List<JudgeEpochInfo> Epochs);

/// <summary>A TrainAttributeClassifier's output: judge.bin, judge.json, judge_metrics.json.</summary>
public static class JudgeFiles
{
    /// <summary>Loads the judge a TrainAttributeClassifier job wrote at location and records it as the input "judge".</summary>
    public static async Task<AttributeJudge> LoadJudgeAsync(this JobWorkspace job, BlobLocation location)
    {
        var weights = location.Child(JudgeFile.WeightsName);
        if (!await job.Store.ExistsAsync(weights, job.CancellationToken))
            throw new JobInputException($"no trained judge at {location}: {JudgeFile.WeightsName} not found");
        var optionsJson = await job.Store.ReadTextAsync(location.Child(JudgeFile.OptionsName), job.CancellationToken);
        await using var stream = await job.Store.OpenReadAsync(weights, job.CancellationToken);
        var judge = JudgeFile.Load(stream, optionsJson);
        await job.AddLineageAsync("judge", location);
        return judge;
    }
}
