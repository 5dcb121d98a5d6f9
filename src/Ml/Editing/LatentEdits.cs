using static TorchSharp.torch;

namespace VaeFaces.Ml.Editing;

public static class LatentEdits
{
    /// <summary>z + sum of magnitude x vector, for a [N, D] batch of codes.</summary>
    public static Tensor Apply(Tensor z, IEnumerable<LatentEdit> edits)
    {
        var result = z.clone();
        foreach (var (_, vector, magnitude) in edits)
        {
            using var direction = tensor(vector).to(z.device);
            result.add_(direction, alpha: magnitude);
        }
        return result;
    }
}
