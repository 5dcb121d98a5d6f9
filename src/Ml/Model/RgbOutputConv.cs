using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VaeFaces.Ml.Model;

/// <summary>
/// The decoder's last 3x3 convolution to RGB, stride 1, padding 1, with the weights and initialisation of Conv2d, computed
/// as the equivalent transposed convolution.
/// </summary>
/// <remarks>
/// Why: libtorch 2.10's oneDNN (3.7.1) runs a plain Conv2d with 3 output channels in layouts padded to 8 or 16 channels
/// (ABcd8a8b, aBcd16b). Its backward-data sums over those padding channels and, depending on what the allocator handed
/// it, their memory is not zero: 0 x NaN poisons whole input-gradient channels, the loss turns NaN at the next step.
/// As a transposed convolution, the gradient flowing to the decoder is a forward convolution that reads the 3-channel
/// gradient unpadded; padding now only ever lands in outputs that are thrown away. Same maths, same parameters.
/// </remarks>
public sealed class RgbOutputConv : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public RgbOutputConv(int inChannels, int outChannels = 3) : base(nameof(RgbOutputConv))
    {
        // Conv2d's own initialisation, drawn from the same generator as before: seeded runs are unchanged.
        using var reference = Conv2d(inChannels, outChannels, 3, padding: 1);
        weight = Parameter(reference.weight!.detach().clone());
        bias = Parameter(reference.bias!.detach().clone());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // conv2d(x, W) with padding 1 equals conv_transpose2d(x, W with in/out swapped and the kernel flipped), padding 1.
        using var transposed = weight.transpose(0, 1);
        using var flipped = transposed.flip(2, 3);
        return functional.conv_transpose2d(input, flipped, bias, padding: [1, 1]);
    }
}
