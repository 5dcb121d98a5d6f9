using VaeFaces.Ml.Data;
using VaeFaces.Contracts;
using VaeFaces.Ml.Latent;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;

namespace VaeFaces.Worker.Attributes;

/// <summary>Fits attribute vectors on one split and measures, on another, how well each separates its attribute (ROC AUC).</summary>
public sealed class ExtractAttributeVectorsJob : IJob<ExtractAttributeVectors>
{
    public static async Task RunAsync(ExtractAttributeVectors command, JobWorkspace job)
    {
        var fitSplit = Splits.FromName(command.FitSplit);
        var evaluationSplit = Splits.FromName(command.EvaluationSplit);

        using var model = await job.LoadModelAsync(command.Model);
        var dataset = await job.OpenDatasetAsync(command.Dataset);
        var (fitImages, fitCodes) = await SplitEncoding.EncodeAsync(job, model, dataset, fitSplit, command.SkipBadImages, command.BatchSize, 0, 0.6);
        var fitRows = fitImages.Images.Select(i => i.Attributes).ToList();
        var method = AttributeDirections.Parse(command.Method);
        var set = AttributeDirections.Fit(method, fitCodes, fitRows, dataset.Attributes.Names, command.MinCount,
            ConditionChoice.Checked(command.Conditions, dataset.Attributes.Names, $"{nameof(command.Conditions)}.{nameof(command.Conditions.Named)}"));
        fitImages.Dispose();
        if (set.Vectors.Count == 0)
            throw new JobInputException($"no attribute has {command.MinCount} positives and negatives in the {fitSplit} split");

        var (testImages, testCodes) = await SplitEncoding.EncodeAsync(job, model, dataset, evaluationSplit, command.SkipBadImages, command.BatchSize, 0.6, 0.95);
        var infos = new List<AttributeVectorInfo>();
        foreach (var vector in set.Vectors)
        {
            var column = dataset.Attributes.IndexOf(vector.Name);
            var labels = testImages.Images.Select(i => i.Attributes[column] > 0).ToList();
            var scores = Enumerable.Range(0, testCodes.Count).Select(n => AttributeVectors.Dot(testCodes.MeanRow(n), vector.Vector)).ToList();
            var auc = RocAuc.Compute(scores, labels);
            var testPositives = labels.Count(l => l);
            infos.Add(new AttributeVectorInfo(vector.Name, vector.Positives, vector.Negatives, Math.Round(vector.Norm, 5),
                double.IsNaN(auc) ? null : Math.Round(auc, 5), testPositives, labels.Count - testPositives) { Conditions = vector.Conditions });
            if (!double.IsNaN(auc)) job.Metrics[$"auc_{vector.Name}"] = auc;
        }
        testImages.Dispose();

        var matrix = set.Vectors.SelectMany(v => v.Vector).ToArray();
        await job.WriteOutputAsync(AttributeVectorsDocument.NpyFile, LatentFiles.Npy(matrix, set.Vectors.Count, fitCodes.Dim));
        await job.WriteJsonAsync(AttributeVectorsDocument.JsonFile, new AttributeVectorsDocument(fitCodes.Dim,
            fitSplit.ToString().ToLowerInvariant(), evaluationSplit.ToString().ToLowerInvariant(), infos,
            set.Skipped.Select(s => new SkippedAttributeInfo(s.Name, s.Positives, s.Negatives, s.Reason)).ToList()) { Method = AttributeDirections.Name(method) });
        job.Metrics["attributes_fitted"] = set.Vectors.Count;
        job.Metrics["attributes_skipped"] = set.Skipped.Count;
    }
}
