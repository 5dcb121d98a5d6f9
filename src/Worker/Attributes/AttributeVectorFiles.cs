using VaeFaces.Contracts;
using VaeFaces.Ml.Editing;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;

namespace VaeFaces.Worker.Attributes;

public sealed record AttributeVectorInfo(string Name, int Positives, int Negatives, double Norm, double? TestAuc, int TestPositives, int TestNegatives)
{
    /// <summary>What a conditional direction was made orthogonal to; empty for the other methods.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
}

public sealed record SkippedAttributeInfo(string Name, int Positives, int Negatives, string Reason);

public sealed record AttributeVectorsDocument(int Dims, string FitSplit, string EvaluationSplit, List<AttributeVectorInfo> Attributes, List<SkippedAttributeInfo> Skipped)
{
    /// <summary>One of <see cref="DirectionMethods.All"/>; files written before methods existed hold mean differences.</summary>
    public string Method { get; init; } = DirectionMethods.MeanDifference;
}

/// <summary>attribute_vectors.npy (attributes x z_dim, rows in the JSON's order) and attribute_vectors.json.</summary>
public static class AttributeVectorFiles
{
    public const string Npy = "attribute_vectors.npy";
    public const string Json = "attribute_vectors.json";

    public static async Task<Dictionary<string, float[]>> ReadAsync(JobWorkspace job, BlobLocation location)
    {
        if (!await job.Store.ExistsAsync(location.Child(Npy), job.CancellationToken))
            throw new JobInputException($"no attribute vectors at {location}: {Npy} not found");
        await job.AddLineageAsync("vectors", location);
        var document = await job.Store.ReadJsonAsync<AttributeVectorsDocument>(location.Child(Json), job.CancellationToken)
            ?? throw new JobInputException($"{location}/{Json} is empty");
        var matrix = await LatentFiles.ReadVectorAsync(job.Store, location.Child(Npy), job.CancellationToken);
        return document.Attributes
            .Select((a, i) => (a.Name, Vector: matrix.AsSpan(i * document.Dims, document.Dims).ToArray()))
            .ToDictionary(x => x.Name, x => x.Vector, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The vectors an edit asks for; unknown names fail the job naming them and what is available.</summary>
    public static List<LatentEdit> Select(Dictionary<string, float[]> vectors,
        IReadOnlyDictionary<string, double> edits, string field)
    {
        var missing = edits.Keys.Where(k => !vectors.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new JobInputException($"{field}: no attribute vector for {string.Join(", ", missing)}; available: {string.Join(", ", vectors.Keys)}");
        var bad = edits.Where(e => !double.IsFinite(e.Value)).Select(e => e.Key).ToList();
        if (bad.Count > 0) throw new JobInputException($"{field}: magnitude of {string.Join(", ", bad)} is not a finite number");
        return edits.Select(e => new LatentEdit(e.Key, vectors[e.Key], e.Value)).ToList();
    }
}
