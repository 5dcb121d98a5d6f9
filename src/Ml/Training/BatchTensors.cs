using TorchSharp;
using VaeFaces.Ml.Data;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Training;

public static class BatchTensors
{
    /// <summary>Copies a loader batch into its own tensor on the device, so the buffer can be reused at once.</summary>
    public static Tensor ToTensor(ImageBatchBuffer batch, int size, Device device)
    {
        var perImage = 3 * size * size;
        using var wrapped = torch.tensor(batch.Pixels, [batch.Pixels.Length / perImage, 3, size, size]);
        using var used = wrapped.narrow(0, 0, batch.Count);
        return device.type == DeviceType.CPU ? used.clone() : used.to(device);
    }
}
