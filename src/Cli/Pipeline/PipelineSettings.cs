using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>What the pipeline runs with: the contract's defaults unless changed; the demo overrides a few to finish in minutes.</summary>
public sealed record PipelineSettings
{
    /// <summary>The bulk edit when none is asked for, less the attributes that will get no vector (see PipelineCheck).</summary>
    public static IReadOnlyDictionary<string, double> DefaultEdits { get; } = new Dictionary<string, double> { ["Smiling"] = 3, ["Eyeglasses"] = 3 };

    public required string Dataset { get; init; }
    public required string Output { get; init; }
    /// <summary>The training parameters; the pipeline sets the job, dataset and output.</summary>
    public TrainModel Training { get; init; } = TrainModel.Defaults;
    /// <summary>The bulk edit of the test split; null for <see cref="DefaultEdits"/>. Calibrated, these are the bounds.</summary>
    public IReadOnlyDictionary<string, double>? Edits { get; init; }
    /// <summary>The judge's probability the calibrated bulk edit aims for; null for the contract's default, 0 for fixed magnitudes.</summary>
    public double? EditTarget { get; init; }
    /// <summary>How the attribute vectors are fitted (one of <see cref="DirectionMethods.All"/>); null for the contract's default.</summary>
    public string? Method { get; init; }
}
