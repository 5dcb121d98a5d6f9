using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Sampling;

namespace VaeFaces.Ml.Exploring;

/// <summary>
/// The tutorial's explore_latent_variable, one request at a time: a model and its attribute vectors held in memory,
/// a face's code (an encoded image or a sample), and sliders that move it. Calls are serialised: one decode takes
/// milliseconds, and TorchSharp's dispose scopes and grad mode belong to the calling thread.
/// </summary>
public sealed class LatentExplorer(VariationalAutoencoder model, IReadOnlyDictionary<string, float[]> vectors,
    float[]? mean, float[]? spread) : IDisposable
{
    private readonly Lock gate = new();
    private bool disposed;

    public IReadOnlyCollection<string> Attributes => (IReadOnlyCollection<string>)vectors.Keys;
    public int ImageSize => model.Options.ImageSize;
    public bool CanSample => mean is not null && spread is not null;

    /// <summary>The encoder's mean code of an encoded image (JPEG, PNG), centre-cropped and resized like the training data.</summary>
    public float[] Encode(byte[] encodedImage, string name)
    {
        var image = Preprocess(encodedImage, name);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var (z, _) = model.Encode(ImageTensors.ToTensor(image, Devices.Best()));
            return z.cpu().data<float>().ToArray();
        }
    }

    /// <summary>The sampling trick: each dimension from N(mean, spread) of the statistics' split, seeded.</summary>
    public float[] Sample(int seed) => CanSample
        ? LatentSampler.Sample(new Random(seed), 1, mean!, spread!)
        : throw new InvalidOperationException("no latent statistics were loaded, so there is nothing to sample from");

    /// <summary>The image as the model sees it (centre square, resized), as a PNG: the original beside the reconstruction.</summary>
    public byte[] InputPng(byte[] encodedImage, string name) => ImageGrid.RenderPng(Preprocess(encodedImage, name), columns: 1, padding: 0);

    /// <summary>The code moved by magnitude x vector for every slider, decoded, as a PNG at the model's size.</summary>
    /// <exception cref="KeyNotFoundException">A slider names an attribute without a vector.</exception>
    public byte[] RenderPng(float[] code, IReadOnlyDictionary<string, double> sliders)
    {
        var edits = sliders.Where(s => s.Value != 0).Select(s => new LatentEdit(s.Key, vectors[s.Key], s.Value)).ToList();
        ImageBatch image;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var z = torch.tensor(code, [1, code.Length]).to(Devices.Best());
            image = ImageTensors.ToBatch(model.Decode(LatentEdits.Apply(z, edits)));
        }
        return ImageGrid.RenderPng(image, columns: 1, padding: 0);
    }

    private ImageBatch Preprocess(byte[] encodedImage, string name)
    {
        var rgb = new byte[ImageSize * ImageSize * 3];
        if (ImageDecoder.TryDecode(encodedImage, ImageSize, rgb) is { } problem) throw new DatasetException(name, null, problem);
        var pixels = new float[rgb.Length];
        PixelLayout.HwcBytesToChwFloats(rgb, pixels);
        return new ImageBatch(pixels, 1, ImageSize, ImageSize);
    }

    /// <summary>Waits for a call in progress, so a cache may drop an explorer another request is using.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            model.Dispose();
        }
    }
}
