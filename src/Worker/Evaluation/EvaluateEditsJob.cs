using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Evaluation;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Judging;
using VaeFaces.Worker.Latent;

namespace VaeFaces.Worker.Evaluation;

/// <summary>Fits each method's directions on the fit split, then sweeps edits of evaluation-split images past the judge.</summary>
public sealed class EvaluateEditsJob : IJob<EvaluateEdits>
{
    private const int ExampleImages = 3;

    public static async Task RunAsync(EvaluateEdits command, JobWorkspace job)
    {
        var fitSplit = Splits.FromName(command.FitSplit);
        var evaluationSplit = Splits.FromName(command.EvaluationSplit);
        using var model = await job.LoadModelAsync(command.Model);
        using var judge = await job.LoadJudgeAsync(command.Judge);
        var dataset = await job.OpenDatasetAsync(command.Dataset);
        var names = dataset.Attributes.Names;

        var (fitImages, fitCodes) = await SplitEncoding.EncodeAsync(job, model, dataset, fitSplit, command.SkipBadImages, command.BatchSize, 0, 0.15);
        var fitRows = fitImages.Images.Select(i => i.Attributes).ToList();
        fitImages.Dispose();
        var correlations = new LabelCorrelations(fitRows, names);
        var conditions = ConditionChoice.Checked(command.Conditions, names, $"{nameof(command.Conditions)}.{nameof(command.Conditions.Named)}");
        var methods = command.Methods.Select(AttributeDirections.Parse).Distinct().Select(method =>
        {
            var set = AttributeDirections.Fit(method, fitCodes, fitRows, names, command.MinCount, conditions);
            return (Directions: new MethodDirections(AttributeDirections.Name(method), set.Vectors.ToDictionary(v => v.Name, v => v.Vector)), Set: set);
        }).ToList();
        var attributes = Attributes(command, judge.Attributes, methods.Select(m => m.Directions).ToList());

        using var test = await job.DecodeAsync(dataset, evaluationSplit, model.Options.ImageSize, command.SkipBadImages, 0.15, 0.2);
        var rows = Enumerable.Range(0, Math.Min(command.Images, test.Count)).ToArray();
        using var sweep = await job.TimeAsync("reconstruct", () => Task.FromResult(
            new EditSweep(model, judge, ImageTensors.FromDecoded(test, rows), command.BatchSize)));
        // Not counted against preservation: the same attribute under another name, or one that must change with it.
        IReadOnlyList<string> Excluded(string attribute) => correlations.Aliases(attribute, DirectionConditions.AliasCorrelation)
            .Concat(CelebAAttributes.ExclusiveWith(attribute)).Where(a => judge.IndexOf(a) >= 0).ToList();
        var points = await job.TimeAsync("sweep", () => Task.FromResult(sweep.Run(attributes, methods.Select(m => m.Directions).ToList(),
            command.Magnitudes, Excluded, job.Stage("editing", 0.2, 0.97), job.CancellationToken)));
        var choices = EditChoice.Choose(points, command.MinSuccess);

        var conditional = methods.FirstOrDefault(m => m.Directions.Method == DirectionMethods.Conditional).Set;
        var document = new EditEvaluationDocument(fitSplit.ToString().ToLowerInvariant(), evaluationSplit.ToString().ToLowerInvariant(), sweep.Count,
            command.MinSuccess, EditSweep.Present, methods.Select(m => m.Directions.Method).ToList(), command.Magnitudes,
            new ReconstructionInfo(Math.Round(sweep.Psnr, 3), Math.Round(sweep.Ssim, 4)),
            choices.Select(c => new EditedAttributeInfo(c.Attribute, Excluded(c.Attribute),
                conditional?.Vectors.FirstOrDefault(v => v.Name == c.Attribute)?.Conditions ?? [],
                EditPointInfo.Of(c.Best), c.PerMethod.Select(EditPointInfo.Of).ToList(),
                points.Where(p => p.Attribute == c.Attribute).Select(EditPointInfo.Of).ToList())).ToList());
        await job.WriteJsonAsync(EditEvaluationFiles.Json, document);
        await job.WriteOutputAsync(EditEvaluationFiles.Markdown, System.Text.Encoding.UTF8.GetBytes(EditEvaluationReport.Markdown(document)));
        foreach (var method in document.Methods)
            await job.WriteOutputAsync(EditEvaluationFiles.SuccessPlot(method), EditEvaluationPlots.SuccessByMagnitude(points, method));
        await job.WriteOutputAsync(EditEvaluationFiles.Tradeoff, EditEvaluationPlots.SuccessByPreservation(points));
        await job.WriteOutputAsync(EditEvaluationFiles.Examples, Examples(sweep, choices, methods.Select(m => m.Directions).ToList()));

        job.Metrics["psnr"] = sweep.Psnr;
        job.Metrics["ssim"] = sweep.Ssim;
        job.Metrics["images"] = sweep.Count;
        foreach (var choice in choices)
        {
            job.Metrics[$"success_{choice.Attribute}"] = choice.Best.Success.Fraction;
            job.Metrics[$"preservation_{choice.Attribute}"] = choice.Best.Preservation.Fraction;
            job.Metrics[$"magnitude_{choice.Attribute}"] = choice.Best.Magnitude;
        }
        job.Metrics["min_success"] = choices.Min(c => c.Best.Success.Fraction);
        job.Metrics["min_preservation"] = choices.Min(c => c.Best.Preservation.Fraction);
    }

    /// <summary>The attributes asked for, or every judged attribute each method has a direction for; an asked-for one that lacks either fails the job.</summary>
    private static List<string> Attributes(EvaluateEdits command, IReadOnlyList<string> judged, IReadOnlyList<MethodDirections> methods)
    {
        bool Everywhere(string a) => methods.All(m => m.Vectors.ContainsKey(a));
        if (command.Attributes.Count == 0)
        {
            var all = judged.Where(Everywhere).ToList();
            return all.Count > 0 ? all : throw new JobInputException("no attribute is both judged by the judge and fitted by every method");
        }
        var problems = command.Attributes.Select(a => judged.Contains(a, StringComparer.OrdinalIgnoreCase) ? null : $"{a} is not judged")
            .Concat(command.Attributes.SelectMany(a => methods.Where(m => !m.Vectors.Keys.Contains(a, StringComparer.OrdinalIgnoreCase))
                .Select(m => $"{a} has no {m.Method} direction")))
            .OfType<string>().ToList();
        if (problems.Count > 0) throw new JobInputException($"{nameof(command.Attributes)}: {string.Join("; ", problems)}");
        return command.Attributes.Select(a => judged.First(j => string.Equals(j, a, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Per attribute, a row of (reconstruction, edit) pairs by its best method at the chosen magnitude: two images gaining it, one losing it, of those Success counts.</summary>
    private static byte[] Examples(EditSweep sweep, IReadOnlyList<AttributeChoice> choices, IReadOnlyList<MethodDirections> methods)
    {
        var batches = new List<ImageBatch>();
        var labels = new List<string>();
        foreach (var choice in choices)
        {
            var best = choice.Best;
            var counted = Enumerable.Range(0, sweep.Count).Where(n => !sweep.Covered(n, best.Attribute)).ToList();
            var rows = counted.Where(n => !sweep.Had(n, best.Attribute)).Take(ExampleImages - 1)
                .Concat(counted.Where(n => sweep.Had(n, best.Attribute)).Take(1)).ToList();
            if (rows.Count < ExampleImages) continue;
            batches.Add(sweep.Examples(rows, methods.First(m => m.Method == best.Method).Vectors[best.Attribute], best.Magnitude, best.Attribute));
            labels.Add($"{best.Attribute} {best.Magnitude:0.#} ({best.Method})");
        }
        return ImageGrid.RenderPng(ImageTensors.Concat([.. batches]), 2 * ExampleImages, scale: 2, rowLabels: labels,
            columnLabels: ["recon", "added", "recon", "added", "recon", "removed"], title: "Edits by the best method at the chosen magnitude");
    }
}
