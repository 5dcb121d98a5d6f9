using VaeFaces.Contracts;

namespace VaeFaces.Messaging;

/// <summary>
/// Parameter checks shared by the job API (400 naming each field) and the workers (a Failed job for a command
/// published straight to the queue). Checks that need the data (a missing model, an unknown attribute) stay in the jobs.
/// </summary>
public static class JobValidator
{
    private static readonly string[] Splits = ["train", "validation", "val", "test", "0", "1", "2"];
    private static readonly int[] ImageSizes = [64, 112, 128];

    /// <summary>Field name to problems; empty when the command is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(IJobCommand command)
    {
        var errors = new Errors();
        if (command.JobId == Guid.Empty) errors.Add(nameof(IJobCommand.JobId), "must not be empty");
        Location(errors, nameof(IJobCommand.Output), command.Output);
        switch (command)
        {
            case TrainModel c:
                Location(errors, nameof(c.Dataset), c.Dataset);
                if (!ImageSizes.Contains(c.ImageSize)) errors.Add(nameof(c.ImageSize), $"must be one of {string.Join(", ", ImageSizes)} (got {c.ImageSize})");
                AtLeast(errors, nameof(c.LatentDim), c.LatentDim, 1);
                AtLeast(errors, nameof(c.Epochs), c.Epochs, 1);
                AtLeast(errors, nameof(c.BatchSize), c.BatchSize, 1);
                OneOf(errors, nameof(c.Optimizer), c.Optimizer, "adam", "rmsprop");
                if (c.LearningRate is <= 0 or > 1 or double.NaN) errors.Add(nameof(c.LearningRate), $"must be in (0, 1] (got {c.LearningRate})");
                OneOf(errors, nameof(c.LrSchedule), c.LrSchedule, "constant", "exponential", "step", "cosine");
                if (c.LrDecay is <= 0 or > 1 or double.NaN) errors.Add(nameof(c.LrDecay), $"must be in (0, 1] (got {c.LrDecay})");
                AtLeast(errors, nameof(c.LrStepEpochs), c.LrStepEpochs, 1);
                if (c.KlWeight is < 0 or double.NaN) errors.Add(nameof(c.KlWeight), $"must not be negative (got {c.KlWeight})");
                if (c.KlWarmupEpochs is < 0 or double.NaN) errors.Add(nameof(c.KlWarmupEpochs), $"must not be negative (got {c.KlWarmupEpochs})");
                AtLeast(errors, nameof(c.EarlyStoppingPatience), c.EarlyStoppingPatience, 0);
                AtLeast(errors, nameof(c.CheckpointEverySteps), c.CheckpointEverySteps, 1);
                if (c.GradientClipNorm is < 0 or double.NaN) errors.Add(nameof(c.GradientClipNorm), $"must not be negative (got {c.GradientClipNorm})");
                break;
            case ComputeLatentStatistics c:
                Location(errors, nameof(c.Model), c.Model);
                Location(errors, nameof(c.Dataset), c.Dataset);
                Split(errors, nameof(c.Split), c.Split);
                AtLeast(errors, nameof(c.BatchSize), c.BatchSize, 1);
                break;
            case GenerateSamples c:
                Location(errors, nameof(c.Model), c.Model);
                Location(errors, nameof(c.Statistics), c.Statistics);
                if (c.Count is < 1 or > 1024) errors.Add(nameof(c.Count), $"must be between 1 and 1024 (got {c.Count})");
                break;
            case ExtractAttributeVectors c:
                Location(errors, nameof(c.Model), c.Model);
                Location(errors, nameof(c.Dataset), c.Dataset);
                Split(errors, nameof(c.FitSplit), c.FitSplit);
                Split(errors, nameof(c.EvaluationSplit), c.EvaluationSplit);
                if (string.Equals(c.FitSplit, c.EvaluationSplit, StringComparison.OrdinalIgnoreCase))
                    errors.Add(nameof(c.EvaluationSplit), "must differ from FitSplit: never evaluate on the split the vectors were fitted on");
                AtLeast(errors, nameof(c.MinCount), c.MinCount, 1);
                AtLeast(errors, nameof(c.BatchSize), c.BatchSize, 1);
                break;
            case ExploreAttributes c:
                Location(errors, nameof(c.Model), c.Model);
                Location(errors, nameof(c.Vectors), c.Vectors);
                Location(errors, nameof(c.Dataset), c.Dataset);
                if (c.Images is < 1 or > 64) errors.Add(nameof(c.Images), $"must be between 1 and 64 (got {c.Images})");
                if (c.Magnitudes is null || c.Magnitudes.Count == 0) errors.Add(nameof(c.Magnitudes), "must not be empty");
                break;
            case EditImages c:
                Location(errors, nameof(c.Model), c.Model);
                Location(errors, nameof(c.Vectors), c.Vectors);
                Location(errors, nameof(c.Input), c.Input);
                if (c.Edits is null || c.Edits.Count == 0) errors.Add(nameof(c.Edits), "must name at least one attribute and magnitude");
                else if (c.Edits.Any(e => !double.IsFinite(e.Value))) errors.Add(nameof(c.Edits), "magnitudes must be finite numbers");
                if (c.Split is not null) Split(errors, nameof(c.Split), c.Split);
                AtLeast(errors, nameof(c.BatchSize), c.BatchSize, 1);
                if (c.JpegQuality is < 1 or > 100) errors.Add(nameof(c.JpegQuality), $"must be between 1 and 100 (got {c.JpegQuality})");
                break;
        }
        return errors.ToDictionary();
    }

    /// <summary>All problems in one line, for a job's failure reason.</summary>
    public static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.SelectMany(e => e.Value.Select(problem => $"{e.Key} {problem}")));

    private static void Location(Errors errors, string field, BlobLocation? location)
    {
        if (location is null || string.IsNullOrWhiteSpace(location.Container)) errors.Add(field, "is required (container/prefix)");
    }

    private static void Split(Errors errors, string field, string? split)
    {
        if (split is null || !Splits.Contains(split.ToLowerInvariant())) errors.Add(field, $"'{split}' is not a split; use train, validation or test");
    }

    private static void AtLeast(Errors errors, string field, int value, int minimum)
    {
        if (value < minimum) errors.Add(field, $"must be at least {minimum} (got {value})");
    }

    private static void OneOf(Errors errors, string field, string? value, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value.ToLowerInvariant())) errors.Add(field, $"'{value}' is not one of {string.Join(", ", allowed)}");
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byField = [];

        public void Add(string field, string problem)
        {
            if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
            list.Add(problem);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() => byField.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
