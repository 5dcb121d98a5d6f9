using VaeFaces.Contracts;
using VaeFaces.Contracts.Validation;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Latent;

namespace VaeFaces.Cli.Pipeline;

/// <summary>
/// What can be checked before the first job starts, so that a pipeline never trains for an hour and then fails on its
/// last step: the dataset's files, the edits against the attributes that will get a vector (the rule
/// ExtractAttributeVectors applies, on the labels of its fit split), and every step's parameters (JobValidator).
/// </summary>
public static class PipelineCheck
{
    /// <summary>The edit the pipeline will run (null when it has no edit step); throws a refusal naming the step and why.</summary>
    /// <param name="plan">Every step's command as the pipeline will send it, with any edits.</param>
    /// <param name="log">Told, in one line, which attributes the default edit dropped.</param>
    public static IReadOnlyDictionary<string, double>? Run(PipelineSettings settings, IReadOnlyList<IJobCommand> plan, Action<string> log)
    {
        CelebADataset dataset;
        try
        {
            dataset = CelebADataset.Open(settings.Dataset);
        }
        catch (DatasetException error)
        {
            throw new JobFailedException(plan[0].GetType().Name, error.Message, beforeStart: true);
        }

        var edits = plan.OfType<EditImages>().Any() ? Edits(settings, dataset, plan.OfType<ExtractAttributeVectors>().Single(), log) : null;
        foreach (var command in plan)
        {
            var checkedCommand = command is EditImages edit && edits is not null ? edit with { Edits = edits } : command;
            if (JobValidator.Validate(checkedCommand) is { Count: > 0 } problems)
                throw new JobFailedException(command.GetType().Name, JobValidator.Describe(problems), beforeStart: true);
        }
        return edits;
    }

    private static IReadOnlyDictionary<string, double> Edits(PipelineSettings settings, CelebADataset dataset, ExtractAttributeVectors vectors, Action<string> log)
    {
        var fitSplit = Splits.FromName(vectors.FitSplit);
        var rows = dataset.ImagesIn(fitSplit).Select(image => image.Attributes).ToList();
        var unfittable = AttributeVectors.Unfittable(rows, dataset.Attributes.Names, vectors.MinCount).ToDictionary(s => s.Name, StringComparer.Ordinal);
        string? WhyNot(string name) =>
            !dataset.Attributes.Names.Contains(name) ? $"{name} is not an attribute of {CelebAAttributes.AttributeFile}"
            : unfittable.TryGetValue(name, out var skipped)
                ? $"{name} will get no attribute vector: {skipped.Positives} positives and {skipped.Negatives} negatives in the {vectors.FitSplit} split; it {skipped.Reason}"
                : null;

        if (settings.Edits is { } requested)
        {
            var problems = requested.Keys.Select(WhyNot).OfType<string>().ToList();
            if (problems.Count > 0) throw new JobFailedException(nameof(EditImages), $"{nameof(EditImages.Edits)}: {string.Join("; ", problems)}", beforeStart: true);
            return requested;
        }

        var dropped = PipelineSettings.DefaultEdits.Keys.Where(name => WhyNot(name) is not null).ToList();
        var kept = PipelineSettings.DefaultEdits.Where(e => !dropped.Contains(e.Key)).ToDictionary();
        if (dropped.Count > 0)
        {
            log($"The default edit drops {string.Join("; ", dropped.Select(WhyNot))}" +
                (kept.Count > 0 ? $"; editing {string.Join(", ", kept.Keys)}" : ""));
        }
        if (kept.Count == 0)
            throw new JobFailedException(nameof(EditImages), $"no attribute of the default edit will get a vector ({string.Join("; ", dropped.Select(WhyNot))}); pass --edit", beforeStart: true);
        return kept;
    }
}
