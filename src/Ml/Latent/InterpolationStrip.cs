using System.Globalization;
using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Latent;

/// <summary>
/// Decoded paths between the codes (z_mean) of two images, one row per kind: [a, t = 0 ... t = 1, b]. The originals
/// frame each row, so the strip also shows how far the reconstructions at t = 0 and t = 1 are from the faces.
/// </summary>
public static class InterpolationStrip
{
    /// <summary>The rows of each pair, in this order.</summary>
    public static readonly IReadOnlyList<InterpolationKind> Kinds = [InterpolationKind.Lerp, InterpolationKind.Slerp];

    /// <summary>Images per row: the path and the two originals around it.</summary>
    public static int Columns(int steps) => steps + 2;

    /// <param name="pair">Two images, a then b.</param>
    /// <param name="steps">Images per path, both ends included.</param>
    /// <returns>Kinds.Count rows of Columns(steps) images.</returns>
    /// <remarks>Synchronous: TorchSharp dispose scopes and grad mode belong to the calling thread.</remarks>
    public static ImageBatch Render(VariationalAutoencoder model, ImageBatch pair, int steps)
    {
        if (pair.Count != 2) throw new ArgumentException($"a pair is 2 images, not {pair.Count}", nameof(pair));
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var device = Devices.Best();
        var input = ImageTensors.ToTensor(pair, device);
        var (zMean, _) = model.Encode(input);
        var codes = zMean.cpu().data<float>().ToArray();
        var dim = model.Options.LatentDim;
        var paths = new float[Kinds.Count * steps * dim];
        for (var k = 0; k < Kinds.Count; k++)
            Interpolation.Path(codes.AsSpan(0, dim), codes.AsSpan(dim, dim), steps, Kinds[k]).CopyTo(paths, k * steps * dim);

        // Every path of the pair in one decode.
        var decoded = model.Decode(torch.tensor(paths, [Kinds.Count * steps, dim]).to(device));
        var rows = Enumerable.Range(0, Kinds.Count)
            .Select(k => torch.cat([input.narrow(0, 0, 1), decoded.narrow(0, k * steps, steps), input.narrow(0, 1, 1)], 0));
        return ImageTensors.ToBatch(torch.cat(rows.ToList(), 0));
    }

    /// <summary>"pair 1 lerp", "pair 1 slerp", "pair 2 lerp", ...</summary>
    public static IReadOnlyList<string> RowLabels(int pairs) =>
        [.. Enumerable.Range(1, pairs).SelectMany(p => Kinds.Select(kind => $"pair {p} {kind.ToString().ToLowerInvariant()}"))];

    /// <summary>"a", "t=0", "t=0.12", ..., "t=1", "b": t as Interpolation.Path spaces it.</summary>
    public static IReadOnlyList<string> ColumnLabels(int steps) =>
        ["a", .. Enumerable.Range(0, steps).Select(k => "t=" + ((double)k / (steps - 1)).ToString("0.##", CultureInfo.InvariantCulture)), "b"];
}
