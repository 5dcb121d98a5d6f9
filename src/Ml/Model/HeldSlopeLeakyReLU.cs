using TorchSharp;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Model;

/// <summary>
/// LeakyReLU whose slope is one native Scalar held for the module's life. TorchSharp 0.107's LeakyReLU turns its double
/// slope into a temporary Scalar on every call and hands libtorch only the handle; nothing keeps the temporary alive, so
/// a garbage collection during the native call lets its finalizer free the scalar while libtorch reads it. Seen once in
/// a demo, 4 s into training: "Expected false to be true ... toFloat at c10/core/Scalar.h:140" from the encoder's
/// leaky_relu (docs/training-numerics.md).
/// </summary>
public sealed class HeldSlopeLeakyReLU : nn.Module<Tensor, Tensor>
{
    private readonly Scalar slope;

    public HeldSlopeLeakyReLU(double negativeSlope) : base("LeakyReLU")
    {
        slope = negativeSlope.ToScalar();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var output = input.leaky_relu(slope);
        GC.KeepAlive(slope);
        return output;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) slope.Dispose();
        base.Dispose(disposing);
    }
}
