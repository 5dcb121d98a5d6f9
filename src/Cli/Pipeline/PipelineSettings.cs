using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>What the pipeline runs with: the contract's defaults unless changed; the demo overrides a few to finish in minutes.</summary>
public sealed record PipelineSettings
{
    /// <summary>The bulk edit when none is asked for, less the attributes that will get no vector (see PipelineCheck).</summary>
    public static IReadOnlyDictionary<string, double> DefaultEdits { get; } = new Dictionary<string, double> { ["Smiling"] = 2, ["Eyeglasses"] = 2 };

    public required string Dataset { get; init; }
    public required string Output { get; init; }
    /// <summary>The training parameters; the pipeline sets the job, dataset and output.</summary>
    public TrainModel Training { get; init; } = TrainModel.Defaults;
    /// <summary>The bulk edit of the test split; null for <see cref="DefaultEdits"/>.</summary>
    public IReadOnlyDictionary<string, double>? Edits { get; init; }
}
