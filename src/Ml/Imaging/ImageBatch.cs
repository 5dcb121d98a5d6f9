namespace VaeFaces.Ml.Imaging;

/// <summary>
/// Count images as float CHW RGB in [0, 1] (values outside are clamped when drawn), packed contiguously:
/// Pixels[n*3*H*W + c*H*W + y*W + x]. This is the layout of a (N, 3, H, W) tensor copied out of the model.
/// </summary>
public sealed record ImageBatch(float[] Pixels, int Count, int Height, int Width);
