using VaeFaces.Contracts;

namespace VaeFaces.Messaging.Pipeline;

/// <summary>What the steps of a pipeline have made so far, which later steps read.</summary>
public sealed record PipelineInputs(BlobLocation Dataset, BlobLocation? Model = null, BlobLocation? Statistics = null, BlobLocation? Vectors = null,
    BlobLocation? Judge = null)
{
    /// <summary>The inputs a command read, plus what it made.</summary>
    public static PipelineInputs Of(IJobCommand command) => (command switch
    {
        TrainModel c => new PipelineInputs(c.Dataset),
        ComputeLatentStatistics c => new PipelineInputs(c.Dataset, c.Model),
        GenerateSamples c => new PipelineInputs(new BlobLocation(""), c.Model, c.Statistics),
        ExtractAttributeVectors c => new PipelineInputs(c.Dataset, c.Model),
        ExploreAttributes c => new PipelineInputs(c.Dataset, c.Model, Vectors: c.Vectors),
        EditImages c => new PipelineInputs(c.Input, c.Model, Vectors: c.Vectors),
        TrainAttributeClassifier c => new PipelineInputs(c.Dataset),
        EvaluateEdits c => new PipelineInputs(c.Dataset, c.Model, Judge: c.Judge),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a pipeline step"),
    }).After(command);

    /// <summary>These inputs with the output of a step that succeeded.</summary>
    public PipelineInputs After(IJobCommand done) => done switch
    {
        TrainModel c => this with { Model = c.Output },
        ComputeLatentStatistics c => this with { Statistics = c.Output },
        ExtractAttributeVectors c => this with { Vectors = c.Output },
        TrainAttributeClassifier c => this with { Judge = c.Output },
        _ => this,
    };
}
