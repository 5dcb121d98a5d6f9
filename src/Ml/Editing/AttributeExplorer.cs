using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Editing;

/// <summary>Strip: one row per explored attribute, one column per magnitude. Trio: original, reconstruction, combined edit.</summary>
public sealed record ExploredImage(ImageBatch Strip, ImageBatch Trio);

/// <summary>What moving one image along attribute vectors looks like.</summary>
public static class AttributeExplorer
{
    /// <param name="image">One image; its batch has Count 1.</param>
    /// <param name="explored">The attributes of the strip; their own magnitudes are replaced by each of magnitudes.</param>
    /// <param name="combined">The edits applied together for the trio's third image.</param>
    /// <remarks>Synchronous on purpose: TorchSharp dispose scopes and grad mode belong to the calling thread.</remarks>
    public static ExploredImage Explore(VariationalAutoencoder model, ImageBatch image, IReadOnlyList<LatentEdit> explored,
        IReadOnlyList<LatentEdit> combined, IReadOnlyList<double> magnitudes)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var input = ImageTensors.ToTensor(image, Devices.Best());
        var (z, _) = model.Encode(input);
        // One decode per (attribute, magnitude): rows are attributes, columns magnitudes.
        var strip = torch.cat(explored.SelectMany(a => magnitudes.Select(m => LatentEdits.Apply(z, [a with { Magnitude = m }]))).ToList(), 0);
        var trio = torch.cat([input, model.Decode(z), model.Decode(LatentEdits.Apply(z, combined))], 0);
        return new ExploredImage(ImageTensors.ToBatch(model.Decode(strip)), ImageTensors.ToBatch(trio));
    }
}
