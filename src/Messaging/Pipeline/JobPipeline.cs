using VaeFaces.Contracts;
using VaeFaces.Contracts.Validation;

namespace VaeFaces.Messaging.Pipeline;

/// <summary>
/// The pipeline's one definition: its order and how each step's command is made from what the steps before it made.
/// The CLI runs it whole; the Scheduler's chains run steps of it after a scheduled TrainModel.
/// </summary>
public static class JobPipeline
{
    private static readonly BlobLocation Missing = new("");

    public static IReadOnlyList<string> Order { get; } =
    [
        nameof(TrainModel), nameof(ComputeLatentStatistics), nameof(GenerateSamples),
        nameof(ExtractAttributeVectors), nameof(ExploreAttributes), nameof(TrainAttributeClassifier), nameof(EvaluateEdits),
        nameof(EditImages),
    ];

    /// <summary>Steps that run on their defaults after training, so a schedule can chain them: an edit needs its edits.</summary>
    public static IReadOnlyList<string> Chainable { get; } = [.. Order.Skip(1).Where(kind => kind != nameof(EditImages))];

    /// <summary>
    /// Why these steps cannot run one after another on what the first command makes: a step that is not chainable,
    /// or one that needs an input no step before it makes. Empty when they can.
    /// </summary>
    public static IEnumerable<string> ChainProblems(IJobCommand first, IEnumerable<string> steps)
    {
        var inputs = PipelineInputs.Of(first);
        foreach (var kind in steps)
        {
            if (!Chainable.Contains(kind))
            {
                yield return $"'{kind}' cannot be chained; use {string.Join(", ", Chainable)}";
                continue;
            }
            // Each step in a folder of its own, as the Scheduler's chains run them: one step's output is the next one's input.
            var jobId = Guid.NewGuid();
            var command = Command(kind, inputs, jobId, new BlobLocation("chain", $"jobs/{jobId}"));
            if (JobValidator.Validate(command) is { Count: > 0 } errors) yield return $"{kind}: {JobValidator.Describe(errors)}";
            inputs = inputs.After(command);
        }
    }

    /// <summary>
    /// The step's command with its defaults. An input that no earlier step made stays empty, and JobValidator names it.
    /// TrainModel starts the pipeline from the contract's defaults.
    /// </summary>
    public static IJobCommand Command(string kind, PipelineInputs inputs, Guid jobId, BlobLocation output)
    {
        var model = inputs.Model ?? Missing;
        return kind switch
        {
            nameof(TrainModel) => TrainModel.Defaults with { JobId = jobId, Dataset = inputs.Dataset, Output = output },
            nameof(ComputeLatentStatistics) => new ComputeLatentStatistics { JobId = jobId, Model = model, Dataset = inputs.Dataset, Output = output },
            nameof(GenerateSamples) => new GenerateSamples { JobId = jobId, Model = model, Statistics = inputs.Statistics ?? Missing, Output = output },
            nameof(ExtractAttributeVectors) => new ExtractAttributeVectors { JobId = jobId, Model = model, Dataset = inputs.Dataset, Output = output },
            nameof(ExploreAttributes) => new ExploreAttributes
            {
                JobId = jobId, Model = model, Vectors = inputs.Vectors ?? Missing, Dataset = inputs.Dataset, Output = output,
            },
            nameof(TrainAttributeClassifier) => TrainAttributeClassifier.Defaults with { JobId = jobId, Dataset = inputs.Dataset, Output = output },
            nameof(EvaluateEdits) => EvaluateEdits.Defaults with
            {
                JobId = jobId, Model = model, Judge = inputs.Judge ?? Missing, Dataset = inputs.Dataset, Output = output,
            },
            nameof(EditImages) => new EditImages
            {
                JobId = jobId, Model = model, Vectors = inputs.Vectors ?? Missing, Input = inputs.Dataset, Output = output, Edits = new Dictionary<string, double>(),
                // With a judge made earlier, edits are calibrated by it.
                Calibration = inputs.Judge is { } judge ? new EditCalibration { Judge = judge } : null,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a pipeline step"),
        };
    }
}
