using VaeFaces.Contracts;
using VaeFaces.Ml.Editing;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using VaeFaces.Ml.Latent;

namespace VaeFaces.Worker.Attributes;

/// <summary>Attribute vectors as jobs read them (<see cref="AttributeVectorsDocument"/> has the format).</summary>
public static class AttributeVectorFiles
{
    public static async Task<Dictionary<string, float[]>> ReadAsync(JobWorkspace job, BlobLocation location)
    {
        if (!await job.Store.ExistsAsync(location.Child(AttributeVectorsDocument.NpyFile), job.CancellationToken))
            throw new JobInputException($"no attribute vectors at {location}: {AttributeVectorsDocument.NpyFile} not found");
        await job.AddLineageAsync("vectors", location);
        var document = await job.Store.ReadJsonAsync<AttributeVectorsDocument>(location.Child(AttributeVectorsDocument.JsonFile), job.CancellationToken)
            ?? throw new JobInputException($"{location}/{AttributeVectorsDocument.JsonFile} is empty");
        return document.Rows(LatentFiles.ReadVector(await job.Store.ReadBytesAsync(location.Child(AttributeVectorsDocument.NpyFile), job.CancellationToken)));
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
