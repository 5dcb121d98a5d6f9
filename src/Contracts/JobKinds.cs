namespace VaeFaces.Contracts;

/// <summary>The job commands by kind name, as the job API and the CLI name them.</summary>
public static class JobKinds
{
    public static IReadOnlyDictionary<string, Type> All { get; } = new[]
    {
        typeof(TrainModel), typeof(ComputeLatentStatistics), typeof(GenerateSamples),
        typeof(ExtractAttributeVectors), typeof(ExploreAttributes), typeof(EditImages),
        typeof(TrainAttributeClassifier), typeof(EvaluateEdits),
    }.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
}
